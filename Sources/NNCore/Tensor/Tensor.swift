/// An n-dimensional array of Doubles that remembers how it was computed.
///
/// Values are stored contiguously in row-major order. A tensor produced by a
/// differentiable op while gradients are recorded keeps its op's name, its
/// inputs and its backward rule, so that ``backward(upstream:)`` can apply the
/// chain rule and the reports can show every step. Leaves created with
/// `requiresGrad` (parameters) collect gradients in ``grad``.
public final class Tensor {
    /// The values, row-major; shared with the tensors ``detached()`` made from this one.
    public internal(set) var data: [Double] {
        get {
            switch home {
            case nil: return values
            case .shared(let storage): return storage.values
            case .window:
                takeRows()
                return values
            }
        }
        set {
            if case .shared(let storage) = home {
                storage.releaseWindows()
                storage.values = newValue
            } else {
                home = nil
                values = newValue
            }
        }
        _modify {
            if case .window = home { takeRows() }
            if case .shared(let storage) = home {
                storage.releaseWindows()
                yield &storage.values
            } else {
                yield &values
            }
        }
    }
    /// The values while no other tensor shares them (most tensors' whole life: one object fewer per op).
    @exclusivity(unchecked) private var values: [Double]
    /// Where the values live when not in `values` (then empty); one field, so a tensor stays as small as before.
    @exclusivity(unchecked) private var home: ValuesHome?
    /// The running program's budget that `values` are charged to (a shared home charges its own).
    private let budget: ResourceBudget?
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    /// Whether gradients flow to this tensor. True for parameters and for
    /// every result computed from one while gradients are recorded.
    @exclusivity(unchecked) public internal(set) var requiresGrad: Bool
    // Beside `requiresGrad`, so the two flags share one word: a tensor object of 152 bytes takes
    // a 160-byte heap block, not one of the 176 bytes that a 16-value array takes too (more
    // blocks of one size than the allocator's per-thread cache holds cost a slower path).
    /// Whether this tensor holds the 0/1 result of a comparison, so that
    /// indexing with it selects where it is 1 (a boolean mask), as in NumPy.
    @exclusivity(unchecked) public internal(set) var isMask = false
    /// The gradient of the last backward pass (accumulated for leaves).
    public internal(set) var grad: Tensor? {
        get {
            // A gradient becomes a Tensor only when someone looks at it: a training loop never
            // does (optimizers read ``gradientValues``), and saves allocations per node per step.
            if let values = pendingGrad {
                storedGrad = Tensor(uncheckedData: values, shape: shape)
                pendingGrad = nil
            }
            return storedGrad
        }
        set {
            storedGrad = newValue
            pendingGrad = nil
        }
    }
    @exclusivity(unchecked) private var storedGrad: Tensor?
    /// The values of a gradient not yet wrapped in a Tensor (see ``grad``).
    @exclusivity(unchecked) private var pendingGrad: [Double]?
    /// A name shown in traces and graphs, such as `z1` or `a1`.
    @exclusivity(unchecked) public var label: String?

    /// The op that produced this tensor; nil for leaves.
    public let op: String?
    /// The tensors the op read, in argument order.
    @exclusivity(unchecked) var inputs: OpInputs
    /// Maps the gradient of this tensor to one gradient per input (nil where an input needs none).
    let backwardRule: BackwardRule?
    /// How each input's gradient is written in the chain-rule report.
    let formulas: [String]

    /// Creates a tensor without checking that `data` matches `shape`; for the ops.
    init(
        uncheckedData data: [Double], shape: [Int], requiresGrad: Bool = false,
        op: String? = nil, inputs: OpInputs = [], backward: BackwardRule? = nil, formulas: [String] = [],
        charging budget: ResourceBudget? = ResourceBudget.current, storage shared: TensorStorage? = nil
    ) {
        let budget = shared == nil ? budget : nil
        budget?.charge(data.count &* 8) { "\(op ?? "tensor"): a \(describe(shape)) tensor" }
        self.budget = budget
        home = shared.map(ValuesHome.shared)
        values = shared == nil ? data : []
        self.shape = shape
        self.requiresGrad = requiresGrad
        self.op = op
        self.inputs = inputs
        self.backwardRule = backward
        self.formulas = formulas
    }

