import Foundation

/// Short one-line renderings of values for the reports: `0.6962`, `[[0.5000, 0.3000]]`.
enum ValueText {
    /// A number with fixed decimals; nan and ±inf spelled out, no negative zero.
    static func number(_ value: Double, precision: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(precision)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Nested brackets for up to `limit` values; beyond that, the shape with the range.
    static func values(_ data: [Double], shape: [Int], precision: Int, limit: Int = 12) -> String {
        guard !shape.isEmpty else { return number(data.first ?? .nan, precision: precision) }
        guard data.count <= limit else {
            let finite = data.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max() else { return "\(describe(shape)) of non-finite values" }
            return "\(describe(shape)) in [\(number(low, precision: precision)), \(number(high, precision: precision))]"
        }
        var position = 0
        func nest(_ axis: Int) -> String {
            if axis == shape.count - 1 {
                let row = data[position..<(position + shape[axis])].map { number($0, precision: precision) }
                position += shape[axis]
                return "[" + row.joined(separator: ", ") + "]"
            }
            return "[" + (0..<shape[axis]).map { _ in nest(axis + 1) }.joined(separator: ", ") + "]"
        }
        return nest(0)
    }
}
