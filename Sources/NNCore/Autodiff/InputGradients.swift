/// What a backward rule returns: one gradient per input of its op, in order,
/// nil where an input needs none.
///
/// Rules write it as an array literal, `[dA, dB]`. Up to two gradients are kept
/// inline, so the common unary and binary ops allocate no array per backward step.
struct InputGradients: ExpressibleByArrayLiteral {
    private var first: [Double]?, second: [Double]?
    /// The gradients after the second; nil (not an empty array, which copies would retain) for two or fewer.
    private var more: [[Double]?]?
    /// The number of inputs covered.
    let count: Int
    /// Where the first input's gradient lies in that input, when it covers only a part of it
    /// (a piece of a split); nil when it covers the whole input.
    private(set) var firstPart: GradientPart?

    // Elements are copied out one by one, never the literal's buffer, so the
    // optimizer can place the literal on the stack.
    @inline(__always)
    init(arrayLiteral gradients: [Double]?...) {
        count = gradients.count
        first = count > 0 ? gradients[0] : nil
        second = count > 1 ? gradients[1] : nil
        if count > 2 {
            var rest: [[Double]?] = []
            for index in 2..<count { rest.append(gradients[index]) }
            more = rest
        }
    }

    /// Gradients for any number of inputs (concat has one per part).
    init(_ gradients: [[Double]?]) {
        count = gradients.count
        first = count > 0 ? gradients[0] : nil
        second = count > 1 ? gradients[1] : nil
        if count > 2 { more = Array(gradients[2...]) }
    }

    /// The gradient of one part of the single input: the backward pass adds it into that part of the
    /// input's summed gradient, so the pieces of a split share one array and none is zero-filled to full size.
    init(_ values: [Double], in part: GradientPart) {
        count = 1
        first = values
        firstPart = part
    }

    /// Moves the gradient for input `index` out, leaving nil there; the backward pass takes each
    /// once, which saves a retain and a release per edge of the graph.
    mutating func take(_ index: Int) -> [Double]? {
        switch index {
        case 0: first.take()
        case 1: second.take()
        default: takeMore(index - 2)
        }
    }

    // Apart and not inlined: inlined into the backward pass's loop, the uniqueness check of `more` was
    // hoisted before it and ran for every op, though nearly every op has at most two inputs.
    @inline(never)
    private mutating func takeMore(_ index: Int) -> [Double]? {
        guard let more, index < more.count else { return nil }
        let gradient = more[index]
        self.more![index] = nil
        return gradient
    }

    /// The gradient for input `index`, or nil.
    subscript(index: Int) -> [Double]? {
        switch index {
        case 0: first
        case 1: second
        default: more.flatMap { index - 2 < $0.count ? $0[index - 2] : nil }
        }
    }
}

/// Where a gradient term that covers part of its input lies among the input's values in row-major
/// order: `runs` runs of `width` values, `stride` apart, the first at `offset`.
struct GradientPart {
    /// The input's element count.
    let total: Int
    let offset: Int
    let runs: Int
    let width: Int
    let stride: Int

    /// Adds `term` (runs × width values) into its place in `sum`, made zeros of the full size when nil.
    func add(_ term: [Double], into sum: inout [Double]?) {
        if sum == nil { sum = [Double](zeros: total) }
        sum!.withUnsafeMutableBufferPointer { sum in
            term.withUnsafeBufferPointer { term in
                for run in 0..<runs {
                    let (to, from) = (offset + run * stride, run * width)
                    for j in 0..<width { sum[to + j] += term[from + j] }
                }
            }
        }
    }

    /// `term` in its place among zeros of the input's size, as a whole-input gradient.
    func expanded(_ term: [Double]) -> [Double] {
        var whole: [Double]? = nil
        add(term, into: &whole)
        return whole ?? []
    }
}
