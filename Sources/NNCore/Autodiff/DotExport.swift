/// The graph as Graphviz DOT: one box per tensor, edges from inputs to results.
extension Tensor {
    /// A DOT document of the graph that computed this tensor (`dot -Tsvg` draws it).
    public func dotGraph(precision: Int = 4) -> String {
        let order = graphInForwardOrder(includingConstants: true)
        let names = nodeNames(order)
        var ids: [ObjectIdentifier: Int] = [:]
        for (index, tensor) in order.enumerated() { ids[ObjectIdentifier(tensor)] = index + 1 }
        var lines = ["digraph nnlearn {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"]
        for tensor in order {
            let id = ids[ObjectIdentifier(tensor)] ?? 0
            // Names are the learner's (or a lesson's) labels: escaped, so they stay inside one quoted label.
            var label = escape(names[ObjectIdentifier(tensor)] ?? "?")
            if let op = tensor.op, !tensor.isLeaf { label += " = \(escape(op))" }
            label += "\\n\(describe(tensor.shape))"
            label += "\\nvalue \(ValueText.values(tensor.data, shape: tensor.shape, precision: precision, limit: 4))"
            if let grad = tensor.grad {
                label += "\\ngrad \(ValueText.values(grad.data, shape: grad.shape, precision: precision, limit: 4))"
            }
            let style = tensor.isLeaf ? (tensor.requiresGrad ? ", style=filled, fillcolor=\"#dbeafe\"" : ", style=dashed") : ""
            lines.append("  n\(id) [label=\"\(label)\"\(style)];")
        }
        for tensor in order {
            for input in tensor.inputs {
                guard let from = ids[ObjectIdentifier(input)], let to = ids[ObjectIdentifier(tensor)] else { continue }
                lines.append("  n\(from) -> n\(to);")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text as it may stand inside a quoted DOT label: backslashes, quotes and line breaks escaped,
    /// other control characters dropped.
    private func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
