import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so a reader sees the old contents or the new, never half of one.
public enum AtomicFile {
    /// Why a write failed.
    public struct WriteError: Error, LocalizedError, Sendable {
        public var message: String
        public var errorDescription: String? { message }
    }

    /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
    ///
    /// The temporary file lives in the same directory because rename(2) is
    /// atomic only within one file system. An existing file's permissions are
    /// kept, so a lesson stays as readable as it was. Missing directories are created.
    public static func write(_ data: Data, to url: URL) throws {
        let manager = FileManager.default
        let folder = url.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(message: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard manager.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(message: "cannot write in \(folder.path)")
        }
        if let mode = (try? manager.attributesOfItem(atPath: url.path))?[.posixPermissions] {
            try? manager.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw WriteError(message: "cannot replace \(url.path): \(reason)")
        }
    }
}
