import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so a reader sees the old contents or the new, never half of one.
///
/// Every file nnlearn writes goes through here: progress, hints, history, exercise
/// starters, lessons (`:save`, `replay --update`), figures and graphs. The rules:
/// - a symbolic link is followed to its target, which is replaced; a link to a
///   missing file, and anything that is not a regular file, is refused;
/// - a new file gets the mode the umask gives (0644 under the usual 022); a
///   replaced file keeps its mode and, where allowed, its owner;
/// - a write-protected file (no write permission bit, e.g. 0444) is never replaced,
///   even by root;
/// - a full disk or any other write error leaves the old file whole and says so.
public enum AtomicFile {
    /// Why a write failed.
    public struct WriteError: Error, LocalizedError, Sendable {
        /// Why the write failed, for the learner.
        public var message: String
        /// The message, for `localizedDescription`.
        public var errorDescription: String? { message }
        /// A failure to write a file, with its message.
        public init(message: String) { self.message = message }
    }

    /// Writes `data` to a temporary file beside `url`'s target, then renames it over the target.
    ///
    /// The temporary file lives in the same directory because rename(2) is
    /// atomic only within one file system. Missing directories are created.
    public static func write(_ data: Data, to url: URL) throws {
        try replace(url) { descriptor, _ in
            try data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { throw WriteError(message: String(cString: strerror(errno))) }
                    offset += written
                }
            }
        }
    }

    /// Replaces `url`'s target with what `fill` writes into a fresh temporary file (given open and by path).
    public static func replace(_ url: URL, fill: (Int32, String) throws -> Void) throws {
        let target = try resolvedTarget(url)
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(message: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let existing = try replaceableStatus(target)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        // O_EXCL: never write through a file someone placed under the temporary name.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing == nil ? 0o666 : 0o600)
        guard descriptor >= 0 else {
            throw WriteError(message: "cannot write in \(folder.path): \(String(cString: strerror(errno)))")
        }
        var closed = false
        do {
            if let existing {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
                _ = fchmod(descriptor, existing.st_mode & 0o7777)
            }
            try fill(descriptor, temporary)
            closed = true
            guard close(descriptor) == 0 else { throw WriteError(message: String(cString: strerror(errno))) }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            let reason = (error as? WriteError)?.message ?? error.localizedDescription
            throw WriteError(message: "cannot write \(target.path): \(reason); the old file is unchanged")
        }
        guard rename(temporary, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(message: "cannot replace \(target.path): \(reason)")
        }
    }

    /// The file a write to `url` replaces: `url` itself, or where its chain of symbolic links ends.
    public static func resolvedTarget(_ url: URL) throws -> URL {
        var path = url.standardizedFileURL.path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(path, &status) == 0 else {
                if path != url.standardizedFileURL.path {
                    throw WriteError(message: "cannot write \(url.path): it is a symbolic link to \(path), which does not exist")
                }
                return URL(fileURLWithPath: path)
            }
            guard status.st_mode & S_IFMT == S_IFLNK else { return URL(fileURLWithPath: path) }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
                throw WriteError(message: "cannot write \(url.path): its symbolic link cannot be read")
            }
            path = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).standardizedFileURL.path
        }
        throw WriteError(message: "cannot write \(url.path): too many levels of symbolic links")
    }

    /// The status of an existing file that may be replaced, nil when there is none; an error otherwise.
    private static func replaceableStatus(_ target: URL) throws -> stat? {
        var status = stat()
        guard lstat(target.path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw WriteError(message: "cannot write \(target.path): it is not a regular file")
        }
        // Root may write anything; a file without any write permission bit was protected on purpose.
        guard status.st_mode & 0o222 != 0, access(target.path, W_OK) == 0 else {
            throw WriteError(message: "cannot write \(target.path): it is write-protected (mode \(String(status.st_mode & 0o7777, radix: 8))); nnlearn does not replace it")
        }
        return status
    }
}
