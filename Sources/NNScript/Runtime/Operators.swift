import Foundation
import NNCore

extension Interpreter {
    func unary(_ op: UnaryOperator, _ value: Value, at location: SourceLocation) throws -> Value {
        if let result = try specialUnary(op, value, at: location) { return result }
        switch (op, value) {
        case (.plus, .number), (.plus, .tensor): return value
        case (.negate, .number(let x)): return .number(-x)
        case (.negate, .integer(let n)):
            // −Int.min does not fit an int: it becomes a float, as other int overflows do.
            return n == Int.min ? .number(-Double(n)) : .integer(-n)
        case (.plus, .integer): return value
        case (.negate, .bool(let b)): return .number(b ? -1 : 0)
        case (.negate, .tensor(let t)): return .tensor(try core(location) { try -t })
        default:
            throw ScriptError(.type, "bad operand type for unary \(op.rawValue): \(value.typeName)", at: location)
        }
    }

    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value {
        if let result = try specialBinary(op, left, right, at: location) { return result }
        // Plain numbers follow Python; any tensor operand makes it a tensor op.
        if let whole = try integerArithmetic(op, left, right, at: location) { return whole }
        if let a = Self.plainNumber(left), let b = Self.plainNumber(right) {
            return .number(try numeric(op, a, b, at: location))
        }
        // A Python list joined with a list of numbers (which is a tensor) stays a list: [32, 32] + [1].
        if op == .add, case .list(let list) = left, case .tensor(let t) = right, t.rank == 1 {
            return .list(ListStorage(list.items + t.data.map { Convert.integer($0).map(Value.integer) ?? .number($0) }))
        }
        switch (left, right) {
        case (.tensor, _), (_, .tensor):
            guard let a = try? Convert.tensor(left, context: "", at: location),
                  let b = try? Convert.tensor(right, context: "", at: location) else {
                let other = left.typeName == "tensor" ? right : left
                throw ScriptError(.type, "unsupported operand types for \(op.rawValue): \(left.typeName) and \(right.typeName)", at: location,
                                  hint: other.typeName == "str" ? "convert with str(x) + text, or use an f-string" : nil)
            }
            let result = try core(location) { try tensorOp(op, a, b, at: location) }
            // A result that took the tensors past the memory budget is reported here, naming the op.
            if budget.hasPending { try checkpoint(at: location) }
            return .tensor(result)
        case (.string(let a), .string(let b)) where op == .add:
            try reserveText(a.utf8.count, times: 1, plus: b.utf8.count, at: location)
            return .string(a + b)
        case (.string(let s), .integer(let count)) where op == .multiply, (.integer(let count), .string(let s)) where op == .multiply:
            guard count >= 0, count <= 1_000_000 else {
                throw ScriptError(.value, "a string can be repeated a whole number of times (0 to 1000000)", at: location)
            }
            try reserveText(s.utf8.count, times: count, at: location)
            return .string(String(repeating: s, count: count))
        case (.list(let a), .list(let b)) where op == .add:
            try reserveItems(a.items.count, plus: b.items.count, at: location)
            return .list(ListStorage(a.items + b.items))
        case (.tuple(let a), .tuple(let b)) where op == .add:
            try reserveItems(a.count, plus: b.count, at: location)
            return .tuple(a + b)
        case (.list(let l), .integer(let count)) where op == .multiply:
            guard count >= 0, l.items.count.multipliedReportingOverflow(by: count).partialValue <= 10_000_000 else {
                throw ScriptError(.value, "a list can be repeated a whole number of times", at: location)
            }
            try reserveItems(l.items.count, times: count, at: location)
            return .list(ListStorage(Array(repeating: l.items, count: count).flatMap { $0 }))
        default:
            var hint: String?
            if case .string = left { hint = "to join text and numbers use str(x) or an f-string: f\"loss {x}\"" }
            if case .string = right { hint = "to join text and numbers use str(x) or an f-string: f\"loss {x}\"" }
            if case .dict = left, case .dict = right, op == .add { hint = "to merge dicts write {**a, **b}, or update a copy: c = a.copy(); c.update(b)" }
            throw ScriptError(.type, "unsupported operand types for \(op.rawValue): \(left.typeName) and \(right.typeName)", at: location, hint: hint)
        }
    }

