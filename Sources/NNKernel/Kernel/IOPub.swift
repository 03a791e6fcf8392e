import Foundation

/// The iopub messages of the request being handled: streams, results, figures, errors, status.
///
/// Printing happens on the interpreter's thread, so the request being answered
/// (the parent of every message) is kept under a lock.
final class IOPub: @unchecked Sendable {
    private let messenger: Messenger
    private let outbox: Outbox
    private let lock = NSLock()
    private var parentMessage: KernelMessage?

    init(messenger: Messenger, outbox: Outbox) {
        self.messenger = messenger
        self.outbox = outbox
    }

    /// The request whose output is being published.
    var parent: KernelMessage? {
        get { lock.withLock { parentMessage } }
        set { lock.withLock { parentMessage = newValue } }
    }

    /// Publishes a message about the current request.
    func send(_ type: String, _ content: JSONObject) {
        outbox.post(.iopub, messenger.broadcast(type, content, parent: parent))
    }

    /// Text on standard output or error (`name` is `stdout` or `stderr`).
    func stream(_ name: String, _ text: String) {
        guard !text.isEmpty else { return }
        send("stream", ["name": name, "text": text])
    }
}
