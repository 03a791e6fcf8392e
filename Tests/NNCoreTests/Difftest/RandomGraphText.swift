import Foundation
@testable import NNCore

/// A random program written out: as an nnlearn program to read and rerun, and as JSON for scripts/difftest.
extension RandomGraph {
    /// The program in nnlearn's language, one value per line (`v0 = param(...)`, `v3 = exp(v2)`), ending with the loss.
    var program: String {
        var lines: [String] = []
        var next = 0
        for (index, s) in steps.enumerated() {
            let a = s.args.first.map { "v\($0)" } ?? ""
            let b = s.args.count > 1 ? "v\(s.args[1])" : ""
            let p = s.number.map(Self.literal) ?? ""
            var settings = s.axis.map { "axis=\($0)" } ?? ""
            if s.keepdims { settings += settings.isEmpty ? "keepdims=True" : ", keepdims=True" }
            let expression: String
            switch s.op {
            case "input":
                expression = "param(\(Self.literal(inputs[next])))"
                next += 1
            case "add": expression = "\(a) + \(b)"
            case "sub": expression = "\(a) - \(b)"
            case "mul": expression = "\(a) * \(b)"
            case "div": expression = "\(a) / \(b)"
            case "pow": expression = "\(a) ** \(b)"
            case "pow_const": expression = "\(a) ** \(p)"
            case "matmul": expression = "\(a) @ \(b)"
            case "neg": expression = "-\(a)"
            case "leaky_relu", "elu": expression = "\(s.op)(\(a), alpha=\(p))"
            case "gelu_tanh": expression = "gelu(\(a), approximate=\"tanh\")"
            case "clip": expression = "clip(\(a), -\(p), \(p))"
            case "sum", "mean", "max", "min": expression = "\(a).\(s.op)(\(settings))"
            case "softmax", "log_softmax", "logsumexp": expression = "\(s.op)(\(a), \(settings))"
            case "transpose": expression = "\(a).T"
            case "flatten": expression = "\(a).reshape(-1)"
            case "index": expression = "\(a)[\((s.positions ?? []).map(String.init))]"
            case "mse", "l1_loss": expression = "\(s.op)(\(a), \(b))"
            case "huber": expression = "huber(\(a), \(b), delta=\(p))"
            case "smooth_l1": expression = "smooth_l1(\(a), \(b), beta=\(p))"
            case "bce_logits", "cross_entropy": expression = "\(s.op)(\(a), tensor(\(s.constant.map(Self.literal) ?? "")))"
            default: expression = "\(s.op)(\(a))"
            }
            lines.append("v\(index) = \(expression)")
        }
        lines.append("v\(steps.count - 1).backward()")
        return lines.joined(separator: "\n")
    }

    /// A number as Python writes it, or a tensor as nested lists.
    static func literal(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? "\(Int(value)).0" : "\(value)"
    }

    static func literal(_ tensor: Tensor) -> String {
        func nested(_ offset: Int, _ dims: ArraySlice<Int>) -> String {
            guard let size = dims.first else { return literal(tensor.data[offset]) }
            let inner = dims.dropFirst().reduce(1, *)
            return "[" + (0..<size).map { nested(offset + $0 * inner, dims.dropFirst()) }.joined(separator: ", ") + "]"
        }
        return nested(0, tensor.shape[...])
    }

    /// The program, nnlearn's loss and gradients as one JSON object (a line of scripts/difftest's input).
    func json(output: Double, grads: [Tensor]) throws -> String {
        func tensor(_ t: Tensor) -> [String: Any] { ["shape": t.shape, "data": t.data] }
        let list: [[String: Any]] = steps.map { s in
            var item: [String: Any] = ["op": s.op, "args": s.args, "keepdims": s.keepdims]
            if let axis = s.axis { item["axis"] = axis }
            if let number = s.number { item["number"] = number }
            if let positions = s.positions { item["positions"] = positions }
            if let constant = s.constant { item["constant"] = tensor(constant) }
            return item
        }
        let object: [String: Any] = [
            "seed": seed, "ops": opCount, "steps": list, "inputs": inputs.map(tensor),
            "output": output, "grads": grads.map(tensor), "program": program,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
