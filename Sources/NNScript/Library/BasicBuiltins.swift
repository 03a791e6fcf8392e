import Foundation
import NNCore

/// Python's everyday builtins: print, len, range, min, max, round, str, sorted, zip, help…
enum BasicBuiltins {
    static let all: [Builtin] = [
        Builtin("print", Signature("*values, sep=, end="), doc: "print(*values, sep=\" \", end=\"\\n\"): writes values as text.") { args, interpreter in
            let sep = try args.string("sep", default: " "), end = try args.string("end", default: "\n")
            let text = args.rest.map { Display.str($0, interpreter: interpreter) }.joined(separator: sep) + end
            // A text cut short (Ctrl-C, the time limit, the memory budget) is not printed.
            if interpreter.budget.hasPending { try interpreter.checkpoint(at: args.location) }
            interpreter.write(text)
            return .none
        },
        Builtin("input", Signature("prompt="), doc: "input(prompt=\"\"): shows the prompt and returns the line the learner types, without its line break.") { args, interpreter in
            let prompt = args.has("prompt") ? Display.str(args.named["prompt"] ?? .none, interpreter: interpreter) : ""
            guard let read = interpreter.host.input else {
                throw ScriptError(.stdinNotImplemented, "input() has no keyboard to read from here", at: args.location,
                                  hint: "lessons and exercises are replayed without a learner typing; give the value in the code instead")
            }
            let typed = read(prompt)
            // Ctrl-C (or a notebook's interrupt) while waiting for the line stops the program.
            if let stop = interpreter.stopError() { throw stop.located(args.location) }
            switch typed {
            case .line(let line): return .string(line)
            case .end: throw ScriptError(.endOfInput, "input() reached the end of the input", at: args.location,
                                         hint: "nothing more was typed (Ctrl-D or the end of a piped file)")
            case .unavailable(let reason):
                throw ScriptError(.stdinNotImplemented, "input() cannot ask here: \(reason)", at: args.location,
                                  hint: "give the value in the code instead")
            }
        },
        Builtin("len", Signature("x"), doc: "len(x): the number of items (rows of a tensor).",
                positional: { values, location, interpreter in values.count == 1 ? try length(of: values[0], interpreter, at: location) : nil }) { args, interpreter in
            try length(of: args.named["x"] ?? .none, interpreter, at: args.location)
        },
        Builtin("range", Signature("start, stop=, step="), doc: "range(stop) or range(start, stop, step=1): whole numbers from start up to (not including) stop.") { args, _ in
            let first = try args.integer("start")
            let (start, stop) = args.has("stop") ? (first, try args.integer("stop")) : (0, first)
            let step = try args.integer("step", default: 1)
            guard step != 0 else { throw ScriptError(.value, "range() step must not be zero", at: args.location) }
            return .object(RangeValue(start: start, stop: stop, step: step))
        },
        Builtin("min", Signature("*values, key="), doc: "min(a, b, …) or min(items, key=None): the smallest (the first, if several); key=f compares f(item); a tensor gives its smallest element.") { args, interpreter in
            try extreme(args, interpreter, smallest: true)
        },
        Builtin("max", Signature("*values, key="), doc: "max(a, b, …) or max(items, key=None): the largest (the first, if several); key=f compares f(item); a tensor gives its largest element.") { args, interpreter in
            try extreme(args, interpreter, smallest: false)
        },
        Builtin("sum", Signature("items, start="), doc: "sum(items, start=0): start plus every item, in order (numbers, tensors, or objects with __add__); of a tensor, the sum of its elements.") { args, interpreter in
            let items = args.named["items"] ?? .none
            if case .tensor(let t) = items, args.value("start") == nil { return .tensor(try t.sum()) }
            var total = args.value("start") ?? Value.integer(0)
            let location = args.location
            try interpreter.iterate(items, at: location) { total = try interpreter.binary(.add, total, $0, at: location); return true }
            return total
        },
        Builtin("round", Signature("x, digits="), doc: "round(x, digits=0): rounded to a number of decimals (halves to even, as Python).") { args, _ in
            let x = try args.number("x")
            guard args.has("digits") else {
                let rounded = x.rounded(.toNearestOrEven)
                return Convert.integer(rounded).map { .integer($0) } ?? .number(rounded)
            }
            return try roundedValue(args.named["x"] ?? .none, x, digits: try args.integer("digits"))
        },
        Builtin("str", Signature("x"), doc: "str(x): the text print would show.") { args, interpreter in
            .string(Display.str(args.named["x"] ?? .none, interpreter: interpreter))
        },
        Builtin("int", Signature("x"), doc: "int(x): a whole number, truncating towards zero.") { args, _ in
            if case .string(let s) = args.named["x"] ?? .none {
                guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else { throw ScriptError(.value, "invalid literal for int(): '\(s)'", at: args.location) }
                return .integer(n)
            }
            let x = try args.number("x")
            guard x.isFinite, Swift.abs(x) < 9e18 else { throw ScriptError(.value, "cannot convert \(Display.number(x)) to an int", at: args.location) }
            return .integer(Int(x))
        },
        Builtin("float", Signature("x"), doc: "float(x): a floating-point number.") { args, _ in
            if case .string(let s) = args.named["x"] ?? .none {
                let text = s.trimmingCharacters(in: .whitespaces).lowercased()
                guard let x = Double(text == "inf" ? "infinity" : text == "-inf" ? "-infinity" : text) else {
                    throw ScriptError(.value, "could not convert '\(s)' to a float", at: args.location)
                }
                return .number(x)
            }
            return .number(try args.number("x"))
        },
        Builtin("list", Signature("items="), doc: "list(items): a new list of the items (a tensor gives its rows, or numbers for a vector).") { args, interpreter in
            var items: [Value] = []
            if let source = args.value("items") {
                try interpreter.iterate(source, at: args.location) { items.append($0); try interpreter.checkGrowth(items.count, at: args.location); return true }
            }
            return .list(ListStorage(items))
        },
        Builtin("tuple", Signature("items="), doc: "tuple(items): a tuple of the items.") { args, interpreter in
            var items: [Value] = []
            if let source = args.value("items") {
                try interpreter.iterate(source, at: args.location) { items.append($0); try interpreter.checkGrowth(items.count, at: args.location); return true }
            }
            return .tuple(items)
        },
        Builtin("dict", Signature("*source, **entries"), doc: "dict(source=None, **entries): a new dict from another dict, from (key, value) pairs, or from keywords: dict(lr=0.1, epochs=10).") { args, interpreter in
            let dict = DictStorage()
            try DictMembers.fill(dict, from: args, interpreter: interpreter)
            return .dict(dict)
        },
        Builtin("enumerate", Signature("items, start="), doc: "enumerate(items, start=0): pairs (index, item).") { args, interpreter in
            var pairs: [Value] = []
            var index = try args.integer("start", default: 0)
            try interpreter.iterate(args.named["items"] ?? .none, at: args.location) { item in
                pairs.append(.tuple([.integer(index), item])); index += 1; return true
            }
            return .list(ListStorage(pairs))
        },
        Builtin("zip", Signature("*sequences"), doc: "zip(a, b, …): tuples of items at the same position, as long as the shortest.") { args, interpreter in
            let location = args.location
            let columns: [[Value]] = try args.rest.map { sequence in
                var items: [Value] = []
                try interpreter.iterate(sequence, at: location) { items.append($0); return true }
                return items
            }
            let count = columns.map(\.count).min() ?? 0
            return .list(ListStorage((0..<count).map { row in .tuple(columns.map { $0[row] }) }))
        },
        Builtin("sorted", Signature("items, key=, reverse="), doc: """
            sorted(items, key=None, reverse=False): a new list in ascending order (numbers, strings, or tuples of them,             compared item by item); key=f sorts by f(item). Equal items keep their order.
            """) { args, interpreter in
            var items: [Value] = []
            try interpreter.iterate(args.named["items"] ?? .none, at: args.location) { items.append($0); return true }
            let sorted = try Sorting.sorted(items, key: args.value("key"), reverse: try args.bool("reverse", default: false),
                                            interpreter: interpreter, at: args.location)
            return .list(ListStorage(sorted))
        },
        Builtin("clock", Signature(""), doc: "clock(): seconds from a fixed point, for timing: t = clock(); …; print(clock() - t).") { _, _ in
            .number(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        },
        Builtin("format", Signature("value, spec="), doc: "format(value, spec): the value formatted as in an f-string, e.g. format(x, \".4f\").") { args, interpreter in
            .string(try Format.apply(try args.string("spec", default: ""), to: args.named["value"] ?? .none, interpreter: interpreter, at: args.location))
        },
        Builtin("type", Signature("x"), doc: "type(x): the class of an instance; for other values the name of their type, such as 'tensor'.") { args, _ in
            let value = args.named["x"] ?? .none
            if case .object(let instance as Instance) = value { return .object(instance.type) }
            return .string(value.typeName)
        },
        Builtin("precision", Signature("n"), doc: "precision(n): tensors print with n decimals from now on (4 by default).") { args, interpreter in
            let n = try args.integer("n")
            guard (0...16).contains(n) else { throw ScriptError(.value, "precision(n) takes n from 0 to 16", at: args.location) }
            interpreter.precision = n
            return .none
        },
        Builtin("help", Signature("name="), doc: "help(name): what a builtin does and its formula; help() lists every builtin.") { args, interpreter in
            interpreter.printLine(try Help.text(for: args.value("name"), interpreter: interpreter, at: args.location))
            return .none
        },
    ]

    static func extreme(_ args: Arguments, _ interpreter: Interpreter, smallest: Bool) throws -> Value {
        var items = args.rest
        let key = args.value("key")
        if items.count == 1 {
            if key == nil, case .tensor(let t) = items[0] { return .tensor(smallest ? try t.min() : try t.max()) }
            var expanded: [Value] = []
            try interpreter.iterate(items[0], at: args.location) { expanded.append($0); return true }
            items = expanded
        }
        guard var best = items.first else {
            throw ScriptError(.value, "\(args.function)() of an empty sequence", at: args.location)
        }
        let measure = { (item: Value) throws -> Value in try key.map { try interpreter.invoke($0, [item], at: args.location) } ?? item }
        var bestKey = try measure(best)
        for item in items.dropFirst() {
            let itemKey = try measure(item)
            let better = try interpreter.compare(smallest ? .less : .greater, itemKey, bestKey, at: args.location)
            if try better.truth(at: args.location) { (best, bestKey) = (item, itemKey) }
        }
        return best
    }

    /// len(x): the number of items (rows of a tensor, __len__ of an instance).
    static func length(of value: Value, _ interpreter: Interpreter, at location: SourceLocation) throws -> Value {
        switch value {
        case .list(let l): return .integer(l.items.count)
        case .tuple(let t): return .integer(t.count)
        case .dict(let d): return .integer(d.count)
        case .object(let view as DictView): return .integer(view.dict.count)
        case .string(let s): return .integer(s.count)
        case .tensor(let t):
            guard let rows = t.shape.first else { throw ScriptError(.type, "len() of a scalar tensor", at: location, hint: "a scalar has no length; use .item()") }
            return .integer(rows)
        case .object(let range as RangeValue): return .integer(range.count)
        case .object(let instance as Instance): return try interpreter.length(of: instance, at: location)
        case .object(let set as SetObject): return .integer(set.storage.count)
        case let other:
            var count = 0
            try interpreter.iterate(other, at: location) { _ in count += 1; return true }
            return .integer(count)
        }
    }
}

/// `range(...)`, iterated without building a list.
final class RangeValue: ScriptObject, ScriptSequence {
    let start: Int, stop: Int, step: Int
    init(start: Int, stop: Int, step: Int) { (self.start, self.stop, self.step) = (start, stop, step) }
    var typeName: String { "range" }
    var attributeNames: [String] { [] }
    var count: Int { step > 0 ? Swift.max(0, (stop - start + step - 1) / step) : Swift.max(0, (start - stop - step - 1) / -step) }
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? { nil }
    func visit(_ body: (Value) throws -> Bool) throws {
        var i = start
        while step > 0 ? i < stop : i > stop {
            guard try body(.integer(i)) else { return }
            i += step
        }
    }
    func display(interpreter: Interpreter) -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }
}

