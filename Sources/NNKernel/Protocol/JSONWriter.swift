import Foundation

/// Compact JSON for the kernel's messages, written straight into bytes.
///
/// Every reply, status and stream is four JSON frames; Foundation's `JSONSerialization`
/// bridges each dictionary to `NSDictionary` and sorts keys with locale-aware comparison,
/// which was over half of the kernel's time on a `1 + 1` round trip. The values the
/// kernel builds are plain Swift ones (strings, integers, Booleans, doubles, arrays,
/// dictionaries); anything else (numbers decoded from a request) goes through Foundation.
enum JSONWriter {
    /// The object as compact JSON, keys sorted by code point, slashes unescaped.
    static func data(_ object: JSONObject) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        write(object, into: &bytes)
        return Data(bytes)
    }

    private static func write(_ value: Any, into bytes: inout [UInt8]) {
        // Exact type checks: an NSNumber would otherwise pass for Int and Bool alike.
        let type = Swift.type(of: value)
        if let string = value as? String {
            write(string: string, into: &bytes)
        } else if type == Int.self, let number = value as? Int {
            bytes.append(contentsOf: String(number).utf8)
        } else if type == Bool.self, let flag = value as? Bool {
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        } else if type == Double.self, let number = value as? Double {
            // JSON has no nan or infinity.
            bytes.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
        } else if let object = value as? JSONObject {
            bytes.append(UInt8(ascii: "{"))
            for (index, entry) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(string: entry.key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(entry.value, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        } else if let array = value as? [Any] {
            bytes.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        } else if JSONSerialization.isValidJSONObject([value]),
                  let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            bytes.append(contentsOf: data)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func write(string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array(#"\u00"#.utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

