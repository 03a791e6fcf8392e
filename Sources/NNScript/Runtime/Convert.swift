import NNCore

/// Conversions between language values and core types.
enum Convert {
    /// A number from a number, a bool or a one-element tensor.
    static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let x): return x
        case .integer(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.count == 1: return t.data[0]
        default: return nil
        }
    }

    /// The whole number a Double holds exactly, if any.
    static func integer(_ x: Double) -> Int? {
        guard x.isFinite, x == x.rounded(), Swift.abs(x) < 9e15 else { return nil }
        return Int(x)
    }

    /// The items of a list or tuple.
    static func sequence(_ value: Value) -> [Value]? {
        switch value {
        case .list(let list): return list.items
        case .tuple(let items): return items
        default: return nil
        }
    }

    /// A tensor from a tensor, a number, or nested lists of numbers.
    /// `context` names the argument in messages; it is built only when a message needs it.
    static func tensor(_ value: Value, context: @autoclosure () -> String, at location: SourceLocation) throws -> Tensor {
        switch value {
        case .tensor(let t): return t
        case .number(let x): return Tensor(x)
        case .integer(let n): return Tensor(Double(n))
        case .bool(let b): return Tensor(b ? 1 : 0)
        case .list, .tuple:
            var data: [Double] = []
            var shape: [Int] = []
            let context = context()
            try flatten(value, depth: 0, data: &data, shape: &shape, context: context, at: location)
            do { return try Tensor(data, shape: shape) } catch let error as CoreError { throw ScriptError(error, at: location) }
        default:
            throw ScriptError(.type, "\(context()) must be a tensor, a number or a list of numbers, not \(value.typeName)", at: location)
        }
    }

    /// The most dimensions a tensor made from nested lists may have (NumPy allows 64).
    static let maximumRank = 64

    /// Walks nested lists, checking that every row at a depth has the same length.
    private static func flatten(_ value: Value, depth: Int, data: inout [Double], shape: inout [Int],
                                context: String, at location: SourceLocation) throws {
        if let items = sequence(value) {
            guard depth < maximumRank else {
                throw ScriptError(.value, "\(context): lists nested more than \(maximumRank) deep (or a list that holds itself) cannot make a tensor", at: location)
            }
            if depth == shape.count {
                shape.append(items.count)
            } else if depth > shape.count || shape[depth] != items.count {
                throw ScriptError(.value, "\(context): nested lists have uneven lengths (a row of \(items.count) where \(depth < shape.count ? shape[depth] : 0) was expected)", at: location,
                                  hint: "every row must have the same number of elements")
            }
            for item in items { try flatten(item, depth: depth + 1, data: &data, shape: &shape, context: context, at: location) }
            return
        }
        if case .tensor(let t) = value {
            // Rows given as tensors: their shape is the inner dimensions.
            if depth == shape.count {
                shape.append(contentsOf: t.shape)
            } else if Array(shape[depth...]) != t.shape {
                throw ScriptError(.value, "\(context): rows have different shapes (\(t.shape) where \(Array(shape[depth...])) was expected)", at: location)
            }
            data.append(contentsOf: t.data)
            return
        }
        guard depth == shape.count else {
            throw ScriptError(.value, "\(context): a number stands where a list was expected (uneven nesting)", at: location)
        }
        guard let number = number(value) else {
            throw ScriptError(.type, "\(context): lists for tensors may hold only numbers, found \(value.typeName)", at: location)
        }
        data.append(number)
    }

    /// Whether a list literal's items make a tensor: numbers, or rows that are themselves numeric list literals.
    static func isNumeric(_ items: [Value], _ exprs: [Expr]) -> Bool {
        guard !items.isEmpty else { return false }
        return zip(items, exprs).allSatisfy { item, expr in
            switch item {
            case .number, .integer: return true
            case .tensor: if case .list = expr.kind { return true } else { return false }
            default: return false
            }
        }
    }

    /// Positions for indexing from a list of whole numbers or an integer tensor.
    static func positions(_ value: Value) -> [Int]? {
        let numbers: [Double]
        switch value {
        case .list(let l): numbers = l.items.compactMap { number($0) }; guard numbers.count == l.items.count else { return nil }
        case .tuple: return nil
        case .tensor(let t) where t.rank == 1 && t.isMask:
            return t.data.indices.filter { t.data[$0] != 0 }
        case .tensor(let t) where t.rank == 1: numbers = t.data
        default: return nil
        }
        let whole = numbers.compactMap(integer)
        return whole.count == numbers.count ? whole : nil
    }
}
