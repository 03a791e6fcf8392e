/// What a backward rule returns: one gradient per input of its op, in order,
/// nil where an input needs none.
///
/// Rules write it as an array literal, `[dA, dB]`. Up to two gradients are kept
/// inline, so the common unary and binary ops allocate no array per backward step.
struct InputGradients: ExpressibleByArrayLiteral {
    private var first: [Double]?, second: [Double]?
    private var more: [[Double]?] = []
    /// The number of inputs covered.
    let count: Int

    // Elements are copied out one by one, never the literal's buffer, so the
    // optimizer can place the literal on the stack.
    @inline(__always)
    init(arrayLiteral gradients: [Double]?...) {
        count = gradients.count
        first = count > 0 ? gradients[0] : nil
        second = count > 1 ? gradients[1] : nil
        for index in gradients.indices.dropFirst(2) { more.append(gradients[index]) }
    }

    /// Gradients for any number of inputs (concat has one per part).
    init(_ gradients: [[Double]?]) {
        count = gradients.count
        first = count > 0 ? gradients[0] : nil
        second = count > 1 ? gradients[1] : nil
        if count > 2 { more = Array(gradients[2...]) }
    }

    /// The gradient for input `index`, or nil.
    subscript(index: Int) -> [Double]? {
        switch index {
        case 0: first
        case 1: second
        default: index - 2 < more.count ? more[index - 2] : nil
        }
    }
}
