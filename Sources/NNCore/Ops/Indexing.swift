/// One subscript of a tensor index, as in NumPy: `X[0]`, `X[:, 1]`, `X[i:i+32]`, `X[[3, 1]]`.
public enum IndexSpec: Equatable, Sendable {
    /// A single position; removes the dimension. Negative counts from the end.
    case at(Int)
    /// A Python slice `start:stop:step`; nil parts take their defaults.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// A list of positions, in order (repeats allowed); keeps the dimension. Several lists
    /// pair up element by element, as NumPy's advanced indexing.
    case positions([Int])

    /// The whole dimension, `:`.
    public static let all = IndexSpec.slice(start: nil, stop: nil, step: nil)
}

extension Tensor {
    /// Selects elements by index; the gradient flows back into the selected places.
    public func indexed(_ specs: [IndexSpec]) throws -> Tensor {
        if let rows = try contiguousRows(specs) { return try rowBlock(rows.range, keepsAxis: rows.keepsAxis) }
        let sourceCount = count
        if let strided = try stridedSelection(specs, op: "index") {
            return try Tensor.record("index", strided.gather(data), shape: strided.shape, inputs: [self],
                                     formulas: ["{g} scattered into the selected places"]) { _, g in
                var grad = [Double](zeros: sourceCount)
                strided.scatterAdd(g, into: &grad)
                return [grad]
            }
        }
        let (offsets, shape) = try selection(specs, op: "index")
        let source = data
        let out = offsets.map { source[$0] }
        return try Tensor.record("index", out, shape: shape, inputs: [self], formulas: ["{g} scattered into the selected places"]) { _, g in
            var grad = [Double](zeros: sourceCount)
            for (i, offset) in offsets.enumerated() { grad[offset] += g[i] }
            return [grad]
        }
    }

    /// The rows `X[i]`, `X[a:b]` or `X[a:b, :]` select, when they lie contiguously in memory.
    private func contiguousRows(_ specs: [IndexSpec]) throws -> (range: Range<Int>, keepsAxis: Bool)? {
        guard let first = specs.first, specs.count <= rank, let size = shape.first,
              specs.dropFirst().allSatisfy({ $0 == .all }) else { return nil }
        switch first {
        case .at(let i):
            let row = try Tensor.position(i, size: size, axis: 0, op: "index", shape: shape)
            return (row..<(row + 1), false)
        case .slice(let start, let stop, let step) where step == nil || step == 1:
            let rows = try Tensor.slicePositions(start, stop, 1, size: size, op: "index")
            guard let first = rows.first, let last = rows.last else { return nil }
            return (first..<(last + 1), true)
        default:
            return nil
        }
    }

    /// A block of whole rows; the gradient lands in the same rows. A large block reads the rows in place
    /// (``RowWindow``) and behaves as a copy; a small one is copied.
    private func rowBlock(_ rows: Range<Int>, keepsAxis: Bool) throws -> Tensor {
        let width = shape.dropFirst().reduce(1, *)
        let (lo, hi) = (rows.lowerBound * width, rows.upperBound * width)
        let outShape = keepsAxis ? [rows.count] + shape.dropFirst() : Array(shape.dropFirst())
        let total = count
        let mode = RecordingMode.current
        // With anomaly detection on, the rows are checked as values of their own.
        let inPlace = hi &- lo >= Tensor.rowWindowMinimum && !mode.detectsAnomalies
        let block = try Tensor.record("index", inPlace ? [] : Array(data[lo..<hi]), shape: outShape, inputs: [self],
                                      formulas: ["{g} scattered into the selected places"], mode: mode) { _, g in
            var grad = [Double](zeros: total)
            grad.replaceSubrange(lo..<hi, with: g)
            return [grad]
        }
        if inPlace { block.read(sharedStorage().window(lo..<hi)) }
        return block
    }

    /// Writes `value` (broadcast to the selection) into the selected elements, in place.
    ///
    /// Not recorded for backward: a parameter may be changed this way only
    /// inside a no-grad scope, as in PyTorch.
    public func setIndexed(_ specs: [IndexSpec], to value: Tensor) throws {
        if requiresGrad && isLeaf && GradMode.isRecording {
            throw CoreError("assign", "a parameter cannot be changed in place while gradients are recorded; do it inside `with no_grad():`")
        }
        let (offsets, shape) = try selection(specs, op: "assign")
        let target = try Shape.broadcast(shape, value.shape, op: "assign")
        guard target == shape else {
            throw CoreError("assign", "a value of shape \(describe(value.shape)) does not fit a selection of shape \(describe(shape))")
        }
        let values = Broadcast.map([Double](zeros: offsets.count), shape, value.data, value.shape, to: shape) { $1 }
        update { data in
            for (offset, v) in zip(offsets, values) { data[offset] = v }
        }
    }

