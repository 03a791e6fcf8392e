/// The tensors an op read, in argument order.
///
/// Written as an array literal, `[a, b]`, like the array it replaces; one or two
/// inputs (nearly every op) are stored inline, so recording an op allocates no
/// array for them. Plain optional fields, not an enum: reading one retains only
/// that tensor, where taking an enum's payload apart copied (retained) all of it.
struct OpInputs: RandomAccessCollection, ExpressibleByArrayLiteral {
    private var first: Tensor?
    private var second: Tensor?
    /// The inputs after the second; nil for two or fewer.
    private var rest: [Tensor]?

    // Elements are copied out one by one, never the literal's buffer, so the
    // optimizer can place the literal on the stack.
    @inline(__always)
    init(arrayLiteral tensors: Tensor...) {
        first = tensors.count > 0 ? tensors[0] : nil
        second = tensors.count > 1 ? tensors[1] : nil
        if tensors.count > 2 {
            var more: [Tensor] = []
            for index in 2..<tensors.count { more.append(tensors[index]) }
            rest = more
        }
    }

    /// Inputs for any number of tensors (concat reads one per part).
    init(_ tensors: [Tensor]) {
        first = tensors.count > 0 ? tensors[0] : nil
        second = tensors.count > 1 ? tensors[1] : nil
        rest = tensors.count > 2 ? Array(tensors[2...]) : nil
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        second == nil ? (first == nil ? 0 : 1) : 2 &+ (rest?.count ?? 0)
    }

    // Out-of-range positions trap as an array's do.
    subscript(position: Int) -> Tensor {
        switch position {
        case 0 where first != nil: first.unsafelyUnwrapped
        case 1 where second != nil: second.unsafelyUnwrapped
        default: rest.map { $0[position - 2] } ?? [Tensor]()[position]
        }
    }

    /// Appends every input to `list` without retaining it; for a walk whose root keeps the graph alive.
    func appendUnretained(to list: inout [Unmanaged<Tensor>]) {
        guard let first else { return }
        list.append(.passUnretained(first))
        guard let second else { return }
        list.append(.passUnretained(second))
        for tensor in rest ?? [] { list.append(.passUnretained(tensor)) }
    }

    /// Moves every input to the end of `list`, leaving this list empty; for
    /// releasing a long graph without recursion.
    mutating func moveAll(into list: inout [Tensor]) {
        if let tensor = first.take() { list.append(tensor) }
        if let tensor = second.take() { list.append(tensor) }
        if let tensors = rest.take() { list.append(contentsOf: tensors) }
    }
}
