import Foundation
@testable import NNCore

/// A seeded random differentiable program: leaves of random broadcastable shapes (including
/// `()` and size-1 axes), 3–8 ops drawn from every differentiable op, reduced to a scalar.
///
/// The differential tests check its gradients by central finite differences; `scripts/difftest`
/// replays its JSON form (``json(output:grads:)``) in PyTorch.
struct RandomGraph {
    /// One step: a leaf (`input`, taking the next leaf) or an op reading earlier values by position.
    struct Step {
        var op: String
        var args: [Int] = []
        var axis: Int?
        var keepdims = false
        var number: Double?
        var positions: [Int]?
        var constant: Tensor?
    }

    let seed: UInt64
    /// The leaves, in the order the `input` steps take them.
    private(set) var inputs: [Tensor] = []
    private(set) var steps: [Step] = []
    /// The number of ops, leaves not counted.
    var opCount: Int { steps.filter { $0.op != "input" }.count }

    /// Runs the program with `leaves` standing for the inputs.
    func evaluate(_ leaves: [Tensor]) throws -> Tensor {
        var values: [Tensor] = []
        var next = 0
        for step in steps {
            if step.op == "input" {
                values.append(leaves[next])
                next += 1
            } else {
                values.append(try Self.apply(step, values))
            }
        }
        guard let last = values.last else { throw CoreError("difftest", "an empty program") }
        return last
    }

    static func apply(_ s: Step, _ v: [Tensor]) throws -> Tensor {
        let a = v[s.args[0]]
        let b = v[s.args.count > 1 ? s.args[1] : s.args[0]]
        let p = s.number ?? 1
        func target() throws -> Tensor {
            guard let constant = s.constant else { throw CoreError(s.op, "no target") }
            return constant
        }
        switch s.op {
        case "add": return try a + b
        case "sub": return try a - b
        case "mul": return try a * b
        case "div": return try a / b
        case "pow": return try Tensor.pow(a, b)
        case "pow_const": return try a.pow(p)
        case "matmul": return try Tensor.matmul(a, b)
        case "neg": return try -a
        case "exp": return try a.exp()
        case "log": return try a.log()
        case "sqrt": return try a.sqrt()
        case "abs": return try a.abs()
        case "tanh": return try a.tanh()
        case "sigmoid": return try a.sigmoid()
        case "relu": return try a.relu()
        case "leaky_relu": return try a.leakyRelu(alpha: p)
        case "elu": return try a.elu(alpha: p)
        case "selu": return try a.selu()
        case "gelu": return try a.gelu()
        case "gelu_tanh": return try a.gelu(approximate: true)
        case "swish": return try a.swish()
        case "softplus": return try a.softplus()
        case "mish": return try a.mish()
        case "clip": return try a.clip(-p, p)
        case "sum": return try a.sum(axis: s.axis, keepdims: s.keepdims)
        case "mean": return try a.mean(axis: s.axis, keepdims: s.keepdims)
        case "max": return try a.max(axis: s.axis, keepdims: s.keepdims)
        case "min": return try a.min(axis: s.axis, keepdims: s.keepdims)
        case "softmax": return try a.softmax(axis: s.axis ?? -1)
        case "log_softmax": return try a.logSoftmax(axis: s.axis ?? -1)
        case "logsumexp": return try a.logSumExp(axis: s.axis ?? -1, keepdims: s.keepdims)
        case "transpose": return try a.transposed()
        case "flatten": return try a.reshaped([-1])
        case "index": return try a.indexed([.positions(s.positions ?? [0])])
        case "mse": return try Loss.meanSquaredError(a, b)
        case "l1_loss": return try Loss.l1(a, b)
        case "huber": return try Loss.huber(a, b, delta: p)
        case "smooth_l1": return try Loss.smoothL1(a, b, beta: p)
        case "bce_logits": return try Loss.binaryCrossEntropyWithLogits(a, try target())
        case "cross_entropy": return try Loss.crossEntropy(a, try target())
        default: throw CoreError(s.op, "not an op of the random programs")
        }
    }