    /// A number or bool, but not a tensor.
    static func plainNumber(_ value: Value) -> Double? {
        switch value {
        case .number(let x): return x
        case .integer(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Python's int arithmetic: int ∘ int stays int for + − * // % and non-negative **.
    func integerArithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value? {
        func whole(_ v: Value) -> Int? {
            switch v {
            case .integer(let n): return n
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        guard let a = whole(left), let b = whole(right) else { return nil }
        if case .bool = left, case .bool = right, op != .add, op != .subtract, op != .multiply { return nil }
        let result: (Int, Bool)
        switch op {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .floorDivide, .remainder:
            guard b != 0 else { throw ScriptError(.zeroDivision, op == .remainder ? "modulo by zero" : "integer division by zero", at: location) }
            guard !(a == Int.min && b == -1) else { return nil }
            var q = a / b, r = a % b
            if r != 0 && (r < 0) != (b < 0) { q -= 1; r += b }  // floor, as Python
            return .integer(op == .floorDivide ? q : r)
        case .power:
            guard b >= 0, b < 64 else { return nil }
            var value = 1, overflow = false
            for _ in 0..<b {
                let (next, o) = value.multipliedReportingOverflow(by: a)
                value = next
                overflow = overflow || o
            }
            result = (value, overflow)
        default: return nil
        }
        return result.1 ? nil : .integer(result.0)
    }

    func numeric(_ op: BinaryOperator, _ a: Double, _ b: Double, at location: SourceLocation) throws -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide:
            guard b != 0 else {
                throw ScriptError(.zeroDivision, "division by zero", at: location,
                                  hint: "plain numbers cannot be divided by 0; tensors follow IEEE arithmetic and give inf or nan")
            }
            return a / b
        case .floorDivide:
            guard b != 0 else { throw ScriptError(.zeroDivision, "integer division by zero", at: location) }
            return (a / b).rounded(.down)
        case .remainder:
            guard b != 0 else { throw ScriptError(.zeroDivision, "modulo by zero", at: location) }
            let r = a.truncatingRemainder(dividingBy: b)
            return r != 0 && (r < 0) != (b < 0) ? r + b : r  // Python: the sign of the divisor
        case .power:
            if a == 0 && b < 0 { throw ScriptError(.zeroDivision, "0 cannot be raised to a negative power", at: location) }
            return Elementary.pow(a, b)
        case .matmul:
            throw ScriptError(.type, "@ multiplies matrices; for numbers use *", at: location)
        }
    }

    func tensorOp(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor, at location: SourceLocation) throws -> Tensor {
        switch op {
        case .add: return try a + b
        case .subtract: return try a - b
        case .multiply: return try a * b
        case .divide: return try a / b
        case .matmul: return try Tensor.matmul(a, b)
        case .power:
            return try Tensor.power(a, b)
        case .floorDivide:
            return try Tensor.constantMap(a, b, op: "floor_divide") { ($0 / $1).rounded(.down) }
        case .remainder:
            return try Tensor.constantMap(a, b, op: "remainder") { x, y in
                let r = x.truncatingRemainder(dividingBy: y)
                return r != 0 && (r < 0) != (y < 0) ? r + y : r
            }
        }
    }

    func augmented(_ op: BinaryOperator, _ current: Value, _ operand: Value, at location: SourceLocation) throws -> Value {
        // `p -= lr * p.grad` on a parameter updates it in place (inside no_grad), as in PyTorch.
        if case .tensor(let target) = current, target.isLeaf, target.requiresGrad, !GradMode.isRecording,
           let value = try? Convert.tensor(operand, context: "", at: location) {
            let result = try core(location) { try tensorOp(op, target, value, at: location) }
            guard result.shape == target.shape else {
                throw ScriptError(.shape, "an in-place update cannot change a parameter's shape from \(target.shape) to \(result.shape)", at: location)
            }
            try core(location) { try target.assign(result.data) }
            return current
        }
        if case .list(let list) = current, op == .add, let items = Convert.sequence(operand) {
            list.items.append(contentsOf: items)
            return current
        }
        return try binary(op, current, operand, at: location)
    }

    func compare(_ op: ComparisonOperator, _ left: Value, _ right: Value, at location: SourceLocation, depth: Int = 0) throws -> Value {
        switch op {
        case .is: return .bool(Self.identical(left, right))
        case .isNot: return .bool(!Self.identical(left, right))
        case .in, .notIn:
            let found = try contains(right, left, at: location)
            return .bool(op == .in ? found : !found)
        default: break
        }
        if let result = try specialCompare(op, left, right, at: location) { return result }
        if let a = Self.plainNumber(left), let b = Self.plainNumber(right) {
            return .bool(Self.holds(op, a, b))
        }
        if case .tensor = left, true { return try tensorCompare(op, left, right, at: location) }
        if case .tensor = right, true { return try tensorCompare(op, left, right, at: location) }
        switch (left, right) {
        case (.string(let a), .string(let b)):
            switch op {
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            default: break
            }
        case (.tuple(let a), .tuple(let b)) where op != .equal && op != .notEqual:
            return try lexicographic(op, a, b, at: location, depth: depth)
        case (.list(let a), .list(let b)) where op != .equal && op != .notEqual:
            return try lexicographic(op, a.items, b.items, at: location, depth: depth)
        default:
            if op == .equal { return .bool(Self.equal(left, right)) }
            if op == .notEqual { return .bool(!Self.equal(left, right)) }
        }
        throw ScriptError(.type, "'\(op.rawValue)' is not supported between \(left.typeName) and \(right.typeName)", at: location)
    }

    /// The deepest tuples or lists are ordered (`<`): deeper is a RecursionError, as in Python,
    /// rather than a walk whose cost grows with the square of the depth.
    static let maximumComparisonDepth = 1000

    /// Orders two tuples (or lists) as Python does: by the first items that differ,
    /// or, when one is a prefix of the other, the shorter first.
    private func lexicographic(_ op: ComparisonOperator, _ a: [Value], _ b: [Value], at location: SourceLocation, depth: Int) throws -> Value {
        guard depth < Self.maximumComparisonDepth else {
            throw ScriptError(.recursion, "maximum depth exceeded in comparison: the items are nested more than \(Self.maximumComparisonDepth) levels deep",
                              at: location, hint: "order by a key instead, such as sorted(items, key=len)")
        }
        for (x, y) in zip(a, b) where !Self.equal(x, y, depth: depth) {
            return try compare(op, x, y, at: location, depth: depth + 1)
        }
        return .bool(Self.holds(op, Double(a.count), Double(b.count)))
    }

    private func tensorCompare(_ op: ComparisonOperator, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value {
        guard let a = try? Convert.tensor(left, context: "", at: location), let b = try? Convert.tensor(right, context: "", at: location) else {
            if op == .equal { return .bool(false) }
            if op == .notEqual { return .bool(true) }
            throw ScriptError(.type, "'\(op.rawValue)' is not supported between \(left.typeName) and \(right.typeName)", at: location)
        }
        return .tensor(try core(location) { try Tensor.compare(a, b, op.rawValue) { Self.holds(op, $0, $1) } })
    }

    static func holds(_ op: ComparisonOperator, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        case .greaterEqual: return a >= b
        default: return false
        }
    }

    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.tensor(let x), .tensor(let y)): return x === y
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        default: return false
        }
    }

