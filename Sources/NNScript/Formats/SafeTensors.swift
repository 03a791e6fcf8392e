import Foundation

/// The safetensors format: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the tensors' bytes back to back.
///
/// nnlearn writes float64 (`F64`) tensors in name order with a `__metadata__` entry first
/// (`"format": "pt"`, as `safetensors.torch.save_file` writes, and `"producer": "nnlearn"`, the
/// mark by which nnlearn knows its own files), the header padded with spaces to 8 bytes as the
/// reference implementation does. It reads F64, F32, F16 and integer tensors.
enum SafeTensors {
    /// A named tensor's shape and values.
    struct Entry {
        var name: String
        var shape: [Int]
        var values: [Double]
    }

    /// The text of the `__metadata__` entry, which begins every file nnlearn writes.
    static let metadata = #""__metadata__":{"format":"pt","producer":"nnlearn"}"#

    /// Whether the first bytes of a file are those of a safetensors file nnlearn wrote.
    static func hasMark(_ head: Data) -> Bool {
        head.count > 9 && String(decoding: head.dropFirst(8).prefix(metadata.utf8.count + 1), as: UTF8.self) == "{" + metadata
    }

    /// The bytes of a file holding `entries`, sorted by name.
    static func encode(_ entries: [Entry]) -> Data {
        let sorted = entries.sorted { $0.name < $1.name }
        var fields = [metadata]
        var offset = 0
        for entry in sorted {
            let end = offset + entry.values.count * 8
            fields.append("\(jsonString(entry.name)):{\"dtype\":\"F64\",\"shape\":[\(entry.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + fields.joined(separator: ",") + "}").utf8)
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
        var bytes = Data()
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for entry in sorted {
            for value in entry.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// The tensors of a file's bytes, in the order of their data.
    static func decode(_ bytes: Data) throws(NumPyFormat.Problem) -> [Entry] {
        let data = [UInt8](bytes)
        guard data.count >= 8 else { throw NumPyFormat.Problem(message: "it is shorter than a safetensors header") }
        var length: UInt64 = 0
        for index in 0..<8 { length |= UInt64(data[index]) << (8 * UInt64(index)) }
        guard length <= UInt64(data.count - 8), length <= 100_000_000 else {
            throw NumPyFormat.Problem(message: "its header length \(length) does not fit the file")
        }
        let headerEnd = 8 + Int(length)
        guard let object = try? JSONSerialization.jsonObject(with: Data(data[8..<headerEnd])), let header = object as? [String: Any] else {
            throw NumPyFormat.Problem(message: "its header is not a JSON object")
        }
        var entries: [(start: Int, entry: Entry)] = []
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2 else {
                throw NumPyFormat.Problem(message: "its entry '\(name)' lacks a dtype, shape or data_offsets")
            }
            let type: NumPyFormat.ElementType
            switch dtype {
            case "F64": type = .init(kind: .float, size: 8, bigEndian: false)
            case "F32": type = .init(kind: .float, size: 4, bigEndian: false)
            case "F16": type = .init(kind: .float, size: 2, bigEndian: false)
            case "I64": type = .init(kind: .signed, size: 8, bigEndian: false)
            case "I32": type = .init(kind: .signed, size: 4, bigEndian: false)
            case "I16": type = .init(kind: .signed, size: 2, bigEndian: false)
            case "I8": type = .init(kind: .signed, size: 1, bigEndian: false)
            case "U8": type = .init(kind: .unsigned, size: 1, bigEndian: false)
            case "BOOL": type = .init(kind: .bool, size: 1, bigEndian: false)
            default: throw NumPyFormat.Problem(message: "its entry '\(name)' has dtype \(dtype), which nnlearn does not read")
            }
            var count = 1
            for axis in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: axis)
                guard axis >= 0, !overflow else { throw NumPyFormat.Problem(message: "its entry '\(name)' has shape \(shape)") }
                count = product
            }
            let (start, end) = (offsets[0], offsets[1])
            guard start >= 0, start <= end, end <= data.count - headerEnd, (end - start) == count * type.size else {
                throw NumPyFormat.Problem(message: "its entry '\(name)' has data_offsets \(offsets) that do not match its shape \(shape) and the file")
            }
            let values = (0..<count).map { type.read(data, headerEnd + start + $0 * type.size) }
            entries.append((start, Entry(name: name, shape: shape, values: values)))
        }
        return entries.sorted { $0.start < $1.start }.map(\.entry)
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
