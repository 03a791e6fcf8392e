/// The tensors an op read, in argument order.
///
/// Written as an array literal, `[a, b]`, like the array it replaces; one or two
/// inputs (nearly every op) are stored inline, so recording an op allocates no
/// array for them.
struct OpInputs: RandomAccessCollection, ExpressibleByArrayLiteral {
    private enum Storage {
        case one(Tensor)
        case two(Tensor, Tensor)
        case many([Tensor])  // none, or more than two
    }

    private var storage: Storage

    // Elements are copied out one by one, never the literal's buffer, so the
    // optimizer can place the literal on the stack.
    @inline(__always)
    init(arrayLiteral tensors: Tensor...) {
        switch tensors.count {
        case 1: storage = .one(tensors[0])
        case 2: storage = .two(tensors[0], tensors[1])
        default: storage = .many(tensors.map { $0 })
        }
    }

    /// Inputs for any number of tensors (concat reads one per part).
    init(_ tensors: [Tensor]) {
        switch tensors.count {
        case 1: storage = .one(tensors[0])
        case 2: storage = .two(tensors[0], tensors[1])
        default: storage = .many(tensors)
        }
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .one: 1
        case .two: 2
        case .many(let tensors): tensors.count
        }
    }

    // Out-of-range positions trap as an array's do (the stdlib collections check them).
    subscript(position: Int) -> Tensor {
        switch storage {
        case .one(let a): CollectionOfOne(a)[position]
        case .two(let a, let b): position == 0 ? a : CollectionOfOne(b)[position - 1]
        case .many(let tensors): tensors[position]
        }
    }

    /// Appends every input to `list` without retaining it; for a walk whose root keeps the graph alive.
    func appendUnretained(to list: inout [Unmanaged<Tensor>]) {
        switch storage {
        case .one(let a): list.append(.passUnretained(a))
        case .two(let a, let b): list.append(.passUnretained(a)); list.append(.passUnretained(b))
        case .many(let tensors): for tensor in tensors { list.append(.passUnretained(tensor)) }
        }
    }

    /// Moves every input to the end of `list`, leaving this list empty; for
    /// releasing a long graph without recursion.
    mutating func moveAll(into list: inout [Tensor]) {
        let old = storage
        storage = .many([])
        switch old {
        case .one(let a): list.append(a)
        case .two(let a, let b): list.append(a); list.append(b)
        case .many(let tensors): list.append(contentsOf: tensors)
        }
    }
}