    static let unaryOps = ["neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "leaky_relu", "elu", "selu",
                           "gelu", "gelu_tanh", "swish", "softplus", "mish", "clip", "pow_const"]
    static let binaryOps = ["add", "sub", "mul", "div", "pow", "matmul"]
    static let shapeOps = ["sum", "mean", "max", "min", "softmax", "log_softmax", "logsumexp", "transpose", "flatten", "index"]
    static let lossOps = ["mse", "l1_loss", "huber", "smooth_l1", "bce_logits", "cross_entropy"]

    /// The program of `seed`: the same seed gives the same program on every machine.
    init(seed: UInt64) {
        self.seed = seed
        var rng = RandomGenerator(seed: seed)
        var values: [Tensor] = []
        let frame = (0..<rng.nextIndex(below: 4)).map { _ in 1 + rng.nextIndex(below: 3) }

        func shapeInFrame() -> [Int] {
            let rank = rng.nextIndex(below: frame.count + 1)
            return frame.suffix(rank).map { rng.nextIndex(below: 4) == 0 ? 1 : $0 }
        }
        func addInput(_ shape: [Int]) -> Int {
            // Three decimals, so that a printed program holds exactly the numbers that ran.
            let data = (0..<Shape.product(shape)).map { _ in (rng.nextNormal() * 1000).rounded() / 1000 }
            let leaf = Tensor(uncheckedData: data, shape: shape)
            inputs.append(leaf)
            steps.append(Step(op: "input"))
            values.append(leaf)
            return values.count - 1
        }
        for _ in 0...rng.nextIndex(below: 3) { _ = addInput(shapeInFrame()) }
        func pick() -> Int {
            rng.nextIndex(below: 10) < 7 ? values.count - 1 : rng.nextIndex(below: values.count)
        }

        let wanted = 3 + rng.nextIndex(below: 6)
        var attempts = 0
        while opCount < wanted, attempts < 500 {
            attempts += 1
            let family = rng.nextIndex(below: 10)
            let pool = family < 4 ? Self.unaryOps : family < 7 ? Self.binaryOps : family < 9 ? Self.shapeOps : Self.lossOps
            let op = pool[rng.nextIndex(below: pool.count)]
            let first = pick()
            let a = values[first]
            var step = Step(op: op, args: [first])
            var added = 0  // leaves added for this step, removed again if it is refused
            switch op {
            case "add", "sub", "mul", "div", "pow":
                let partners = values.indices.filter { (try? Shape.broadcast(a.shape, values[$0].shape, op: "")) != nil }
                step.args.append(partners[rng.nextIndex(below: partners.count)])
            case "matmul":
                guard a.rank == 1 || a.rank == 2, let k = a.shape.last else { continue }
                let other = rng.nextIndex(below: 2) == 0 ? [k] : [k, 1 + rng.nextIndex(below: 3)]
                step.args.append(addInput(other))
                added = 1
            case "pow_const":
                step.number = [2, 3, 0.5, -1, 0, 1.5][rng.nextIndex(below: 6)]
            case "leaky_relu": step.number = 0.1
            case "elu": step.number = [1, 0.5][rng.nextIndex(below: 2)]
            case "clip": step.number = 0.5
            case "sum", "mean", "max", "min", "logsumexp":
                if a.rank > 0, rng.nextIndex(below: 3) > 0 || op == "logsumexp" { step.axis = rng.nextIndex(below: a.rank) - (rng.nextIndex(below: 2) == 0 ? 0 : a.rank) }
                step.keepdims = rng.nextIndex(below: 2) == 0
            case "softmax", "log_softmax":
                guard a.rank > 0 else { continue }
                step.axis = rng.nextIndex(below: a.rank)
            case "transpose": guard a.rank == 2 else { continue }
            case "flatten": guard a.rank >= 2 else { continue }
            case "index":
                guard let rows = a.shape.first, rows > 0 else { continue }
                step.positions = (0...rng.nextIndex(below: 3)).map { _ in rng.nextIndex(below: rows) - (rng.nextIndex(below: 3) == 0 ? rows : 0) }
            case "mse", "l1_loss", "huber", "smooth_l1":
                step.args.append(addInput(a.shape))
                added = 1
                if op == "huber" || op == "smooth_l1" { step.number = [1, 0.5][rng.nextIndex(below: 2)] }
            case "bce_logits":
                step.constant = Tensor(uncheckedData: (0..<a.count).map { _ in Double(rng.nextIndex(below: 2)) }, shape: a.shape)
            case "cross_entropy":
                guard a.rank == 2, a.shape[0] > 0, a.shape[1] > 0 else { continue }
                if rng.nextIndex(below: 2) == 0 {
                    step.constant = Tensor((0..<a.shape[0]).map { _ in Double(rng.nextIndex(below: a.shape[1])) })
                } else {
                    // Probability rows that need not sum to 1.
                    step.constant = Tensor(uncheckedData: (0..<a.count).map { _ in Double(rng.nextIndex(below: 5)) / 4 }, shape: a.shape)
                }
            default:
                break
            }
            guard let value = try? Self.apply(step, values), Self.acceptable(step, values, value) else {
                for _ in 0..<added { inputs.removeLast(); steps.removeLast(); values.removeLast() }
                continue
            }
            steps.append(step)
            values.append(value)
        }
        if let last = values.last, last.count != 1 || last.rank != 0 {
            var step = Step(op: rng.nextIndex(below: 2) == 0 ? "sum" : "mean", args: [values.count - 1])
            step.keepdims = false
            steps.append(step)
        }
    }