    /// Creates a tensor of the given shape from row-major values.
    public convenience init(_ data: [Double], shape: [Int], requiresGrad: Bool = false) throws {
        let count = try Shape.count(shape, op: "tensor")
        guard count == data.count else {
            throw CoreError("tensor", "\(data.count) values do not fill shape \(describe(shape)) (\(count) elements)")
        }
        self.init(uncheckedData: data, shape: shape, requiresGrad: requiresGrad)
    }

    /// Creates a scalar tensor.
    public convenience init(_ value: Double, requiresGrad: Bool = false) {
        self.init(uncheckedData: [value], shape: [], requiresGrad: requiresGrad)
    }

    /// Creates a vector.
    public convenience init(_ values: [Double], requiresGrad: Bool = false) {
        self.init(uncheckedData: values, shape: [values.count], requiresGrad: requiresGrad)
    }

    /// Creates a matrix from rows of equal length.
    public convenience init(_ rows: [[Double]], requiresGrad: Bool = false) throws {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw CoreError("tensor", "rows have different lengths \(rows.map(\.count))")
        }
        try self.init(rows.flatMap { $0 }, shape: [rows.count, width], requiresGrad: requiresGrad)
    }

    // The graph of a long training loop can be 100 000 tensors deep; releasing it
    // recursively would overflow the stack, so inputs are released from a worklist.
    deinit {
        switch home {
        case nil: budget?.release(values.count &* 8)
        case .window(let window): budget?.release(window.rows.count &* 8)
        case .shared: break  // the shared home releases its own charge
        }
        guard !inputs.isEmpty else { return }
        var pending: [Tensor] = []
        pending.reserveCapacity(16)  // one allocation for a whole small graph, not one per doubling
        inputs.moveAll(into: &pending)
        while var tensor = pending.popLast() {
            guard isKnownUniquelyReferenced(&tensor) else { continue }
            tensor.inputs.moveAll(into: &pending)
        }
    }

    /// The number of elements.
    public var count: Int {
        if case .window(let window) = home { return window.rows.count }
        return data.count
    }
    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// Whether this tensor was created by the user rather than computed by an op.
    public var isLeaf: Bool { backwardRule == nil }

    /// The single value of a one-element tensor.
    public func item() throws -> Double {
        guard data.count == 1 else {
            throw CoreError("item", "only a tensor with one element converts to a number, this one has shape \(describe(shape))")
        }
        return data[0]
    }

    /// A tensor cut off from the graph that needs no gradient and shares these values, as PyTorch's
    /// `detach()`: writing into either in place changes both; `detached().cloned()` is a snapshot.
    public func detached() -> Tensor {
        Tensor(uncheckedData: [], shape: shape, charging: nil, storage: sharedStorage())
    }

    /// The shared home of the values, made at the first ``detached()`` by moving them there
    /// together with their charge to the budget.
    func sharedStorage() -> TensorStorage {
        if case .shared(let storage) = home { return storage }
        takeRows()
        let storage = TensorStorage(values, charged: budget)
        values = []
        home = .shared(storage)
        return storage
    }

    /// Makes this tensor read `window` in place of values of its own, charged as a copy of its rows would be.
    func read(_ window: RowWindow) {
        budget?.charge(window.rows.count &* 8) { "\(op ?? "tensor"): a \(describe(shape)) tensor" }
        home = .window(window)
    }

    /// Copies the rows a slice reads in place into values of its own (before they are written or read whole).
    private func takeRows() {
        guard case .window(let window) = home else { return }
        values = Array(window.rows)
        home = nil
    }

    /// Whether this slice still reads its source's rows in place (it has copied nothing yet).
    var readsInPlace: Bool {
        if case .window = home { return true }
        return false
    }

    /// The values for an op that only reads them, without copying a slice's rows.
    var readableValues: ReadableValues {
        if case .window(let window) = home { return .window(window) }
        return .array(data)
    }

    /// A copy of the values with their own storage; gradient flows back unchanged, as PyTorch's `clone()`.
    public func cloned() throws -> Tensor {
        try unary("clone", formulas: ["{g}"], { $0 }) { _, _ in 1 }
    }

    /// Turns this tensor into a trainable leaf (a parameter).
    public func makeParameter() throws {
        guard isLeaf else {
            throw CoreError("param", "only a leaf tensor can become a parameter; call detach() first")
        }
        requiresGrad = true
    }

    /// Records a gradient without allocating a Tensor for it until it is read.
    func setPendingGrad(_ values: [Double]) {
        storedGrad = nil
        pendingGrad = values
    }

    /// The values of ``grad`` without making it a Tensor; for optimizers.
    var gradientValues: [Double]? { pendingGrad ?? storedGrad?.data }

    /// Adds one backward pass's gradient to a leaf's, in place when it already has one (a
    /// `grad` someone holds sees the sum, as in PyTorch). Returns whether the gradient it
    /// added to held a value other than zero (one not cleared since the last pass).
    func accumulateGrad(_ gradient: [Double]) -> Bool {
        if let existing = storedGrad {
            let held = existing.data.contains { $0 != 0 }
            existing.update { values in
                for i in values.indices { values[i] += gradient[i] }
            }
            return held
        }
        guard var sum = pendingGrad else {
            pendingGrad = gradient
            return false
        }
        pendingGrad = nil  // leaves `sum` the only reference, so it is added to in place
        let held = sum.contains { $0 != 0 }
        sum.withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] += gradient[i] }
        }
        pendingGrad = sum
        return held
    }

    /// Clears the gradient: `grad` is nil until a backward pass reaches this tensor again,
    /// as PyTorch's `zero_grad(set_to_none=True)`, its default.
    public func zeroGrad() {
        grad = nil
    }

    /// Replaces the gradient; used by gradient clipping and tests.
    public func setGrad(_ values: [Double]) throws {
        guard values.count == count else {
            throw CoreError("grad", "\(values.count) values for a gradient of shape \(describe(shape))")
        }
        grad = Tensor(uncheckedData: values, shape: shape)
    }

    /// Overwrites the values in place, keeping the shape; for optimizers and `no_grad` updates.
    public func assign(_ values: [Double]) throws {
        guard values.count == count else {
            throw CoreError("assign", "\(values.count) values for a tensor of shape \(describe(shape))")
        }
        data = values
    }

    /// Updates the values in place; the body must keep the element count.
    func update(_ body: (inout [Double]) -> Void) {
        body(&data)
    }
}

/// The values of a tensor and its detached views, charged once to the running program's
/// memory budget while any of them lives.
final class TensorStorage {
    @exclusivity(unchecked) var values: [Double]
    /// The row slices reading `values` in place (see ``RowWindow``).
    @exclusivity(unchecked) var windows: [RowWindow] = []
    private let budget: ResourceBudget?

    /// Takes over `values` from a tensor, with the charge the tensor already made to `budget`.
    init(_ values: [Double], charged budget: ResourceBudget?) {
        self.values = values
        self.budget = budget
    }

    deinit {
        releaseWindows()
        budget?.release(values.count &* 8)
    }
}

/// The backward rule of one op: its result (whose shape and inputs it may read) and the gradient
/// of that result in, one gradient per input out.
///
/// A rule that needs only what the result holds captures nothing, and then recording its op
/// allocates no closure context (nor frees one when the graph goes).
typealias BackwardRule = (_ result: Tensor, _ g: [Double]) -> InputGradients
