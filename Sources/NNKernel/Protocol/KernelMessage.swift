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

    /// Compact JSON; a value JSON cannot hold becomes an empty object rather than a crash.
    static func json(_ object: JSONObject) -> Data {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return Data("{}".utf8)
        }
        return data
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
        ["msg_id": UUID().uuidString.lowercased(), "session": session, "username": "nnlearn",
         "date": timestamp(), "msg_type": type, "version": "5.3"]
    }

    /// The time now in ISO 8601 with microseconds, UTC, as Jupyter writes dates.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(floor(seconds))
        let micros = min(Int((seconds - floor(seconds)) * 1_000_000), 999_999)
        var parts = tm()
        gmtime_r(&whole, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), micros)
    }
}
