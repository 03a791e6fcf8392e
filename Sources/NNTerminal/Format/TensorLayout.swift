/// The nested-bracket layout of one tensor: PyTorch's `_tensor_str`.
///
/// Walks the row-major values through strides, so sub-tensors are never
/// copied; summarised dimensions visit only their edge items, which keeps
/// printing a huge tensor cheap.
struct TensorLayout {
    private let shape: [Int]
    private let strides: [Int]
    private let values: [Double]
    private let summarize: Bool
    private let edgeItems: Int
    private let lineWidth: Int
    private var style: ElementStyle

    /// Prepares the layout; `values` must fill `shape` (the caller checks).
    init(shape: [Int], values: [Double], options: TensorFormatter) {
        self.shape = shape
        self.values = values
        var strides = Array(repeating: 1, count: shape.count)
        var stride = 1
        for dim in shape.indices.reversed() {
            strides[dim] = stride
            stride *= shape[dim]
        }
        self.strides = strides
        self.summarize = values.count > options.threshold
        // Clamped so that the arithmetic on them cannot overflow.
        self.edgeItems = min(max(1, options.edgeItems), 1_000_000)
        self.lineWidth = min(max(0, options.lineWidth), 1_000_000)
        self.style = ElementStyle(values: [], precision: options.precision)
        // The notation and width come from the displayed values only, as in PyTorch.
        self.style = ElementStyle(values: displayed(offset: 0, dim: 0), precision: options.precision)
    }

    /// The tensor's text starting at column `indent` (after `tensor(`).
    func render(indent: Int) -> String {
        render(offset: 0, dim: 0, indent: indent)
    }

    /// The positions shown along a dimension of `length`; nil marks the `...`.
    private func positions(_ length: Int) -> [Int?] {
        if summarize && length > 2 * edgeItems {
            return Array(0..<edgeItems) + [nil] + Array((length - edgeItems)..<length)
        }
        return Array(0..<length)
    }

    private func displayed(offset: Int, dim: Int) -> [Double] {
        if dim == shape.count { return [values[offset]] }
        return positions(shape[dim]).compactMap { $0 }.flatMap {
            displayed(offset: offset + $0 * strides[dim], dim: dim + 1)
        }
    }

    private func render(offset: Int, dim: Int, indent: Int) -> String {
        let rank = shape.count - dim
        if rank == 0 { return style.padded(values[offset]) }
        if rank == 1 { return vector(offset: offset, dim: dim, indent: indent) }
        let slices = positions(shape[dim]).map { position in
            position.map { render(offset: offset + $0 * strides[dim], dim: dim + 1, indent: indent + 1) } ?? "..."
        }
        // Higher-rank blocks are separated by rank-1 newlines: a blank line between matrices.
        let separator = "," + String(repeating: "\n", count: rank - 1) + TextLayout.spaces(indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// One innermost row, wrapped to the line width like PyTorch's `_vector_str`.
    private func vector(offset: Int, dim: Int, indent: Int) -> String {
        let elementLength = style.width + 2
        let perLine = max(1, (lineWidth - indent) / elementLength)
        let items = positions(shape[dim]).map { position in
            position.map { style.padded(values[offset + $0 * strides[dim]]) } ?? " ..."
        }
        var lines: [String] = []
        var start = 0
        while start < items.count {
            let end = min(start + perLine, items.count)
            lines.append(items[start..<end].joined(separator: ", "))
            start = end
        }
        return "[" + lines.joined(separator: ",\n" + TextLayout.spaces(indent + 1)) + "]"
    }
}
