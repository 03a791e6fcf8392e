import Synchronization

/// One walk over the graph that ends at a tensor: what it reached, in forward order, and the edges it took.
///
/// The walk's scratch state lives here, not on the tensors: which tensors it
/// reached (an ``IdentityTable``), the next input of each tensor on the path
/// (kept in the stack frames), and a node per reached tensor, numbered in the
/// order it was reached, where the backward pass sums the tensor's gradient.
/// Each edge is looked up once, during the walk: a tensor's inputs are recorded
/// by their numbers, so the backward pass follows them without a table.
struct GraphWalk {
    /// A reached tensor, where the numbers of its inputs start in ``WalkBuffers/inputNumbers``
    /// and how many it has, and the gradient terms a backward pass has summed for it so far.
    struct Node {
        /// Not retained: the walk's root holds its whole graph, which no one changes while the walk is used.
        unowned(unsafe) let tensor: Tensor
        let firstInput: Int
        let inputCount: Int
        var sum: [Double]? = nil
    }

    /// A tensor on the path from the root: its number and the edges (positions in
    /// ``WalkBuffers/edges``) still to visit. Plain numbers: pushing one retains nothing.
    struct Frame {
        let number: Int
        var next: Int
        let end: Int
    }

    /// The walk's arrays, taken from the spare set of an earlier walk (see ``recycle()``);
    /// its user may sum gradients in the nodes' `sum`.
    var buffers: WalkBuffers
    /// Keeps the graph, whose tensors the buffers do not retain, alive while the walk is used.
    private let root: Tensor

    /// Walks depth first from `root` through the inputs that need a gradient (all of them
    /// `includingConstants`). Iterative, so a graph 100 000 ops deep does not overflow the stack.
    init(from root: Tensor, includingConstants: Bool) {
        self.root = root
        buffers = WalkBuffers.take()
        // The frame being visited is kept in a local; the stack holds the frames below it.
        _ = buffers.table.find(root, number: 0)
        var current = buffers.reach(root, number: 0)
        while true {
            if current.next < current.end {
                let edge = current.next
                current.next += 1
                // (A closure over `buffers` here would cost a dynamic exclusivity check per edge.)
                let input = buffers.edges[edge].takeUnretainedValue()
                guard includingConstants || input.requiresGrad else { continue }
                let (number, isNew) = buffers.table.find(input, number: buffers.nodes.count)
                buffers.inputNumbers[edge] = number
                guard isNew else { continue }
                buffers.stack.append(current)
                current = buffers.reach(input, number: number)
            } else {
                buffers.order.append(current.number)
                guard let below = buffers.stack.popLast() else { break }
                current = below
            }
        }
    }

    /// The reached tensors in forward order.
    var tensorsInForwardOrder: [Tensor] {
        buffers.order.map { buffers.nodes[$0].tensor }
    }

    /// Hands the walk's arrays back for the next walk, emptied but keeping their room.
    mutating func recycle() {
        WalkBuffers.giveBack(&buffers)
    }
}

/// The arrays a graph walk and its backward pass work in: one spare set is kept between walks,
/// so a training step neither allocates them nor clears a table slot by slot.
struct WalkBuffers: @unchecked Sendable {  // only an emptied set, holding no tensor, is ever shared
    var table = IdentityTable(capacity: 64)
    /// The reached tensors by number, the order they were first reached in; the root is number 0.
    var nodes: [GraphWalk.Node] = []
    /// The numbers of the reached tensors in forward order: every input before the tensors that use it; the root last.
    var order: [Int] = []
    /// For each node, from its `firstInput`, the number of each of its inputs; -1 for an input the walk did not take.
    var inputNumbers: [Int] = []
    /// Beside `inputNumbers`, each input itself, not retained (the walk's root holds it).
    var edges: [Unmanaged<Tensor>] = []
    var stack: [GraphWalk.Frame] = []

    /// Adds `tensor` as node `number` (already in the table) and returns its frame.
    mutating func reach(_ tensor: Tensor, number: Int) -> GraphWalk.Frame {
        let first = inputNumbers.count
        tensor.inputs.appendUnretained(to: &edges)
        let end = edges.count
        for _ in first..<end { inputNumbers.append(-1) }
        nodes.append(GraphWalk.Node(tensor: tensor, firstInput: first, inputCount: end - first))
        return GraphWalk.Frame(number: number, next: first, end: end)
    }

    /// The spare set, or a new one when another walk holds it (another thread, or a walk inside a walk).
    static func take() -> WalkBuffers {
        spare.withLock { $0.take() } ?? WalkBuffers()
    }

    /// Empties `buffers` in place and keeps them as the spare set.
    static func giveBack(_ buffers: inout WalkBuffers) {
        buffers.table.clear()
        buffers.nodes.removeAll(keepingCapacity: true)
        buffers.order.removeAll(keepingCapacity: true)
        buffers.inputNumbers.removeAll(keepingCapacity: true)
        buffers.edges.removeAll(keepingCapacity: true)
        buffers.stack.removeAll(keepingCapacity: true)
        let emptied = buffers
        spare.withLock { $0 = emptied }
    }
}

/// The arrays of the last finished walk, for the next one.
private let spare = Mutex<WalkBuffers?>(nil)

/// Tensors by identity, each with the number it was added with.
///
/// Open addressing over the objects' addresses with a multiplicative hash: a walk
/// looks up every edge of the graph, and hashing identities through `Hasher`
/// (SipHash) would cost more than the little work a training step does per edge.
/// Tensors stay alive while the walk runs (the root holds them), so no address is reused.
/// A slot belongs to the table's current generation or counts as empty, so clearing is O(1).
struct IdentityTable {
    private struct Slot {
        var address: UInt
        var number: Int
        var generation: UInt32
    }

    private var slots: [Slot]
    private var generation: UInt32 = 1
    private(set) var count = 0

    /// A table that holds `capacity` tensors before it grows.
    init(capacity: Int) {
        var size = 8
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(address: 0, number: 0, generation: 0), count: size)
    }

    /// The number `tensor` was added with; when absent, adds it with `number`. Says which.
    mutating func find(_ tensor: Tensor, number: Int) -> (number: Int, isNew: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let address = Self.address(tensor)
        let mask = slots.count - 1
        var index = Self.start(address, mask: mask)
        while slots[index].generation == generation {
            if slots[index].address == address { return (slots[index].number, false) }
            index = (index + 1) & mask
        }
        slots[index] = Slot(address: address, number: number, generation: generation)
        count += 1
        return (number, true)
    }

    /// Forgets every tensor.
    mutating func clear() {
        count = 0
        if generation == .max {
            for i in slots.indices { slots[i].generation = 0 }
            generation = 1
        } else {
            generation += 1
        }
    }

    private mutating func grow() {
        let old = slots
        let current = generation
        slots = Array(repeating: Slot(address: 0, number: 0, generation: 0), count: old.count * 2)
        generation = 1
        let mask = slots.count - 1
        for slot in old where slot.generation == current {
            var index = Self.start(slot.address, mask: mask)
            while slots[index].generation == generation { index = (index + 1) & mask }
            slots[index] = Slot(address: slot.address, number: slot.number, generation: generation)
        }
    }

    private static func address(_ tensor: Tensor) -> UInt {
        UInt(bitPattern: ObjectIdentifier(tensor))
    }

    /// Fibonacci hashing: the high bits of the product mix every bit of the address.
    private static func start(_ address: UInt, mask: Int) -> Int {
        Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