    /// The flat offsets selected by `specs`, in row-major order of the result, and its shape.
    ///
    /// NumPy's rules: without lists, ints remove their axis and slices keep theirs. With lists,
    /// the lists and ints are "advanced" indices taken together: equal lengths (or length 1)
    /// pair up element by element into one result axis, which stands where they stand when
    /// they are adjacent and first when slices separate them.
    func selection(_ specs: [IndexSpec], op: String) throws -> (offsets: [Int], shape: [Int]) {
        guard specs.count <= rank else {
            throw CoreError(op, "\(specs.count) indices for a tensor of rank \(rank) (shape \(describe(shape)))")
        }
        var chosen: [[Int]] = []
        var advancedAxes: [Int] = []
        var pairedLength: Int?
        for (axis, size) in shape.enumerated() {
            let spec = axis < specs.count ? specs[axis] : .all
            switch spec {
            case .at(let i):
                chosen.append([try Tensor.position(i, size: size, axis: axis, op: op, shape: shape)])
                advancedAxes.append(axis)
            case .positions(let list):
                chosen.append(try list.map { try Tensor.position($0, size: size, axis: axis, op: op, shape: shape) })
                advancedAxes.append(axis)
                if list.count != 1 {
                    if let length = pairedLength, length != list.count {
                        throw CoreError(op, "index lists of lengths \(length) and \(list.count) cannot be paired; lists used together must have the same length (or length 1), as in NumPy")
                    }
                    pairedLength = list.count
                }
            case .slice(let start, let stop, let step):
                chosen.append(try Tensor.slicePositions(start, stop, step, size: size, op: op))
            }
        }
        let hasList = specs.contains { if case .positions = $0 { return true } else { return false } }
        // Each result axis walks either one sliced axis, or (the paired axis, nil) all advanced axes together.
        var walks: [Int?] = []
        if hasList {
            let length = pairedLength ?? 1
            let adjacent = advancedAxes.last.map { $0 - advancedAxes[0] + 1 == advancedAxes.count } ?? true
            let sliced = shape.indices.filter { !advancedAxes.contains($0) }
            let before = adjacent ? sliced.filter { $0 < advancedAxes[0] } : []
            walks = before.map { $0 } + [nil] + sliced.filter { !before.contains($0) }.map { $0 }
            // A list of length 1 pairs with every element of the others.
            for axis in advancedAxes where chosen[axis].count == 1 && length != 1 {
                chosen[axis] = [Int](repeating: chosen[axis][0], count: length)
            }
        } else {
            walks = shape.indices.filter { !advancedAxes.contains($0) }.map { $0 }
        }
        let pairedCount = hasList ? (pairedLength ?? 1) : 0
        let resultShape = walks.map { $0.map { chosen[$0].count } ?? pairedCount }
        let total = try Shape.count(resultShape, op: op)
        let strides = Shape.strides(shape)
        var offsets = [Int]()
        offsets.reserveCapacity(total)
        guard total > 0 else { return ([], resultShape) }
        // Ints outside any list fix their axis for the whole walk.
        var base = 0
        if !hasList { for axis in advancedAxes { base += chosen[axis][0] * strides[axis] } }
        var counter = [Int](repeating: 0, count: walks.count)
        while true {
            var offset = base
            for (dim, walk) in walks.enumerated() {
                if let axis = walk {
                    offset += chosen[axis][counter[dim]] * strides[axis]
                } else {
                    for axis in advancedAxes { offset += chosen[axis][counter[dim]] * strides[axis] }
                }
            }
            offsets.append(offset)
            var dim = walks.count - 1
            while dim >= 0 {
                counter[dim] += 1
                if counter[dim] < resultShape[dim] { break }
                counter[dim] = 0
                dim -= 1
            }
            if dim < 0 { break }
        }
        return (offsets, resultShape)
    }

    static func position(_ index: Int, size: Int, axis: Int, op: String, shape: [Int]) throws -> Int {
        let resolved = index < 0 ? index + size : index
        guard resolved >= 0, resolved < size else {
            throw CoreError(op, "index \(index) is out of range for axis \(axis) with size \(size) (shape \(describe(shape)))")
        }
        return resolved
    }

    /// Python's slice semantics: negative bounds count from the end, bounds are clamped.
    public static func slicePositions(_ start: Int?, _ stop: Int?, _ step: Int?, size: Int, op: String) throws -> [Int] {
        let slice = try sliceBounds(start, stop, step, size: size, op: op)
        return (0..<slice.count).map { slice.first + $0 * slice.step }
    }
}
