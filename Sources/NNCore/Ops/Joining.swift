/// Joining tensors: concat along an existing axis, stack along a new one.
extension Tensor {
    /// Joins tensors along `axis`; all other dimensions must agree.
    ///
    /// Backward: each input receives its own slice of the gradient.
    public static func concat(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw CoreError("concat", "needs at least one tensor") }
        guard first.rank > 0 else { throw CoreError("concat", "scalars cannot be concatenated; use stack") }
        let axis = try Shape.axis(axis, rank: first.rank, op: "concat")
        for (index, tensor) in tensors.enumerated() {
            var a = tensor.shape, b = first.shape
            guard a.count == b.count else {
                throw CoreError("concat", "tensor \(index) has shape \(describe(tensor.shape)) but tensor 0 has shape \(describe(first.shape)): ranks differ")
            }
            a[axis] = 0; b[axis] = 0
            guard a == b else {
                throw CoreError("concat", "tensor \(index) has shape \(describe(tensor.shape)) but tensor 0 has shape \(describe(first.shape)): only axis \(axis) may differ")
            }
        }
        let outer = first.shape[..<axis].reduce(1, *)
        let inner = first.shape[(axis + 1)...].reduce(1, *)
        let widths = tensors.map { $0.shape[axis] * inner }
        var shape = first.shape
        shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        _ = try Shape.count(shape, op: "concat")
        let total = widths.reduce(0, +)
        var out = [Double]()
        out.reserveCapacity(outer * total)
        for o in 0..<outer {
            for (tensor, width) in zip(tensors, widths) {
                out.append(contentsOf: tensor.data[(o * width)..<((o + 1) * width)])
            }
        }
        let formulas = tensors.indices.map { "{g}[part \($0)]" }
        return try record("concat", out, shape: shape, inputs: OpInputs(tensors), formulas: formulas) { _, g in
            var grads = widths.map { [Double](zeros: outer * $0) }
            for o in 0..<outer {
                var offset = o * total
                for (index, width) in widths.enumerated() {
                    for j in 0..<width { grads[index][o * width + j] = g[offset + j] }
                    offset += width
                }
            }
            return InputGradients(grads)
        }
    }

    /// Stacks tensors of equal shape along a new axis.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw CoreError("stack", "needs at least one tensor") }
        let axis = try Shape.axis(axis, rank: first.rank + 1, op: "stack")
        for (index, tensor) in tensors.enumerated() where tensor.shape != first.shape {
            throw CoreError("stack", "tensor \(index) has shape \(describe(tensor.shape)) but tensor 0 has shape \(describe(first.shape)); stacked tensors must have equal shapes")
        }
        var expanded = first.shape
        expanded.insert(1, at: axis)
        return try concat(tensors.map { try $0.reshaped(expanded) }, axis: axis)
    }
}