    /// Python's == for non-tensor values.
    /// A list or dict is equal to itself; containers nested deeper than 10,000 levels (cycles) compare as different.
    static func equal(_ a: Value, _ b: Value, depth: Int = 0) -> Bool {
        guard depth < 10_000 else { return false }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)):
            return x === y || x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { equal($0, $1, depth: depth + 1) }
        case (.tuple(let x), .tuple(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, depth: depth + 1) }
        case (.dict(let x), .dict(let y)):
            // Equal when they hold the same keys with equal values, in any order.
            return x === y || x.count == y.count && zip(x.keys, x.values).allSatisfy { key, value in
                guard let other = try? y.value(for: key, at: nil) else { return false }
                return equal(value, other, depth: depth + 1)
            }
        case (.object(let x as SetObject), .object(let y as SetObject)):
            // Equal when they hold the same items, in any order, as Python's sets.
            return x === y || x.storage.count == y.storage.count
                && x.storage.keys.allSatisfy { (try? y.storage.position(of: $0, at: nil)) != nil }
        default:
            if let x = plainNumber(a), let y = plainNumber(b) { return x == y }
            return identical(a, b)
        }
    }

    func contains(_ container: Value, _ item: Value, at location: SourceLocation) throws -> Bool {
        switch container {
        case .object(let set as SetObject): return try set.contains(item, at: location)
        case .object(let instance as Instance) where instance.type.lookup("__contains__") != nil:
            return try truth(of: try callSpecial("__contains__", of: instance, [item], at: location) ?? .none, at: location)
        case .list(let list): return list.items.contains { Self.equal($0, item) }
        case .tuple(let items): return items.contains { Self.equal($0, item) }
        case .dict(let dict): return try dict.position(of: item, at: location) != nil
        case .object(let view as DictView) where view.part == .keys: return try view.dict.position(of: item, at: location) != nil
        case .string(let text):
            guard case .string(let part) = item else {
                throw ScriptError(.type, "'in <string>' needs a string on the left, not \(item.typeName)", at: location)
            }
            return text.contains(part)
        case .tensor(let t):
            guard let x = Convert.number(item) else { return false }
            return t.data.contains(x)
        default:
            var found = false
            try iterate(container, at: location) { found = Self.equal($0, item); return !found }
            return found
        }
    }
}
