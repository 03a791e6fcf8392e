import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, output and error without traps: a closed stream, a full disk
/// (`> /dev/full`) or a read error is a message and exit status 1, never a crash or
/// a silent exit 0 with the output lost.
public enum StandardStream {
    /// The largest program `run` reads (a file or standard input): far beyond any lesson, and small
    /// enough that parsing it stays within a few hundred megabytes.
    public static let maximumProgramBytes = 8 << 20

    /// Why reading failed, for the learner.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        /// Why reading failed, for the learner.
        public let description: String
    }

    /// The first failure writing to standard output, reported when the process exits.
    private static let failure = Mutex<String?>(nil)

    /// Writes text to a descriptor (1 or 2), all of it, retrying when interrupted; a failure on
    /// standard output is remembered for ``installExitCheck()``.
    public static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { systemWrite(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                if descriptor == 1 { failure.withLock { $0 = $0 ?? reason } }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// Reads a descriptor to its end, refusing more than `limit` bytes (`/dev/zero` never ends).
    public static func readAll(descriptor: Int32, name: String, limit: Int = maximumProgramBytes) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(description: "cannot read \(name): \(String(cString: strerror(errno)))") }
            if count == 0 { return data }
            guard data.count + count <= limit else {
                throw ReadError(description: "\(name) is larger than \(limit >> 20) MB, the most a program may be; split it into smaller files")
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Reads a program file (or standard input for `-`) with the size cap.
    public static func readProgram(path: String) throws -> Data {
        if path == "-" { return try readAll(descriptor: 0, name: "standard input") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReadError(description: "cannot read '\(path)': \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try readAll(descriptor: descriptor, name: "'\(path)'")
    }

    /// At exit, flushes standard output and turns any failure to write it into a message and status 1.
    public static func installExitCheck() {
        atexit {
            let flushed = fflush(nil) == 0
            let reason = StandardStream.failure.withLock { $0 } ?? (flushed ? nil : String(cString: strerror(errno)))
            guard let reason else { return }
            let message = "nnlearn: cannot write to standard output: \(reason); the output is lost\n"
            _ = message.withCString { systemWrite(2, $0, strlen($0)) }
            _exit(1)
        }
    }
}

/// write(2) and read(2), under names that do not clash with the methods called `write` and `read`.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}