/// Sorting numbers or strings, refusing mixed lists.
enum Sorting {
    /// Python's `sorted`: stable, by `key(item)` when a key is given; with `reverse`,
    /// descending while equal items still keep their order.
    static func sorted(_ items: [Value], key: Value?, reverse: Bool, interpreter: Interpreter,
                       at location: SourceLocation) throws -> [Value] {
        let keys = try key.map { key in try items.map { try interpreter.invoke(key, [$0], at: location) } } ?? items
        if keys.allSatisfy({ Interpreter.plainNumber($0) != nil }) {
            let numbers = keys.map { Interpreter.plainNumber($0) ?? 0 }
            let order = items.indices.sorted { i, j in
                numbers[i] != numbers[j] ? (reverse ? numbers[i] > numbers[j] : numbers[i] < numbers[j]) : i < j
            }
            return order.map { items[$0] }
        }
        func less(_ a: Value, _ b: Value) throws -> Bool {
            do {
                return try interpreter.compare(.less, a, b, at: location).truth(at: location)
            } catch let error as ScriptError where error.kind == .type {
                // Tuples report the items that could not be ordered, as Python does.
                let what = if case .tuple = a { "these items: \(error.message)" } else { "\(a.typeName) and \(b.typeName)" }
                throw ScriptError(.type, "sorted() cannot order \(what)", at: location,
                                  hint: "sort numbers, strings, or tuples of them; key= can pick what to compare, e.g. key=lambda pair: pair[1]")
            }
        }
        // Ties fall back to the original position, so the sort is stable whatever the algorithm.
        let order = try items.indices.sorted { i, j in
            let (a, b) = reverse ? (keys[j], keys[i]) : (keys[i], keys[j])
            if try less(a, b) { return true }
            if try less(b, a) { return false }
            return i < j
        }
        return order.map { items[$0] }
    }
}

/// `round(x, digits)` as Python: correctly rounded from x's exact binary value (half to even on exact
/// ties); more digits than a double holds (over 323) give x back, fewer than −308 give zero; an int stays an int.
func roundedValue(_ value: Value, _ x: Double, digits: Int) throws -> Value {
    if case .integer(let n) = value {
        guard digits < 0 else { return value }
        guard digits > -19 else { return .integer(0) }
        let scale = Elementary.pow(10, Double(-digits))
        return Convert.integer((Double(n) / scale).rounded(.toNearestOrEven) * scale).map(Value.integer) ?? .number(Double(n))
    }
    guard x.isFinite, digits <= 323 else { return .number(x) }
    guard digits >= -308 else { return .number(0 * x) }
    if digits >= 0 {
        // printf rounds the exact binary value, as CPython's dtoa does: round(2.675, 2) is 2.67.
        return .number(Double(String(format: "%.\(digits)f", x)) ?? x)
    }
    let scale = Elementary.pow(10, Double(-digits))
    let rounded = (x / scale).rounded(.toNearestOrEven) * scale
    return .number(rounded.isFinite ? rounded : x)
}
