import Foundation
import NNCore

/// NumPy's `.npy` format: a magic string, a header that is a Python dict literal, then the raw values.
///
/// nnlearn writes what `numpy.save` writes for a float64 array, byte for byte (version 1.0, the
/// header padded to 64 bytes with room for the first axis to grow); it reads versions 1–3 with
/// floats, signed and unsigned integers and booleans of any byte order, in C or Fortran order.
/// The format is documented in numpy/lib/format.py.
enum NumPyFormat {
    /// Why a file is not an array nnlearn can read.
    struct Problem: Error {
        let message: String
    }

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The bytes of an `.npy` file holding float64 `values` of `shape`.
    static func encode(_ values: [Double], shape: [Int]) -> Data {
        let shapeText = shape.isEmpty ? "()" : shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        // numpy leaves room to rewrite the first axis's length in place (GROWTH_AXIS_MAX_DIGITS = 21).
        if let first = shape.first { header += String(repeating: " ", count: max(0, 21 - String(first).count)) }
        let prefixLength = magic.count + 2, headerLength = header.utf8.count + 1
        let useVersion2 = prefixLength + 2 + headerLength + 64 > 65_535
        let lengthBytes = useVersion2 ? 4 : 2
        let padding = 64 - (prefixLength + lengthBytes + headerLength) % 64
        var bytes = Data(magic + [useVersion2 ? 2 : 1, 0])
        let total = headerLength + padding
        for index in 0..<lengthBytes { bytes.append(UInt8((total >> (8 * index)) & 0xFF)) }
        bytes.append(contentsOf: Array(header.utf8) + [UInt8](repeating: 0x20, count: padding) + [0x0A])
        bytes.reserveCapacity(bytes.count + values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// The shape and values (as Doubles) of an `.npy` file's bytes.
    static func decode(_ bytes: Data) throws(Problem) -> (shape: [Int], values: [Double]) {
        let data = [UInt8](bytes)
        guard data.count >= 10, Array(data[0..<6]) == magic else { throw Problem(message: "it does not start with NumPy's magic string (\\x93NUMPY)") }
        let major = data[6]
        let lengthBytes: Int
        switch major {
        case 1: lengthBytes = 2
        case 2, 3: lengthBytes = 4
        default: throw Problem(message: "it uses .npy format version \(major), which nnlearn does not read (versions 1 to 3)")
        }
        guard data.count >= 8 + lengthBytes else { throw Problem(message: "its header is cut short") }
        var headerLength = 0
        for index in 0..<lengthBytes { headerLength |= Int(data[8 + index]) << (8 * index) }
        let start = 8 + lengthBytes
        guard headerLength <= data.count - start else { throw Problem(message: "its header is cut short") }
        let header = String(decoding: data[start..<(start + headerLength)], as: UTF8.self)
        let (type, fortranOrder, shape) = try parseHeader(header)
        var count = 1
        for length in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: length)
            guard !overflow else { throw Problem(message: "its shape \(shape) is too large") }
            count = product
        }
        let body = start + headerLength
        guard (data.count - body) / type.size >= count else {
            throw Problem(message: "it holds \((data.count - body) / type.size) values of \(type.size) bytes, but its shape \(shape) needs \(count)")
        }
        var values = [Double](repeating: 0, count: count)
        for index in 0..<count {
            values[index] = type.read(data, body + index * type.size)
        }
        if fortranOrder, shape.count > 1 { values = reorderFromFortran(values, shape: shape) }
        return (shape, values)
    }

    /// An element type of the `descr` field.
    struct ElementType {
        enum Kind { case float, signed, unsigned, bool }
        let kind: Kind
        let size: Int
        let bigEndian: Bool

        /// The element at `offset`, as a Double.
        func read(_ data: [UInt8], _ offset: Int) -> Double {
            var bits: UInt64 = 0
            for index in 0..<size {
                let byte = UInt64(data[offset + (bigEndian ? size - 1 - index : index)])
                bits |= byte << (8 * UInt64(index))
            }
            switch kind {
            case .float:
                return size == 8 ? Double(bitPattern: bits) : size == 4 ? Double(Float(bitPattern: UInt32(bits))) : NumPyFormat.halfPrecision(UInt16(bits))
            case .signed:
                let shift = UInt64(64 - 8 * size)
                return Double(Int64(bitPattern: bits << shift) >> Int64(shift))
            case .unsigned:
                return Double(bits)
            case .bool:
                return bits == 0 ? 0 : 1
            }
        }
    }

    /// A half-precision float's value, decoded by hand (Float16 is missing on some platforms).
    static func halfPrecision(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 == 0 ? 1 : -1
        let exponent = Int((bits >> 10) & 0x1F), fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Elementary.pow(2, Double(exponent - 15))
        }
    }

    /// Reads `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`.
    static func parseHeader(_ header: String) throws(Problem) -> (ElementType, Bool, [Int]) {
        func value(of key: String) throws(Problem) -> Substring {
            guard let keyRange = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\""),
                  let colon = header[keyRange.upperBound...].firstIndex(of: ":") else {
                throw Problem(message: "its header has no '\(key)'")
            }
            return header[header.index(after: colon)...].drop { $0 == " " }
        }
        let descrText = try value(of: "descr")
        guard let quote = descrText.first, quote == "'" || quote == "\"",
              let close = descrText.dropFirst().firstIndex(of: quote) else {
            throw Problem(message: "its 'descr' is not a simple type such as '<f8' (structured arrays are not read)")
        }
        let descr = String(descrText[descrText.index(after: descrText.startIndex)..<close])
        let type = try elementType(descr)
        let fortran = try value(of: "fortran_order").hasPrefix("True")
        let shapeText = try value(of: "shape")
        guard shapeText.first == "(", let end = shapeText.firstIndex(of: ")") else { throw Problem(message: "its 'shape' is not a tuple") }
        var shape: [Int] = []
        for piece in shapeText[shapeText.index(after: shapeText.startIndex)..<end].split(separator: ",") {
            let digits = piece.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "L", with: "")
            if digits.isEmpty { continue }
            guard let length = Int(digits), length >= 0 else { throw Problem(message: "its 'shape' holds '\(digits)', not a length") }
            shape.append(length)
        }
        return (type, fortran, shape)
    }

    /// The element type of a `descr` such as `<f8`, `|u1` or `>i4`.
    static func elementType(_ descr: String) throws(Problem) -> ElementType {
        let characters = Array(descr)
        guard characters.count >= 3, let size = Int(String(characters[2...])) else {
            throw Problem(message: "its element type '\(descr)' is not one nnlearn reads (floats, integers and booleans)")
        }
        let bigEndian = characters[0] == ">"
        let kind: ElementType.Kind
        switch (characters[1], size) {
        case ("f", 2), ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        case ("b", 1): kind = .bool
        default: throw Problem(message: "its element type '\(descr)' is not one nnlearn reads (floats, integers and booleans)")
        }
        return ElementType(kind: kind, size: size, bigEndian: bigEndian)
    }

    /// Column-major values of `shape` in row-major order.
    static func reorderFromFortran(_ values: [Double], shape: [Int]) -> [Double] {
        var result = [Double](repeating: 0, count: values.count)
        var index = [Int](repeating: 0, count: shape.count)
        for position in 0..<values.count {
            // `index` counts in row-major order; its column-major offset is where the value sits.
            var offset = 0, stride = 1
            for axis in 0..<shape.count {
                offset += index[axis] * stride
                stride *= shape[axis]
            }
            result[position] = values[offset]
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
