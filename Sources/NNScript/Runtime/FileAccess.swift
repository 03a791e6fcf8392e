import Foundation

/// Where programs may read and write files: the trust model.
///
/// Lesson and exercise code reads only from its own folder, the learner's
/// workspace, the current directory and the bundled data; it writes only
/// into the current directory or the workspace. Paths that escape, such as
/// `../../etc/passwd`, are refused with a message.
public struct FileAccess: Sendable {
    /// Folders whose files may be read; relative paths resolve against the first.
    public var readable: [URL]
    /// Folders into which files may be written; relative paths resolve against the first.
    public var writable: [URL]

    public init(base: URL? = nil, workspace: URL? = nil) {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let start = base ?? current
        readable = [start, current] + (workspace.map { [$0] } ?? []) + [BundledData.directory]
        writable = [current] + (workspace.map { [$0] } ?? [])
    }

    /// The file to read for `path`, or an error when it lies outside the allowed folders.
    public func urlForReading(_ path: String, at location: SourceLocation?) throws -> URL {
        // A bare name of a bundled file ("iris.csv") is found in the bundled data.
        if !path.contains("/") {
            let bundled = BundledData.directory.appendingPathComponent(path)
            let local = resolve(path, against: readable[0])
            if !FileManager.default.fileExists(atPath: local.path), FileManager.default.fileExists(atPath: bundled.path) {
                return bundled
            }
        }
        let url = resolve(path, against: readable[0])
        guard readable.contains(where: { Self.isInside(url, $0) }) else {
            throw ScriptError(.file, "reading '\(path)' is not allowed: it lies outside the lesson's folder, the workspace and the bundled data", at: location,
                              hint: "use a path inside the current folder, or a bundled data set such as dataset(\"iris\")")
        }
        return url
    }

    /// The file to write for `path`, or an error when it lies outside the allowed folders.
    public func urlForWriting(_ path: String, at location: SourceLocation?) throws -> URL {
        let url = resolve(path, against: writable[0])
        guard writable.contains(where: { Self.isInside(url, $0) }) else {
            throw ScriptError(.file, "writing '\(path)' is not allowed: files are written only into the current folder or the workspace", at: location)
        }
        return url
    }

    private func resolve(_ path: String, against base: URL) -> URL {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        return url.standardizedFileURL.resolvingSymlinksInPath()
    }

    static func isInside(_ url: URL, _ folder: URL) -> Bool {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let target = url.path
        return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}

/// The data sets shipped with nnlearn (lessons/data).
public enum BundledData {
    /// The `lessons/data` folder of this process's resource root (see ``ResourceRoot``).
    public static var directory: URL {
        ResourceRoot.current.lessonsDirectory(fallback: projectRoot).appendingPathComponent("data")
    }

    /// The checkout this binary was built from; the tests read its lessons.
    public static var projectRoot: URL { ResourceRoot.checkout }
}
