/// Ops without a useful gradient: steps, signs, comparisons and one-hot codes.
/// Their results are constants that stop the graph.
extension Tensor {
    /// Applies `f` elementwise, producing a constant.
    func constantMap(_ f: (Double) -> Double) -> Tensor {
        Tensor(uncheckedData: data.map(f), shape: shape)
    }

    /// The Heaviside step: 1 where x ≥ 0, else 0 (the threshold logic unit).
    public func step() -> Tensor { constantMap { $0 >= 0 ? 1 : 0 } }

    /// −1, 0 or 1 by the sign of each element.
    public func sign() -> Tensor { constantMap { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 } }

    /// A comparison of two tensors, with broadcasting: 1 where it holds, else 0.
    public static func compare(_ a: Tensor, _ b: Tensor, _ op: String, _ holds: (Double, Double) -> Bool) throws -> Tensor {
        let mask = try constantMap(a, b, op: op) { holds($0, $1) ? 1 : 0 }
        mask.isMask = true
        return mask
    }

    /// Applies `f` to broadcast pairs of elements, producing a constant (floor division, modulo).
    public static func constantMap(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: op)
        return Tensor(uncheckedData: Broadcast.map(a.data, a.shape, b.data, b.shape, to: shape, f), shape: shape)
    }

    /// One-hot rows: `labels` of shape [n] with integer classes in 0..<classes gives [n, classes].
    public static func oneHot(_ labels: Tensor, classes: Int) throws -> Tensor {
        guard labels.rank <= 1 else {
            throw CoreError("one_hot", "labels must be a vector of class indices, not shape \(describe(labels.shape))")
        }
        guard classes > 0 else { throw CoreError("one_hot", "the number of classes must be positive, got \(classes)") }
        let n = labels.count
        var out = [Double](zeros: try Shape.count([n, classes], op: "one_hot"))
        for (row, label) in labels.data.enumerated() {
            let index = try classIndex(label, classes: classes, op: "one_hot")
            out[row * classes + index] = 1
        }
        return Tensor(uncheckedData: out, shape: labels.rank == 0 ? [classes] : [n, classes])
    }

    /// Checks that a label is a whole number in 0..<classes.
    static func classIndex(_ label: Double, classes: Int, op: String) throws -> Int {
        guard label == label.rounded(), label >= 0, label < Double(classes) else {
            throw CoreError(op, "label \(label) is not a class index in 0..<\(classes)")
        }
        return Int(label)
    }
}
