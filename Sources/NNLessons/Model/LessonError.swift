/// Why a lesson file could not be read: a file, a line and a message.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as named to the reader.
    public var file: String
    /// The 1-based line the problem is at (0 when it concerns the whole file).
    public var line: Int
    /// What is wrong, in words a lesson author can act on.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}
