import Foundation

/// The iopub messages of the request being handled: streams, results, figures, errors, status.
///
/// Printing happens on the interpreter's thread, so the request being answered
/// (the parent of every message) is kept under a lock. Stream text is gathered rather
/// than sent a line at a time — a loop printing 10 000 lines would otherwise be 10 000
/// messages for the front end to render — and goes out once ``flushSize`` bytes wait,
/// ``flushDelay`` after the first of them, or before any other message, so order is kept.
final class IOPub: @unchecked Sendable {
    /// Gathered stream text goes out once it is this many bytes.
    static let flushSize = 64 * 1024
    /// Gathered stream text goes out at most this long after it was printed.
    static let flushDelay: DispatchTimeInterval = .milliseconds(50)

    private let messenger: Messenger
    private let outbox: Outbox
    private let lock = NSLock()
    private var parentMessage: KernelMessage?
    /// The stream being gathered (`stdout` or `stderr`) and its text.
    private var pendingName = ""
    private var pendingText = ""
    private var pendingBytes = 0
    /// Whether a delayed flush is already on its way.
    private var isTimerSet = false
    private let timers = DispatchQueue(label: "nnlearn.kernel.iopub-flush")

    init(messenger: Messenger, outbox: Outbox) {
        self.messenger = messenger
        self.outbox = outbox
    }

    /// The request whose output is being published; text gathered for the previous one goes out first.
    var parent: KernelMessage? {
        get { lock.withLock { parentMessage } }
        set {
            lock.withLock {
                flushLocked()
                parentMessage = newValue
            }
        }
    }

    /// Publishes a message about the current request, after any stream text printed before it.
    func send(_ type: String, _ content: JSONObject) {
        lock.withLock {
            flushLocked()
            post(type, content)
        }
    }

    /// Text on standard output or error (`name` is `stdout` or `stderr`), gathered with the text before it.
    func stream(_ name: String, _ text: String) {
        guard !text.isEmpty else { return }
        lock.withLock {
            if name != pendingName { flushLocked() }
            pendingName = name
            pendingText += text
            pendingBytes += text.utf8.count
            if pendingBytes >= Self.flushSize {
                flushLocked()
            } else if !isTimerSet {
                isTimerSet = true
                timers.asyncAfter(deadline: .now() + Self.flushDelay) { [weak self] in self?.flushFromTimer() }
            }
        }
    }

    /// Sends the gathered stream text now.
    func flush() {
        lock.withLock { flushLocked() }
    }

    private func flushFromTimer() {
        lock.withLock {
            isTimerSet = false
            flushLocked()
        }
    }

    private func flushLocked() {
        guard !pendingText.isEmpty else { return }
        post("stream", ["name": pendingName, "text": pendingText])
        pendingText = ""
        pendingBytes = 0
    }

    private func post(_ type: String, _ content: JSONObject) {
        outbox.post(.iopub, messenger.broadcast(type, content, parent: parentMessage))
    }
}
