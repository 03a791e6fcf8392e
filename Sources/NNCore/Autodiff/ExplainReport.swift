/// The backward report: each chain-rule step as it is applied, with its formula and numbers.
extension Tensor {
    /// Explains the backward pass from this scalar, one line per chain-rule term:
    ///
    ///     dL/dz2 = dL/da2 ⊙ σ'(z2) = [[-0.5015]]
    ///
    /// The pass is computed afresh and no gradient is stored, so it can be
    /// called before or after `backward()`.
    public func explainReport(precision: Int = 4) throws -> String {
        guard requiresGrad else {
            throw CoreError("explain", "this tensor does not depend on any parameter, so there is no backward pass to explain")
        }
        guard count == 1 else {
            throw CoreError("explain", "explain starts from a scalar such as a loss; this tensor has shape \(describe(shape))")
        }
        // Named over the same nodes as the trace, so t3 means the same node in both reports.
        let names = nodeNames(graphInForwardOrder(includingConstants: true))
        func name(_ tensor: Tensor) -> String { names[ObjectIdentifier(tensor)] ?? Tensor.constantName(tensor) }
        let root = name(self)
        var lines = ["backward from \(root): dL/d\(root) = 1"]
        var seen = Set<ObjectIdentifier>()
        try propagate(seed: [1], finished: { _, _ in }, contributed: { consumer, index, term in
            let input = consumer.inputs[index]
            var formula = consumer.formulas.indices.contains(index) ? consumer.formulas[index] : "{g}"
            formula = formula.replacingOccurrences(of: "{g}", with: "dL/d\(name(consumer))")
            formula = formula.replacingOccurrences(of: "{out}", with: name(consumer))
            if let first = consumer.inputs.first {
                formula = formula.replacingOccurrences(of: "{n}", with: "\(first.count)")
                formula = formula.replacingOccurrences(of: "{rows}", with: "\(first.rank == 2 ? first.shape[0] : 1)")
            }
            for (k, other) in consumer.inputs.enumerated() {
                formula = formula.replacingOccurrences(of: "{\(k)}", with: name(other))
            }
            if input.shape != consumer.shape, Tensor.broadcastingOps.contains(consumer.op ?? "") {
                formula += " (summed to \(describe(input.shape)))"
            }
            let first = seen.insert(ObjectIdentifier(input)).inserted
            let value = ValueText.values(term, shape: input.shape, precision: precision)
            lines.append("dL/d\(name(input)) \(first ? "=" : "+=") \(formula) = \(value)")
        })
        return lines.joined(separator: "\n")
    }

    /// The ops whose inputs may be broadcast, so a gradient is summed back to the input's shape.
    static let broadcastingOps: Set<String> = ["add", "sub", "mul", "div"]

    /// How a tensor outside the graph (a constant input) is named: its label, or its value when scalar.
    static func constantName(_ tensor: Tensor) -> String {
        tensor.label ?? (tensor.count == 1 ? number(tensor.data[0]) : "const")
    }
}
