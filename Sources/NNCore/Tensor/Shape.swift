/// Shape arithmetic shared by the ops: element counts, axes and broadcasting.
enum Shape {
    /// The largest number of elements one tensor may hold (800 MB of Doubles).
    ///
    /// A learner who types `zeros(1000000, 1000000)` gets a message instead of
    /// the kernel killing the process.
    static let maxElements = 100_000_000

    /// The number of elements of `shape`, or an error when it is negative or too large
    /// or would not fit `budget` (an op that has read the recording mode passes its budget along).
    static func count(_ shape: [Int], op: String, budget: ResourceBudget? = ResourceBudget.current) throws -> Int {
        var total = 1
        for dim in shape {
            guard dim >= 0 else {
                throw CoreError(op, "negative dimension \(dim) in shape \(describe(shape))")
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: dim)
            guard !overflow, product <= maxElements else {
                throw CoreError(op, "shape \(describe(shape)) has too many elements (the limit is \(maxElements))")
            }
            total = product
        }
        // Refused before the op allocates it, when it would not fit the running program's budget.
        try budget?.reserve(total * 8, for: "\(op): a \(describe(shape)) tensor")
        return total
    }

    /// The product of the dimensions, for shapes already known to be valid.
    static func product(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Row-major strides of a contiguous tensor of this shape.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// Resolves a possibly negative axis against a rank, as NumPy does.
    static func axis(_ axis: Int, rank: Int, op: String) throws -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0, resolved < max(rank, 1) else {
            throw CoreError(op, "axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        return resolved
    }

    /// The NumPy broadcast of two shapes: dimensions aligned from the right,
    /// each pair equal or one of them 1.
    static func broadcast(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        // Most ops broadcast into one of their inputs' shapes; sharing that array saves an allocation.
        if covers(a, b) { return a }
        if covers(b, a) { return b }
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else {
                throw CoreError(op, "shapes \(describe(a)) and \(describe(b)) cannot be broadcast together (dimension \(i): \(da) vs \(db))")
            }
            result[i] = da == 1 ? db : da
        }
        _ = try count(result, op: op)
        return result
    }

    /// Whether `small` broadcasts into `large` unchanged: every trailing dimension of
    /// `small` is 1 or equal to `large`'s.
    private static func covers(_ large: [Int], _ small: [Int]) -> Bool {
        guard small.count <= large.count else { return false }
        let offset = large.count - small.count
        for i in small.indices where small[i] != 1 && small[i] != large[offset + i] { return false }
        return true
    }

    /// Strides for reading a tensor of `shape` as if it had `target` shape:
    /// 0 along broadcast dimensions.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { i in
            i < offset || shape[i - offset] == 1 ? 0 : own[i - offset]
        }
    }
}