    /// Refuses values that overflow, inputs outside an op's domain, and inputs within 10⁻³ of a
    /// kink (relu's 0, clip's bounds, a tie for the maximum), where finite differences are meaningless.
    private static func acceptable(_ s: Step, _ v: [Tensor], _ value: Tensor) -> Bool {
        guard value.data.allSatisfy({ $0.isFinite && Swift.abs($0) < 1e4 }) else { return false }
        let x = v[s.args[0]].data
        let y = s.args.count > 1 ? v[s.args[1]].data : []
        let far = 1e-3
        switch s.op {
        case "div": return y.allSatisfy { Swift.abs($0) > 0.2 }
        case "pow": return x.allSatisfy { $0 > 0.2 && $0 < 10 } && y.allSatisfy { Swift.abs($0) < 4 }
        case "log", "sqrt": return x.allSatisfy { $0 > 0.2 }
        case "exp": return x.allSatisfy { $0 < 5 }
        case "pow_const":
            let p = s.number ?? 1
            if p == 0.5 || p == 1.5 { return x.allSatisfy { $0 > 0.2 } }
            if p == -1 { return x.allSatisfy { Swift.abs($0) > 0.2 } }
            return true
        case "abs", "relu", "leaky_relu": return x.allSatisfy { Swift.abs($0) > far }
        case "clip": return x.allSatisfy { Swift.abs(Swift.abs($0) - (s.number ?? 1)) > far }
        case "l1_loss": return zip(x, y).allSatisfy { Swift.abs($0 - $1) > far }
        case "huber", "smooth_l1": return zip(x, y).allSatisfy { Swift.abs(Swift.abs($0 - $1) - (s.number ?? 1)) > far && Swift.abs($0 - $1) > far }
        case "max", "min": return Self.gap(v[s.args[0]], axis: s.axis) > far
        default: return true
        }
    }

    /// The smallest distance between the two largest (or two smallest) values of any lane.
    private static func gap(_ t: Tensor, axis: Int?) -> Double {
        let shape = axis == nil ? [t.count] : t.shape
        guard let resolved = axis.map({ $0 < 0 ? $0 + t.rank : $0 }) ?? (t.count > 0 ? 0 : nil) else { return 0 }
        let size = shape[resolved], inner = shape[(resolved + 1)...].reduce(1, *), outer = shape[..<resolved].reduce(1, *)
        var smallest = Double.infinity
        for o in 0..<outer {
            for i in 0..<inner {
                let lane = (0..<size).map { t.data[o * size * inner + $0 * inner + i] }.sorted()
                guard lane.count > 1 else { continue }
                smallest = Swift.min(smallest, lane[lane.count - 1] - lane[lane.count - 2], lane[1] - lane[0])
            }
        }
        return smallest
    }
}
