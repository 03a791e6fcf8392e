import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program on a pseudo-terminal of its own, as a learner's terminal would:
/// the program is the leader of a new session with the terminal as its
/// controlling terminal, so Ctrl-C written to the terminal reaches it as SIGINT
/// (and never the test process). Output is replayed into a ``ScreenModel``.
final class PseudoTerminal {
    enum Failure: Error, CustomStringConvertible {
        case system(String)
        case timeout(String, screen: String)

        var description: String {
            switch self {
            case .system(let message): return message
            case .timeout(let waitingFor, let screen): return "timed out waiting for \(waitingFor); the screen was:\n\(screen)"
            }
        }
    }

    private(set) var screen: ScreenModel
    /// Every byte the program wrote, escapes included.
    private(set) var rawOutput: [UInt8] = []
    private let master: Int32
    let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `executable` with `environment` on a terminal of `rows` × `columns`.
    init(executable: String, arguments: [String] = [], environment: [String: String],
         rows: Int = 30, columns: Int = 100) throws {
        guard let (master, slavePath) = PseudoTerminalCalls.openMaster() else {
            throw Failure.system("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child opens the terminal after setsid, so it becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session, default SIGINT handling and nothing blocked, whatever the test runner uses.
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(PseudoTerminalCalls.newSessionFlag | Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw Failure.system("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.master = master
        self.pid = pid
        screen = ScreenModel(rows: rows, columns: columns)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types text as keys (use "\r" for Enter, "\u{3}" for Ctrl-C, "\u{1B}[A" for Up).
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(master, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// Reads output until `condition` holds for the screen, or fails after `timeout` seconds.
    func wait(for description: String, timeout: Double = 20, _ condition: (ScreenModel) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(screen) {
            guard Date() < deadline else { throw Failure.timeout(description, screen: screen.text) }
            pump(milliseconds: 50)
        }
    }

    /// Waits until some line of the screen or scrollback contains `text`.
    func wait(forText text: String, timeout: Double = 20) throws {
        try wait(for: "'\(text)'", timeout: timeout) { $0.allLines.contains { $0.contains(text) } }
    }

    /// Waits until the cursor's line reads exactly `line` (trailing spaces ignored).
    func wait(forCursorLine line: String, timeout: Double = 20) throws {
        try wait(for: "the cursor line '\(line)'", timeout: timeout) { $0.cursorLine == line }
    }

    /// Waits for a prompt, then a little longer: libedit draws the prompt before
    /// it puts the terminal in raw mode, and keys typed in between would be
    /// echoed by the terminal itself (Ctrl-D would even be taken as end of file).
    func wait(forPrompt line: String, timeout: Double = 20) throws {
        try wait(forCursorLine: line, timeout: timeout)
        settle(seconds: 0.2)
    }

    /// Keeps reading for a while, for output that should not change anything.
    func settle(seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { pump(milliseconds: 20) }
    }

    /// Waits for the program to end and returns its exit status (128 + n for signal n).
    func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            pump(milliseconds: 20)
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                pump(milliseconds: 20)
                return code
            }
            guard Date() < deadline else { throw Failure.timeout("the program to exit", screen: screen.text) }
        }
    }

    /// Reads whatever the program wrote within `milliseconds`.
    private func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            rawOutput += buffer[..<count]
            screen.feed(Array(buffer[..<count]))
        }
    }
}

/// The built `nnlearn` executable, next to the test bundle in `.build/<configuration>/`.
enum BuiltExecutable {
    static func nnlearn() -> String? {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        for argument in CommandLine.arguments.prefix(1) {
            folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        // Tests/NNReplTests/Support/PseudoTerminal.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        folders.append(root.appendingPathComponent(".build/debug"))
        for folder in folders {
            // In an .xctest bundle on macOS the executable sits several levels up.
            var candidate = folder
            for _ in 0..<4 {
                let path = candidate.appendingPathComponent("nnlearn").path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: path) {
                    return path
                }
                candidate = candidate.deletingLastPathComponent()
            }
        }
        return nil
    }
}
