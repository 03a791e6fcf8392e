import Foundation
import Testing
@testable import NNScript

/// A micrograd-style engine: every result holds a closure whose frame holds the result, a reference cycle per operation.
private let engine = """
class V:
    def __init__(self, data, children=()):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(children)
    def __add__(self, other):
        out = V(self.data + other.data, (self, other))
        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out
    def __mul__(self, other):
        out = V(self.data * other.data, (self, other))
        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out
    def backward(self):
        order, seen = [], set()
        def build(v):
            if v not in seen:
                seen.add(v)
                for child in v._prev:
                    build(child)
                order.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(order):
            v._backward()

w = [V(0.5), V(-0.25)]
def step():
    x = [V(1.0), V(2.0)]
    y = w[0] * x[0] + w[1] * x[1]
    loss = y * y
    for p in w:
        p.grad = 0.0
    loss.backward()
    for p in w:
        p.data -= 0.01 * p.grad
    return loss.data
"""

/// Weak references to objects of a program, to see whether the collector freed them.
private final class Watched {
    weak var object: AnyObject?
    init(_ object: AnyObject?) { self.object = object }
}

private func watch(_ interpreter: Interpreter, _ name: String) -> Watched {
    switch interpreter.globals.lookup(name) {
    case .object(let object): Watched(object)
    case .function(let function): Watched(function)
    case .list(let list): Watched(list)
    case .dict(let dict): Watched(dict)
    default: Watched(nil)
    }
}

@Suite struct CollectorTests {
    @Test func theRetainCountIsTheNumberOfStrongReferences() {
        let list = ListStorage([])
        let pointer = Unmanaged.passUnretained(list).toOpaque()
        #expect(strongRetainCount(pointer) == 1)
        let holders = [list, list]
        #expect(strongRetainCount(pointer) == 3)
        #expect(holders.count == 2)
    }

    @Test func theMemoryLayoutIsFound() throws {
        let layout = try #require(RawLayout.calibrated)
        #expect(layout.valueStride == MemoryLayout<Value>.stride)
        // An array held by one list is seen as held once; a copy made by the program makes it shared.
        let list = ListStorage([.integer(1)])
        let storage = withUnsafeMutablePointer(to: &list.items) { arrayStorage(at: $0) }
        #expect(strongRetainCount(UnsafeMutableRawPointer(mutating: storage)) == 1)
        let copy = list.items
        #expect(strongRetainCount(UnsafeMutableRawPointer(mutating: storage)) == 2)
        #expect(copy.count == 1)
    }

    @Test func aCycleOfInstancesAndClosuresIsFreed() {
        let interpreter = Interpreter()
        let defined = interpreter.runCell("""
        class Node:
            def __init__(self, name):
                self.name = name
                self.other = None
                def me():
                    return self
                self.me = me
        a = Node("a")
        b = Node("b")
        a.other = b
        b.other = a
        items = [a, b]
        items.append(items)
        table = {"a": a, "self": None}
        table["self"] = table
        """, file: "cycle.nn")
        #expect(defined.succeeded, "\(defined.output)")
        let a = watch(interpreter, "a"), items = watch(interpreter, "items"), table = watch(interpreter, "table")
        interpreter.heap.collect()
        #expect(a.object != nil && items.object != nil && table.object != nil, "reachable objects were freed")
        #expect(interpreter.runCell("print(a.other.other.name, b.me().name, items[2][0].name)", file: "use.nn").output == "a b a\n")
        _ = interpreter.runCell("a = None\nb = None\nitems = None\ntable = None", file: "drop.nn")
        #expect(a.object != nil, "reference counting alone frees the cycle")
        #expect(interpreter.heap.collect() > 0)
        #expect(a.object == nil && items.object == nil && table.object == nil)
    }

    @Test func theEngineKeepsABoundedNumberOfObjects() {
        let interpreter = Interpreter()
        #expect(interpreter.runCell(engine, file: "engine.nn").succeeded)
        var counts: [Int] = []
        for _ in 0..<4 {
            let result = interpreter.runCell("for _ in range(500):\n    last = step()", file: "steps.nn")
            #expect(result.succeeded, "\(result.output)")
            // Collected on the way: never more than a collection's worth of allocations past the survivors.
            #expect(interpreter.heap.trackedCount < 2 * Heap.minimumThreshold)
            interpreter.heap.collect()
            counts.append(interpreter.heap.trackedCount)
        }
        #expect(interpreter.heap.collections > 4, "the allocations alone started collections")
        #expect(Set(counts).count == 1, "live objects after 500, 1000, 1500 and 2000 steps: \(counts)")
        #expect(counts[0] < 200)
    }

