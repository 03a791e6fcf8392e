/// Prints tensors the way PyTorch does, so lessons can be compared with PyTorch output.
///
/// ```
/// tensor([[ 0.1000, -2.5000],
///         [ 0.0000,  3.0000]])
/// ```
/// The notation (integer `1.`, fixed `0.1000` or scientific `1.0000e+03`) and
/// the column width are chosen once for the whole tensor; tensors with more
/// than `threshold` elements show only `edgeItems` items at each end of every
/// dimension. Malformed input (values that do not fill the shape, negative
/// sizes) is described instead of printed, never trapped.
public struct TensorFormatter: Sendable {
    /// Digits after the decimal point in fixed and scientific notation.
    public var precision = 4
    /// Element count above which the tensor is summarised with `...`.
    public var threshold = 1000
    /// Items kept at each end of a summarised dimension (at least 1).
    public var edgeItems = 3
    /// Line width at which long rows wrap, as PyTorch's `linewidth`.
    public var lineWidth = 80

    /// Creates a formatter with PyTorch's default print options.
    public init(precision: Int = 4, threshold: Int = 1000, edgeItems: Int = 3, lineWidth: Int = 80) {
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.lineWidth = lineWidth
    }

    /// The PyTorch `repr` of a tensor with the given shape and row-major values.
    public func format(shape: [Int], values: [Double], requiresGrad: Bool = false) -> String {
        let prefix = "tensor("
        let indent = prefix.count
        guard let count = TensorFormatter.elementCount(shape), count == values.count else {
            return prefix + "<\(values.count) values do not fill shape \(TensorFormatter.tuple(shape))>)"
        }
        var suffixes: [String] = []
        let body: String
        if count == 0 {
            // PyTorch names the shape of an empty tensor unless it is simply (0,).
            if shape.count != 1 { suffixes.append("size=" + TensorFormatter.tuple(shape)) }
            body = "[]"
        } else {
            body = TensorLayout(shape: shape, values: values, options: self).render(indent: indent)
        }
        if requiresGrad { suffixes.append("requires_grad=True") }
        return addSuffixes(prefix + body, suffixes, indent: indent)
    }

    /// Appends `, suffix` items before the closing parenthesis, moving one to
    /// its own line when it would pass the line width (PyTorch's `_add_suffixes`,
    /// including its count of the last line's length).
    private func addSuffixes(_ text: String, _ suffixes: [String], indent: Int) -> String {
        var result = text
        let utf8 = Array(text.utf8)
        let lastNewline = utf8.lastIndex(of: UInt8(ascii: "\n")) ?? -1
        var lastLineLength = utf8.count - lastNewline + 1
        for suffix in suffixes {
            let length = suffix.utf8.count
            if lastLineLength + length + 2 > min(max(0, lineWidth), 1_000_000) {
                result += ",\n" + TextLayout.spaces(indent) + suffix
                lastLineLength = indent + length
            } else {
                result += ", " + suffix
                lastLineLength += length + 2
            }
        }
        return result + ")"
    }

    /// The number of elements a shape holds, or nil for a negative size or an overflow.
    static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for size in shape {
            guard size >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// A shape written as a Python tuple: `(2, 3)`, `(0,)`, `()`.
    static func tuple(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
