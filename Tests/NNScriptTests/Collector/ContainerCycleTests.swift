import Foundation
import Testing
@testable import NNScript

/// Cycles that pass through something the heap does not track itself: a bound method, `super()`, a dict
/// view, a set's table, a tuple or a bound method held in several places.
@Suite struct ContainerCycleTests {
    /// Runs `setup`, checks that `name` survives a collection while the program holds it, then drops
    /// it with `drop` and checks that a collection frees it.
    private func expectFreed(_ setup: String, watching name: String, drop: String = "",
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let interpreter = Interpreter()
        let defined = interpreter.runCell(setup, file: "setup.nn")
        #expect(defined.succeeded, "\(defined.output)", sourceLocation: sourceLocation)
        weak var object: AnyObject?
        switch interpreter.globals.lookup(name) {
        case .object(let value): object = value
        case .list(let list): object = list
        default: break
        }
        #expect(object != nil, sourceLocation: sourceLocation)
        interpreter.heap.collect()
        #expect(object != nil, "a reachable object was freed", sourceLocation: sourceLocation)
        _ = interpreter.runCell("\(drop)\n\(name) = None", file: "drop.nn")
        #expect(object != nil, "reference counting alone frees the cycle", sourceLocation: sourceLocation)
        #expect(interpreter.heap.collect() > 0, sourceLocation: sourceLocation)
        #expect(object == nil, "the cycle was not freed", sourceLocation: sourceLocation)
    }

    @Test func aBoundMethodKeptOnItsInstanceIsFreed() {
        expectFreed("""
        class Counter:
            def __init__(self):
                self.count = 0
                self.step = self.bump
            def bump(self):
                self.count += 1
        c = Counter()
        c.step()
        """, watching: "c")
    }

    @Test func aBoundMethodKeptTwiceIsFreed() {
        expectFreed("""
        class Counter:
            def __init__(self):
                self.count = 0
                self.step = self.bump
                self.handlers = [self.step, self.step]
            def bump(self):
                self.count += 1
        c = Counter()
        """, watching: "c")
    }

    @Test func aTupleHeldInTwoPlacesIsFreed() {
        expectFreed("""
        class Node:
            pass
        n = Node()
        pair = (n, 1)
        n.first = pair
        n.second = [pair]
        """, watching: "n", drop: "pair = None")
    }

    @Test func aSetHoldingItsOwnerIsFreed() {
        expectFreed("""
        class Node:
            pass
        n = Node()
        n.seen = set()
        n.seen.add(n)
        """, watching: "n")
    }

    @Test func aDictViewAndASuperProxyKeptOnTheInstanceAreFreed() {
        expectFreed("""
        class Base:
            def __init__(self):
                self.table = {"me": self}
        class Child(Base):
            def __init__(self):
                super().__init__()
                self.parent = super()
                self.names = self.table.keys()
        c = Child()
        """, watching: "c")
    }

    @Test func aTupleHeldFromOutsideKeepsWhatItHolds() {
        // The tuple is also held by the Swift test below, so its items stay alive.
        let interpreter = Interpreter()
        #expect(interpreter.runCell("""
        class Node:
            pass
        n = Node()
        pair = (n, n)
        n.pair = pair
        """, file: "setup.nn").succeeded)
        let held = interpreter.globals.lookup("pair")
        weak var node: AnyObject?
        if case .object(let value) = interpreter.globals.lookup("n") { node = value }
        _ = interpreter.runCell("n = None\npair = None", file: "drop.nn")
        interpreter.heap.collect()
        #expect(node != nil, "an item of a tuple held from outside was freed")
        #expect(interpreter.runCell("print(1)", file: "after.nn").output == "1\n")
        if case .tuple(let items)? = held { #expect(items.count == 2) } else { Issue.record("no tuple") }
    }

    @Test func boundMethodCyclesAreFreedUnderStress() {
        let interpreter = Interpreter()
        interpreter.heap.collectEvery(3)
        let result = interpreter.runCell("""
        class Counter:
            def __init__(self, n):
                self.count = n
                self.step = self.bump
                self.pair = (self, self.step)
            def bump(self):
                self.count += 1
                return self.count
        total = 0
        for i in range(300):
            c = Counter(i)
            total += c.step() + c.pair[1]()
        print(total)
        """, file: "stress.nn")
        #expect(result.output == "\(Array(0..<300).map { 2 * $0 + 3 }.reduce(0, +))\n")
        interpreter.heap.collect()
        #expect(interpreter.heap.trackedCount < 50, "the counters' cycles were freed")
    }
}
