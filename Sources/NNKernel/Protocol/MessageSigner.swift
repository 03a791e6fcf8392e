import Crypto
import Foundation

/// Signs and checks Jupyter messages with HMAC-SHA256 over the header, parent header,
/// metadata and content frames, as the connection file's key asks.
///
/// The key is made once (not per message) and never changes, so the signer is shared between threads.
struct MessageSigner: @unchecked Sendable {
    /// The key; nil when messages are not signed.
    private let key: SymmetricKey?

    /// A signer with the connection file's key; an empty key signs nothing and accepts everything.
    init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// The signature of the four frames, in lowercase hex ("" without a key).
    func signature(of parts: [Data]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: key)
        for part in parts { hmac.update(data: part) }
        var hex: [UInt8] = []
        for byte in hmac.finalize() {
            hex.append(Self.digits[Int(byte >> 4)])
            hex.append(Self.digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `signature` (hex) is the frames' signature; compared in constant time.
    func isValid(_ signature: Data, for parts: [Data]) -> Bool {
        guard let key else { return true }
        guard let bytes = Self.bytes(fromHex: signature) else { return false }
        var joined = Data()
        for part in parts { joined.append(part) }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: joined, using: key)
    }

    /// The bytes written as hex digits; nil when the text is not an even run of hex digits.
    private static func bytes(fromHex hex: Data) -> Data? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes = Data(capacity: hex.count / 2)
        var high: UInt8?
        for character in hex {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }
}
