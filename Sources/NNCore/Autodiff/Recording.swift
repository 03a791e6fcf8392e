extension Tensor {
    /// Wraps an op's forward result, attaching its backward rule when gradients are recorded.
    ///
    /// Every differentiable op ends here: `formulas` gives, per input, how its
    /// gradient is written in the chain-rule report (`{g}` stands for the
    /// output's gradient, `{0}`, `{1}`… for the inputs' names, `{out}` for the output's,
    /// `{n}` for the first input's element count and `{rows}` for its rows). Literal
    /// formulas cost nothing per op; an interpolated one would allocate a string every call.
    static func record(
        _ op: String, _ data: [Double], shape: [Int], inputs: OpInputs,
        formulas: [String], mode: RecordingMode = .current, backward: @escaping BackwardRule
    ) throws -> Tensor {
        if mode.detectsAnomalies { try Anomaly.check(data, op: op, inputs: inputs, phase: "forward") }
        guard mode.buildsGraph, inputs.contains(where: \.requiresGrad) else {
            return Tensor(uncheckedData: data, shape: shape)
        }
        return Tensor(
            uncheckedData: data, shape: shape, requiresGrad: true,
            op: op, inputs: inputs, backward: backward, formulas: formulas
        )
    }
}
