import Foundation

/// A JSON object as Foundation reads and writes it.
typealias JSONObject = [String: Any]

/// One message of the Jupyter protocol: routing identities, header, parent header,
/// metadata, content and binary buffers.
///
/// The JSON parts are immutable values decoded from the wire (strings, numbers,
/// arrays, dictionaries), so a message may pass between the kernel's threads.
struct KernelMessage: @unchecked Sendable {
    /// The ZeroMQ routing identities before the delimiter (the iopub topic when publishing).
    var identities: [Data]
    var header: JSONObject
    var parentHeader: JSONObject
    var metadata: JSONObject
    var content: JSONObject
    var buffers: [Data] = []

    /// The header's `msg_type`, such as `execute_request`.
    var type: String { header["msg_type"] as? String ?? "" }

    /// The front end's session id (the header's `session`).
    var session: String { header["session"] as? String ?? "" }

    /// A string field of the content.
    func string(_ key: String) -> String? { content[key] as? String }

    /// A Boolean field of the content; `fallback` when absent.
    func flag(_ key: String, default fallback: Bool) -> Bool { content[key] as? Bool ?? fallback }

    /// An integer field of the content.
    func integer(_ key: String) -> Int? { (content[key] as? NSNumber)?.intValue ?? content[key] as? Int }
}

/// Why frames could not be read as a message.
enum WireError: Error, Equatable {
    /// No `<IDS|MSG>` delimiter.
    case noDelimiter
    /// Fewer than the five frames after the delimiter.
    case tooFewFrames
    /// The signature does not match the frames (wrong key, or tampering).
    case badSignature
    /// A JSON frame is not a JSON object.
    case badJSON(String)

    var description: String {
        switch self {
        case .noDelimiter: "no <IDS|MSG> delimiter"
        case .tooFewFrames: "fewer than the five frames after the delimiter"
        case .badSignature: "a bad signature"
        case .badJSON(let part): "a \(part) that is not a JSON object"
        }
    }
}

/// Turns messages into ZeroMQ frames and back: `identities…, <IDS|MSG>, signature,
/// header, parent_header, metadata, content, buffers…`.
struct WireCodec: Sendable {
    static let delimiter = Data("<IDS|MSG>".utf8)
    let signer: MessageSigner

    /// The message in the frames; a bad signature is an error, so the message is never acted on.
    func decode(_ frames: [Data]) throws(WireError) -> KernelMessage {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw WireError.noDelimiter }
        let rest = Array(frames[(split + 1)...])
        guard rest.count >= 5 else { throw WireError.tooFewFrames }
        guard signer.isValid(rest[0], for: Array(rest[1...4])) else { throw WireError.badSignature }
        func object(_ frame: Data, _ part: String) throws(WireError) -> JSONObject {
            guard let value = try? JSONSerialization.jsonObject(with: frame), let object = value as? JSONObject else {
                throw WireError.badJSON(part)
            }
            return object
        }
        return KernelMessage(identities: Array(frames[..<split]), header: try object(rest[1], "header"),
                             parentHeader: try object(rest[2], "parent header"), metadata: try object(rest[3], "metadata"),
                             content: try object(rest[4], "content"), buffers: Array(rest.dropFirst(5)))
    }

    /// The frames of a message, signed.
    func encode(_ message: KernelMessage) -> [Data] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content].map(Self.json)
        return message.identities + [Self.delimiter, Data(signer.signature(of: parts).utf8)] + parts + message.buffers
    }

    /// Compact JSON, keys sorted.
    static func json(_ object: JSONObject) -> Data { JSONWriter.data(object) }
}

/// Message ids as jupyter_client's Session writes them: the session, the process and a count.
///
/// Unique without a fresh UUID per message (on Linux each one reads /dev/urandom).
final class MessageNumbers: @unchecked Sendable {
    static let shared = MessageNumbers()
    private let lock = NSLock()
    private var count = 0
    private let process = ProcessInfo.processInfo.processIdentifier

    /// The next id: `<session>_<pid>_<n>`.
    func next(in session: String) -> String {
        let number = lock.withLock {
            count &+= 1
            return count
        }
        return "\(session)_\(process)_\(number)"
    }
}

extension KernelMessage {
    /// A new message of `type` from the kernel's `session`, in answer to `parent` (if any).
    init(type: String, content: JSONObject, parent: KernelMessage?, session: String, identities: [Data]) {
        self.init(identities: identities, header: Self.header(type: type, session: session),
                  parentHeader: parent?.header ?? [:], metadata: [:], content: content)
    }

    /// A fresh header: a new id, the time now, protocol version 5.3.
    static func header(type: String, session: String) -> JSONObject {
        ["msg_id": MessageNumbers.shared.next(in: session), "session": session, "username": "nnlearn",
         "date": timestamp(), "msg_type": type, "version": "5.3"]
    }

    /// The time now in ISO 8601 with microseconds, UTC, as Jupyter writes dates.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(floor(seconds))
        let micros = min(Int((seconds - floor(seconds)) * 1_000_000), 999_999)
        var parts = tm()
        gmtime_r(&whole, &parts)
        // Built by hand: String(format:) goes through NSString, and every message carries a date.
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + "-" + digits(parts.tm_mon + 1, 2) + "-" + digits(parts.tm_mday, 2) + "T"
            + digits(parts.tm_hour, 2) + ":" + digits(parts.tm_min, 2) + ":" + digits(parts.tm_sec, 2) + "."
            + digits(Int32(micros), 6) + "Z"
    }
}
