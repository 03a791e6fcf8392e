/// Looking up rows of a table by integer ids: the embedding layer's op.
extension Tensor {
    /// The rows of `table` [n, d] picked by `ids` (whole numbers in 0..<n, any shape); the
    /// result has shape ids.shape + [d]. Backward adds each output row's gradient into the row
    /// it was read from, so an id used several times collects every use's gradient.
    public static func embedding(_ ids: Tensor, _ table: Tensor) throws -> Tensor {
        guard table.rank == 2 else {
            throw CoreError("embedding", "the table must be a matrix [n, d], got \(describe(table.shape))")
        }
        let (rows, width) = (table.shape[0], table.shape[1])
        var picked = [Int]()
        picked.reserveCapacity(ids.count)
        for value in ids.data {
            guard value == value.rounded(), value >= 0, value < Double(rows) else {
                throw CoreError("embedding", "ids must be whole numbers in 0..<\(rows) (the table's rows), found \(Tensor.number(value))")
            }
            picked.append(Int(value))
        }
        let source = table.data
        var out = [Double]()
        out.reserveCapacity(picked.count * width)
        for row in picked { out.append(contentsOf: source[(row * width)..<((row + 1) * width)]) }
        let tableCount = table.count
        return try record("embedding", out, shape: ids.shape + [width], inputs: [ids, table],
                          formulas: ["0 (ids are not differentiable)", "{g} rows added into the rows of {1} picked by {0}"]) { _, g in
            var grad = [Double](zeros: tableCount)
            for (position, row) in picked.enumerated() {
                for k in 0..<width { grad[row * width + k] += g[position * width + k] }
            }
            return [nil, grad]
        }
    }
}
