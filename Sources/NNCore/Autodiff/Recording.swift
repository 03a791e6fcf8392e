extension Tensor {
    /// Wraps an op's forward result, attaching its backward rule when gradients are recorded.
    ///
    /// Every differentiable op ends here: `formulas` gives, per input, how its
    /// gradient is written in the chain-rule report (`{g}` stands for the
    /// output's gradient, `{0}`, `{1}`… for the inputs' names, `{out}` for the output's,
    /// `{n}` for the first input's element count and `{rows}` for its rows). Literal
    /// formulas cost nothing per op; an interpolated one would allocate a string every call.
    /// The values, shape, inputs and rule are taken over (`consuming`), not copied: an op
    /// hands them on to its result, which saves a retain and a release of each per op.
    static func record(
        _ op: String, _ data: consuming [Double], shape: consuming [Int], inputs: consuming OpInputs,
        formulas: consuming [String], mode: RecordingMode = .current, backward: consuming @escaping BackwardRule
    ) throws -> Tensor {
        if mode.detectsAnomalies { try Anomaly.check(data, op: op, inputs: inputs, phase: "forward") }
        // A closure, not the key path \.requiresGrad: reading through a key path costs a dynamic exclusivity check per input.
        guard mode.buildsGraph, inputs.contains(where: { $0.requiresGrad }) else {
            return Tensor(uncheckedData: data, shape: shape, charging: mode.budget)
        }
        return Tensor(
            uncheckedData: data, shape: shape, requiresGrad: true,
            op: op, inputs: inputs, backward: backward, formulas: formulas, charging: mode.budget
        )
    }
}
