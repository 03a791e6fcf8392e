import Foundation
import NNScript

/// `input()` in a notebook: an `input_request` on the stdin socket, answered by the front end's `input_reply`.
///
/// The interpreter's thread asks and waits; the kernel's loop, which owns the stdin socket,
/// hands the reply over. A request that did not allow stdin (`allow_stdin` false, as nbclient
/// runs notebooks) makes `input()` an error rather than a wait that never ends.
final class StdinRequests: @unchecked Sendable {
    private let outbox: Outbox
    private let messenger: Messenger
    private let iopub: IOPub
    private let lock = NSLock()
    /// The execute request whose cell may ask for input; nil when it may not.
    private var asker: KernelMessage?
    private var isWaiting = false
    private var answer: String?
    private let answered = DispatchSemaphore(value: 0)

    init(outbox: Outbox, messenger: Messenger, iopub: IOPub) {
        self.outbox = outbox
        self.messenger = messenger
        self.iopub = iopub
    }

    /// The request now running, and whether its front end takes input.
    func begin(_ request: KernelMessage, allowsInput: Bool) {
        lock.withLock { asker = allowsInput ? request : nil }
    }

    /// Asks the front end for a line with `prompt` and waits for it; stops waiting when the cell is interrupted.
    func read(_ prompt: String) -> NNScript.Host.InputLine {
        let request: KernelMessage? = lock.withLock {
            guard let asker else { return nil }
            isWaiting = true
            answer = nil
            return asker
        }
        guard let request else {
            return .unavailable("the front end did not allow input for this cell (allow_stdin is false)")
        }
        // What the cell printed before the question is shown above it.
        iopub.flush()
        outbox.post(.stdin, messenger.reply(to: request, "input_request", ["prompt": prompt, "password": false]))
        while answered.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            guard Interruption.isRequested else { continue }
            let gaveUp = lock.withLock {
                // A reply that came in meanwhile has signalled: take it rather than leave the signal behind.
                guard isWaiting else { return false }
                isWaiting = false
                return true
            }
            // The interpreter turns the interrupt into KeyboardInterrupt.
            if gaveUp { return .end }
        }
        return lock.withLock { .line(answer ?? "") }
    }

    /// Hands over a front end's `input_reply`; one that nothing waits for is dropped.
    func deliver(_ reply: KernelMessage) {
        lock.withLock {
            guard isWaiting else { return }
            isWaiting = false
            answer = reply.string("value") ?? ""
            answered.signal()
        }
    }
}
