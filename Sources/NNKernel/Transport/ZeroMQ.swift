import CZeroMQ
import Foundation

/// A ZeroMQ failure: what was being done and libzmq's reason.
public struct ZeroMQError: Error, CustomStringConvertible {
    /// What failed, such as "bind tcp://127.0.0.1:5555".
    public let operation: String
    /// libzmq's error number (0 when libzmq could not be loaded).
    public let code: Int32
    /// Why, in words: libzmq's text for `code`, or what to install.
    public let reason: String

    init(_ operation: String, code: Int32 = nn_zmq_error()) {
        self.operation = operation
        self.code = code
        reason = String(cString: nn_zmq_error_text(code))
    }

    init(_ operation: String, reason: String) {
        self.operation = operation
        code = 0
        self.reason = reason
    }

    public var description: String { "\(operation): \(reason)" }
}

/// libzmq, opened when the first kernel starts rather than linked: only `nnlearn kernel` needs it,
/// and every other command starts without loading it and the libraries it depends on.
enum ZeroMQLibrary {
    /// Where the dynamic loader finds libzmq's current ABI (5) on each system.
    #if os(macOS)
    static let candidates = ["libzmq.5.dylib", "/opt/homebrew/lib/libzmq.5.dylib", "/usr/local/lib/libzmq.5.dylib"]
    #else
    static let candidates = ["libzmq.so.5"]
    #endif
    /// The package that provides it, for the message when it is missing.
    #if os(macOS)
    static let installHint = "install ZeroMQ (brew install zeromq)"
    #else
    static let installHint = "install the package libzmq5 (Debian and Ubuntu: sudo apt install libzmq5; Fedora: sudo dnf install zeromq)"
    #endif

    /// The outcome of the first load, shared by every kernel of the process.
    private static let loaded: Result<Void, ZeroMQError> = load(from: candidates)

    /// Loads libzmq once per process; the error names what to install when it is missing.
    static func ensureLoaded() throws(ZeroMQError) {
        try loaded.get()
    }

    /// Opens the first of `libraries` that loads and has every function the kernel calls.
    static func load(from libraries: [String]) -> Result<Void, ZeroMQError> {
        var reasons: [String] = []
        for library in libraries {
            var message = [CChar](repeating: 0, count: 512)
            if nn_zmq_load(library, &message, message.count) == 0 { return .success(()) }
            reasons.append(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let tried = libraries.joined(separator: ", ")
        return .failure(ZeroMQError("load the ZeroMQ library (\(tried))",
                                    reason: "\(reasons.joined(separator: "; ")); the Jupyter kernel needs it: \(installHint)"))
    }
}

/// A ZeroMQ context: the sockets of one kernel live in it.
final class ZeroMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init() throws(ZeroMQError) {
        try ZeroMQLibrary.ensureLoaded()
        guard let handle = nn_zmq_context() else { throw ZeroMQError("start ZeroMQ") }
        self.handle = handle
    }

    /// Ends the context once every socket is closed (waiting up to each socket's linger for queued frames).
    func end() { nn_zmq_context_end(handle) }

    /// A new socket of `kind`.
    func socket(_ kind: ZeroMQSocket.Kind) throws(ZeroMQError) -> ZeroMQSocket {
        guard let handle = nn_zmq_socket(handle, kind.rawValue) else { throw ZeroMQError("open a socket") }
        return ZeroMQSocket(handle: handle)
    }
}

/// One ZeroMQ socket, sending and receiving whole multipart messages.
///
/// A socket belongs to one thread at a time: the kernel's loop owns every socket but the
/// outbox's sending end, which a lock guards.
final class ZeroMQSocket: @unchecked Sendable {
    /// The socket kinds a kernel uses.
    enum Kind: Int32 {
        case pair = 0, publisher = 1, router = 6, pull = 7, push = 8
    }

    let handle: UnsafeMutableRawPointer
    private var isClosed = false

    init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    func bind(_ endpoint: String) throws(ZeroMQError) {
        guard nn_zmq_bind(handle, endpoint) == 0 else { throw ZeroMQError("bind \(endpoint)") }
    }

    func connect(_ endpoint: String) throws(ZeroMQError) {
        guard nn_zmq_connect(handle, endpoint) == 0 else { throw ZeroMQError("connect \(endpoint)") }
    }

    /// Sends the frames as one message.
    func send(_ frames: [Data]) throws(ZeroMQError) {
        guard !isClosed else { throw ZeroMQError("send on a closed socket", code: 0) }
        for (index, frame) in frames.enumerated() {
            let more: Int32 = index < frames.count - 1 ? 1 : 0
            let status = frame.withUnsafeBytes { nn_zmq_send(handle, $0.baseAddress, $0.count, more) }
            guard status == 0 else { throw ZeroMQError("send") }
        }
    }

    /// The next whole message; nil when `wait` is false and none is waiting.
    func receive(wait: Bool = true) throws(ZeroMQError) -> [Data]? {
        var frames: [Data] = []
        while true {
            var data: UnsafeMutableRawPointer?
            var more: Int32 = 0
            // Once the first frame is in, the rest of the message is already there.
            let size = nn_zmq_receive(handle, &data, &more, wait || !frames.isEmpty ? 1 : 0)
            if size < 0 {
                let code = nn_zmq_error()
                if code == nn_zmq_interrupted() { continue }
                if code == nn_zmq_again() && frames.isEmpty { return nil }
                throw ZeroMQError("receive", code: code)
            }
            frames.append(data.map { Data(bytes: $0, count: size) } ?? Data())
            nn_zmq_free(data)
            if more == 0 { return frames }
        }
    }

    /// Echoes every message back to its sender until the context ends (the heartbeat); blocks.
    func echoForever() {
        isClosed = true
        nn_zmq_echo(handle)
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        nn_zmq_close(handle)
    }

    /// Waits up to `timeout` milliseconds (-1: forever) for messages; which of `sockets` have one.
    static func poll(_ sockets: [ZeroMQSocket], timeout: Int = -1) throws(ZeroMQError) -> [Bool] {
        var handles: [UnsafeMutableRawPointer?] = sockets.map(\.handle)
        var ready = [Int32](repeating: 0, count: sockets.count)
        while true {
            let status = nn_zmq_poll(&handles, &ready, Int32(sockets.count), timeout)
            if status >= 0 { return ready.map { $0 != 0 } }
            // Ctrl-C (SIGINT) wakes the poll; the handler has already asked the running cell to stop.
            guard nn_zmq_error() == nn_zmq_interrupted() else { throw ZeroMQError("poll") }
        }
    }
}
