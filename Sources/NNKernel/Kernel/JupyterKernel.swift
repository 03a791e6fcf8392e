import Foundation
import NNRepl
import NNScript

/// A Jupyter kernel for nnlearn: the five sockets of a connection file, the messaging
/// protocol 5.3, and one notebook session.
///
/// One loop owns every socket. Shell requests run one at a time on a worker thread,
/// which leaves its replies and output in the ``Outbox``; meanwhile the loop still
/// answers the control socket, so an interrupt stops a running cell (its variables
/// survive) and a shutdown ends the kernel. The heartbeat echoes on a thread of its own.
public final class JupyterKernel {
    private let context: ZeroMQContext
    private let shell, control, stdin, iopub, heartbeat, outboxEnd: ZeroMQSocket
    private let codec: WireCodec
    private let messenger: Messenger
    private let outbox: Outbox
    private let session: KernelSession
    /// Cells run here, on one long-lived thread with the interpreter's large stack.
    private let worker = LargeStack.Worker()
    private let log: (String) -> Void

    /// Binds the sockets the connection asks for; `version` is reported in kernel_info.
    public init(connection: ConnectionInfo, version: String, baseDirectory: URL,
                log: @escaping (String) -> Void = { FileHandle.standardError.write(Data("nnlearn kernel: \($0)\n".utf8)) }) throws(ZeroMQError) {
        self.log = log
        context = try ZeroMQContext()
        shell = try context.socket(.router)
        control = try context.socket(.router)
        stdin = try context.socket(.router)
        iopub = try context.socket(.publisher)
        heartbeat = try context.socket(.router)
        outboxEnd = try context.socket(.pull)
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        try heartbeat.bind(connection.endpoint(connection.heartbeatPort))
        try outboxEnd.bind(Outbox.endpoint)
        codec = WireCodec(signer: MessageSigner(key: connection.key))
        messenger = Messenger(codec: codec, session: UUID().uuidString.lowercased())
        outbox = try Outbox(context: context)
        session = KernelSession(version: version, iopub: IOPub(messenger: messenger, outbox: outbox), outbox: outbox,
                                messenger: messenger, baseDirectory: baseDirectory)
    }

    /// Serves requests until a shutdown request; returns the exit status.
    public func run() -> Int32 {
        let echo = heartbeat
        let heart = Thread { echo.echoForever() }
        heart.start()
        // Front ends wait for a first status before they send requests.
        send(messenger.broadcast("status", ["execution_state": "starting"], parent: nil), on: iopub)
        var busy = false
        do {
            while true {
                let sockets = busy ? [control, outboxEnd, stdin] : [control, outboxEnd, stdin, shell]
                let ready = try ZeroMQSocket.poll(sockets)
                if ready[0], let frames = try control.receive(wait: false), let request = accept(frames, from: "control") {
                    if handleControl(request) { break }
                }
                if ready[1] {
                    while let frames = try outboxEnd.receive(wait: false) {
                        if forward(frames) { busy = false }
                    }
                }
                if ready[2], let frames = try stdin.receive(wait: false), let reply = accept(frames, from: "stdin"),
                   reply.type == "input_reply" {
                    session.stdin.deliver(reply)
                }
                if ready.count > 3, ready[3], let frames = try shell.receive(wait: false), let request = accept(frames, from: "shell") {
                    if request.type == "shutdown_request" {
                        if shutDown(request, on: shell) { break }
                        continue
                    }
                    busy = true
                    // An interrupt from now on stops this request's cell, even one sent before the cell starts.
                    Interruption.clear()
                    send(messenger.broadcast("status", ["execution_state": "busy"], parent: request), on: iopub)
                    let session = self.session
                    worker.async { session.handle(request) }
                }
            }
        } catch {
            log("\(error)")
            return 1
        }
        close()
        return 0
    }

    /// The message in the frames; nil (and a line on standard error) when they are not a valid, signed message.
    private func accept(_ frames: [Data], from channel: String) -> KernelMessage? {
        do {
            return try codec.decode(frames)
        } catch {
            // Never run what the key does not vouch for: only say it happened.
            log("dropped a message on \(channel) with \(error.description)")
            return nil
        }
    }

    /// Answers a control request; true when the kernel must stop.
    private func handleControl(_ request: KernelMessage) -> Bool {
        send(messenger.broadcast("status", ["execution_state": "busy"], parent: request), on: iopub)
        defer { send(messenger.broadcast("status", ["execution_state": "idle"], parent: request), on: iopub) }
        switch request.type {
        case "shutdown_request":
            return shutDown(request, on: control)
        case "interrupt_request":
            // The running cell stops at its next step and reports KeyboardInterrupt; variables are kept.
            Interruption.request()
            send(messenger.reply(to: request, "interrupt_reply", ["status": "ok"]), on: control)
        case "kernel_info_request":
            send(messenger.reply(to: request, "kernel_info_reply", session.kernelInfo), on: control)
        default:
            log("ignored a \(request.type) on control")
        }
        return false
    }

    /// Replies to a shutdown request; the kernel then stops (a restart is the front end's to do).
    private func shutDown(_ request: KernelMessage, on socket: ZeroMQSocket) -> Bool {
        Interruption.request()
        let restart = request.flag("restart", default: false)
        send(messenger.reply(to: request, "shutdown_reply", ["status": "ok", "restart": restart]), on: socket)
        return true
    }

    /// Sends frames the worker left in the outbox; true when they end a request.
    private func forward(_ frames: [Data]) -> Bool {
        guard let tag = frames.first?.first, let channel = Outbox.Channel(rawValue: tag) else { return false }
        let message = Array(frames.dropFirst())
        switch channel {
        case .iopub: send(message, on: iopub)
        case .shell: send(message, on: shell)
        case .stdin: send(message, on: stdin)
        case .done: return true
        }
        return false
    }

    private func send(_ frames: [Data], on socket: ZeroMQSocket) {
        do {
            try socket.send(frames)
        } catch {
            log("\(error)")
        }
    }

    /// Closes every socket and ends the context, letting queued replies go out first.
    private func close() {
        for socket in [shell, control, stdin, iopub, outboxEnd] { socket.close() }
        outbox.close()
        context.end()
    }
}
