import Foundation

/// What a Jupyter front end tells a kernel it starts: where to listen and the signing key.
///
/// The connection file is JSON with `transport`, `ip`, the five ports, `key` and
/// `signature_scheme` (jupyter_client's `docs/kernels.rst`).
public struct ConnectionInfo: Equatable, Sendable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The address (tcp) or path prefix (ipc) to bind.
    public var ip: String
    /// The ports of the shell, iopub, stdin, control and heartbeat sockets.
    public var shellPort, iopubPort, stdinPort, controlPort, heartbeatPort: Int
    /// The HMAC key; empty means messages are not signed.
    public var key: String
    /// The signature scheme; only `hmac-sha256` is known.
    public var signatureScheme: String

    /// Reads a connection file's JSON; the error names the field that is missing or wrong.
    public init(json: Data) throws(KernelError) {
        guard let object = try? JSONSerialization.jsonObject(with: json), let fields = object as? [String: Any] else {
            throw KernelError("the connection file is not a JSON object")
        }
        func port(_ name: String) throws(KernelError) -> Int {
            guard let value = fields[name] as? Int, (0...65535).contains(value) else {
                throw KernelError("the connection file has no valid \"\(name)\" (a port number from 0 to 65535)")
            }
            return value
        }
        transport = fields["transport"] as? String ?? "tcp"
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError("the connection file's transport \"\(transport)\" is neither tcp nor ipc")
        }
        ip = fields["ip"] as? String ?? "127.0.0.1"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        key = fields["key"] as? String ?? ""
        signatureScheme = fields["signature_scheme"] as? String ?? "hmac-sha256"
        guard signatureScheme == "hmac-sha256" || key.isEmpty else {
            throw KernelError("the connection file's signature_scheme \"\(signatureScheme)\" is not hmac-sha256, the one nnlearn knows")
        }
    }

    /// The ZeroMQ endpoint of a port: `tcp://127.0.0.1:5555`, or `ipc://path-5555`.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}

/// Why the kernel could not start or go on.
public struct KernelError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, in one sentence.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
