import Foundation

/// Where the worker thread leaves messages for the kernel's loop to send.
///
/// ZeroMQ sockets must not be shared between threads, so the worker (and the
/// interpreter's thread, which prints) never touch the shell or iopub sockets:
/// they push encoded frames, tagged with their channel, over an in-process socket
/// that the loop polls beside the others.
final class Outbox: @unchecked Sendable {
    /// Where a message goes, or the end of a request.
    enum Channel: UInt8 {
        case iopub = 1, shell = 2
        /// The request is answered: the loop may take the next shell message.
        case done = 3
        /// An `input_request` for the front end's stdin socket.
        case stdin = 4
    }

    static let endpoint = "inproc://nnlearn-outbox"
    private let socket: ZeroMQSocket
    private let lock = NSLock()

    /// The sending end, connected to the loop's `PULL` socket bound at ``endpoint``.
    init(context: ZeroMQContext) throws(ZeroMQError) {
        socket = try context.socket(.push)
        try socket.connect(Self.endpoint)
    }

    /// Hands frames to the loop for `channel`.
    func post(_ channel: Channel, _ frames: [Data] = []) {
        lock.withLock {
            // An in-process push only fails when the context is ending; the message has nowhere to go then.
            try? socket.send([Data([channel.rawValue])] + frames)
        }
    }

    func close() { lock.withLock { socket.close() } }
}

/// Builds the kernel's signed messages.
struct Messenger: Sendable {
    let codec: WireCodec
    /// The kernel's session id, in every header it writes.
    let session: String

    /// A reply to `request`, routed back to its sender.
    func reply(to request: KernelMessage, _ type: String, _ content: JSONObject) -> [Data] {
        codec.encode(KernelMessage(type: type, content: content, parent: request, session: session,
                                   identities: request.identities))
    }

    /// An iopub message about `parent`, under the topic `kernel.<session>.<type>`.
    func broadcast(_ type: String, _ content: JSONObject, parent: KernelMessage?) -> [Data] {
        codec.encode(KernelMessage(type: type, content: content, parent: parent, session: session,
                                   identities: [Data("kernel.\(session).\(type)".utf8)]))
    }
}
