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

    /// Folders inside the readable ones whose files may not be read (the reference solutions, for graded code).
    public var hidden: [URL]
    /// Whether programs may write files at all (exercise checks may not).
    public var mayWrite: Bool

    /// Reading from `base` (the current folder by default), the workspace and the bundled data; writing when `mayWrite`.
    public init(base: URL? = nil, workspace: URL? = nil, hidden: [URL] = [], mayWrite: Bool = true) {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let start = base ?? current
        readable = [start, current] + (workspace.map { [$0] } ?? []) + [BundledData.directory]
        writable = [current] + (workspace.map { [$0] } ?? [])
        self.hidden = hidden
        self.mayWrite = mayWrite
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
        guard readable.contains(where: { Self.isInside(url, $0) }), !hidden.contains(where: { Self.isInside(url, $0) }) else {
            throw ScriptError(.file, "reading '\(path)' is not allowed: it lies outside the lesson's folder, the workspace and the bundled data", at: location,
                              hint: "use a path inside the current folder, or a bundled data set such as dataset(\"iris\")")
        }
        return url
    }

    /// The file lesson or exercise code may write for `path` in `format`, or an error saying why not.
    ///
    /// The rules (docs/robustness.md): a relative or absolute name with the format's
    /// extension, no `..`, no dotfile and no dot-folder; its folder must exist and, with
    /// every symbolic link resolved, lie inside the current folder or the workspace.
    /// An existing file (a link is followed, and its target checked the same way) is
    /// replaced only when it is in `written` (written by this interpreter) or carries
    /// the format's mark of nnlearn's output.
    public func urlForWriting(_ path: String, format: OutputFormat, written: Set<String> = [],
                              at location: SourceLocation?) throws -> URL {
        func refuse(_ why: String, hint: String? = nil) -> ScriptError {
            ScriptError(.file, "writing '\(path)' is not allowed: \(why)", at: location, hint: hint)
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = components.last else { throw refuse("the name is empty") }
        guard !components.contains("..") else {
            throw refuse("files are written only into the current folder or the workspace", hint: "use a name without '..'")
        }
        guard !components.contains(where: { $0.hasPrefix(".") && $0 != "." }) else {
            throw refuse("lesson code never writes a dotfile or into a dot-folder")
        }
        guard (name as NSString).pathExtension == format.fileExtension else {
            throw refuse("\(format.command) writes .\(format.fileExtension) files", hint: "give a name ending in .\(format.fileExtension)")
        }
        let literal = path.hasPrefix("/") ? URL(fileURLWithPath: path) : writable[0].appendingPathComponent(path)
        guard let folder = Self.realPath(literal.deletingLastPathComponent().path) else {
            throw refuse("its folder does not exist", hint: "write into the current folder, or create the folder first")
        }
        var target = URL(fileURLWithPath: folder).appendingPathComponent(String(name))
        try checkInsideWritable(target, refuse)
        var status = stat()
        guard lstat(target.path, &status) == 0 else { return target }  // a new file
        if status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = Self.realPath(target.path) else { throw refuse("it is a symbolic link to a missing file") }
            target = URL(fileURLWithPath: resolved)
            try checkInsideWritable(target, refuse)
            guard target.pathExtension == format.fileExtension else { throw refuse("it is a symbolic link to a file that is not .\(format.fileExtension)") }
        }
        guard !written.contains(target.path) else { return target }
        guard let head = FileHandle(forReadingAtPath: target.path).flatMap({ handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: OutputFormat.markLength)
        }), format.isOwnOutput(head) else {
            throw refuse("the file exists and was not written by nnlearn, so lesson code does not replace it",
                         hint: "choose another name, or delete the file yourself if you want it replaced")
        }
        return target
    }

    /// Refuses a resolved target outside the writable folders or inside a dot-folder below one.
    private func checkInsideWritable(_ target: URL, _ refuse: (String, String?) -> ScriptError) throws {
        let roots = writable.compactMap { Self.realPath($0.path) }
        guard let root = roots.first(where: { target.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            throw refuse("files are written only into the current folder or the workspace (symbolic links resolved)", nil)
        }
        let below = target.path.dropFirst(root.count).split(separator: "/")
        guard !below.contains(where: { $0.hasPrefix(".") }) else {
            throw refuse("lesson code never writes a dotfile or into a dot-folder (symbolic links resolved)", nil)
        }
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
