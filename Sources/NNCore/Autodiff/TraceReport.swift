/// The trace report: every node of a graph in forward order with its op,
/// inputs, shape, value and (after backward) gradient.
extension Tensor {
    /// Names for the nodes of this tensor's graph: labels where given, `t1`, `t2`… otherwise.
    func nodeNames(_ order: [Tensor]) -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        for (index, tensor) in order.enumerated() {
            names[ObjectIdentifier(tensor)] = tensor.label ?? "t\(index + 1)"
        }
        return names
    }

    /// A table of the graph that computed this tensor, in forward order.
    ///
    /// Each row reads like a line of the forward pass, `z1 = matmul(X, W1)`,
    /// followed by the node's shape, value and gradient (— before backward).
    ///
    /// A table wider than `width` columns (80, a terminal's default) is stacked instead: each node's
    /// line and shape, then its value and gradient on lines of their own, broken after a comma, so
    /// that no row wraps on the terminal.
    public func traceReport(precision: Int = 4, width: Int = 80) -> String {
        let order = graphInForwardOrder(includingConstants: true)
        let names = nodeNames(order)
        var rows: [[String]] = [["node", "shape", "value", "grad"]]
        for tensor in order {
            let name = names[ObjectIdentifier(tensor)] ?? "?"
            let definition: String
            if let op = tensor.op, !tensor.isLeaf {
                let arguments = tensor.inputs.map { names[ObjectIdentifier($0)] ?? Tensor.constantName($0) }
                definition = "\(name) = \(op)(\(arguments.joined(separator: ", ")))"
            } else {
                definition = "\(name) (\(tensor.requiresGrad ? "param" : "input"))"
            }
            rows.append([
                definition, describe(tensor.shape),
                ValueText.values(tensor.data, shape: tensor.shape, precision: precision),
                tensor.grad.map { ValueText.values($0.data, shape: $0.shape, precision: precision) } ?? "—",
            ])
        }
        let table = Tensor.alignColumns(rows)
        guard table.split(separator: "\n").contains(where: { $0.count > width }) else { return table }
        return rows.dropFirst().map { row in
            ([row[0] + "  " + row[1]] + Tensor.wrapped("value " + row[2], width: width)
                + Tensor.wrapped("grad  " + row[3], width: width)).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `text` indented by two spaces, broken after ", " into lines of at most `width` columns where it
    /// can be (a number longer than a line stays whole); continuation lines align under the values.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let indent = "  ", continuation = "        "
        var lines: [String] = []
        var line = indent
        for piece in text.split(separator: ", ", omittingEmptySubsequences: false).enumerated().map({ $0.offset == 0 ? String($0.element) : ", " + $0.element }) {
            // One column kept for the comma that ends a broken line.
            let fits = line.count + piece.count + 1 <= width
            if !fits, line != indent, line != continuation {
                lines.append(line + ",")
                line = continuation + piece.dropFirst(2)
            } else {
                line += piece
            }
        }
        lines.append(line)
        return lines
    }

    /// Pads columns to a common width, separated by two spaces.
    public static func alignColumns(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).enumerated().map { index, cell in
                index == row.count - 1 ? cell.0 : cell.0 + String(repeating: " ", count: cell.1 - cell.0.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