    @Test func aDroppedInterpreterLeavesNothingTracked() {
        var heap: Heap?
        var function: Watched?, instance: Watched?
        do {
            // Run on this thread: a cell's thread may still hold the interpreter for a moment after the cell.
            let interpreter = Interpreter()
            #expect(throws: Never.self) {
                try interpreter.run(engine + "\nstep()\nclass Holder:\n    pass\nholder = Holder()\nholder.me = holder\nholder.step = step")
            }
            function = watch(interpreter, "step")
            instance = watch(interpreter, "holder")
            heap = interpreter.heap
            #expect((heap?.trackedCount ?? 0) > 10)
        }
        #expect(heap?.trackedCount == 0)
        #expect(function?.object == nil && instance?.object == nil)
    }

    @Test func anObjectHeldFromOutsideOutlivesItsInterpreter() {
        var kept: Value?
        var heap: Heap?
        do {
            let interpreter = Interpreter()
            _ = try? interpreter.run("class Node:\n    pass\nnode = Node()\nnode.me = node\nnode.items = [node, 1]")
            kept = interpreter.globals.lookup("node")
            heap = interpreter.heap
        }
        guard case .object(let node as Instance)? = kept else { Issue.record("no node"); return }
        #expect(node.field("items").map { if case .list(let list) = $0 { list.items.count } else { 0 } } == 2)
        #expect(heap?.trackedCount ?? 0 > 0, "the heap stays while its objects are held")
    }

    /// With collections far more often than normal, every object held only by Swift code (arguments being
    /// evaluated, results being returned) must survive: the programs print what they print without collecting.
    @Test(arguments: [("scalar_engine.nn", 200), ("train_xor.nn", 1)])
    func programsRunUnchangedWhenCollectingOften(_ name: String, interval: Int) throws {
        let source = try scriptSource(name)
        let normal = Interpreter().runCell(source, file: name)
        let stressed = Interpreter()
        stressed.heap.collectEvery(interval)
        let result = stressed.runCell(source, file: name)
        #expect(normal.succeeded)
        #expect(result.output == normal.output)
        #expect(stressed.heap.collections > 0)
    }

    @Test func classProgramsRunUnchangedWhenCollectingOften() {
        let program = engine + """

        losses = [step() for _ in range(20)]
        print(losses[0], losses[-1])
        class Base:
            def __init__(self, n):
                self.items = {i: [i, (self, i)] for i in range(n)}
            def total(self):
                return sum([v[0] for v in self.items.values()])
        class Child(Base):
            def __init__(self, n):
                super().__init__(n)
                self.extra = set([self])
            def total(self):
                return super().total() + len(self.extra)
        print([Child(n).total() for n in range(6)])
        print(sorted([Child(3) for _ in range(3)], key=lambda c: c.total())[0].total())
        """
        let normal = Interpreter().runCell(program, file: "classes.nn")
        #expect(normal.succeeded, "\(normal.output)")
        for interval in [1, 3, 50] {
            let stressed = Interpreter()
            stressed.heap.collectEvery(interval)
            #expect(stressed.runCell(program, file: "classes.nn").output == normal.output)
        }
    }

    @Test func objectsPastTheMemoryBudgetRaiseAMemoryError() {
        let interpreter = Interpreter(host: Host(limits: Host.Limits(memory: 16 << 20)))
        let result = interpreter.runCell("class Obj:\n    pass\nxs = []\nwhile True:\n    xs.append(Obj())", file: "grow.nn")
        #expect(result.error?.kind == .memory, "\(result.output)")
        #expect(result.error?.message.contains("memory budget of 16 MB") == true)
        // The session goes on: once the objects are let go, new ones fit again.
        let after = interpreter.runCell("print(len(xs) > 1000)\nxs = None\nys = [Obj() for _ in range(1000)]\nprint(len(ys))", file: "after.nn")
        #expect(after.output == "True\n1000\n", "\(after.output)")
    }

    @Test func aGrowingListOfNumbersRaisesAMemoryError() {
        let interpreter = Interpreter(host: Host(limits: Host.Limits(memory: 16 << 20)))
        let result = interpreter.runCell("xs = []\nwhile True:\n    xs.append(1.5)", file: "numbers.nn")
        #expect(result.error?.kind == .memory, "\(result.output)")
        #expect(interpreter.runCell("xs = []\nprint(len(xs))", file: "after.nn").output == "0\n")
    }
}
