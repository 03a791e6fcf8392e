/// A dict key reduced to what Python's hashing compares.
///
/// Equal numbers are one key (`1`, `1.0` and `True`), strings compare by their text,
/// tuples by their items, and functions and objects by identity. Tensors, lists and
/// dicts can change, so they cannot be keys: a TypeError says what to use instead.
enum DictKey: Hashable {
    case none
    case integer(Int)
    /// A float that is not a whole number in Int's range, by its bits (so a nan key finds itself).
    case float(UInt64)
    case string(String)
    case tuple([DictKey])
    case identity(ObjectIdentifier)

    /// Tuples nested deeper than this are refused as keys, which keeps hashing off the stack's edge.
    static let maximumNesting = 100

    init(_ value: Value, at location: SourceLocation?, depth: Int = 0) throws {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .integer(b ? 1 : 0)
        case .integer(let n): self = .integer(n)
        case .number(let x):
            // Python's 2 == 2.0: a whole float is the same key as the int.
            if x.isFinite, x == x.rounded(), x >= -9.2e18, x < 9.2e18 {
                self = .integer(Int(x))
            } else {
                self = .float(x.bitPattern)
            }
        case .string(let text): self = .string(text)
        case .tuple(let items):
            guard depth < Self.maximumNesting else {
                throw ScriptError(.limit, "a dict key may nest tuples at most \(Self.maximumNesting) deep", at: location)
            }
            self = .tuple(try items.map { try DictKey($0, at: location, depth: depth + 1) })
        case .function(let function): self = .identity(ObjectIdentifier(function))
        case .builtin(let builtin): self = .identity(ObjectIdentifier(builtin))
        case .object(let object): self = .identity(ObjectIdentifier(object))
        case .tensor, .list, .dict: throw Self.unhashable(value, at: location)
        }
    }

    /// "unhashable type: 'tensor'", with the key a learner can use instead.
    static func unhashable(_ value: Value, at location: SourceLocation?) -> ScriptError {
        let hint: String
        switch value {
        case .tensor(let tensor) where tensor.count == 1:
            hint = "key by its number instead: x.item()"
        case .tensor:
            hint = "a list of numbers is a tensor; key by a number (x.item()) or by a tuple, e.g. tuple(x.tolist()) for a vector"
        case .list:
            hint = "use a tuple, which cannot change: tuple(items)"
        default:
            hint = "keys are numbers, strings, None, or tuples of them"
        }
        return ScriptError(.type, "unhashable type: '\(value.typeName)'", at: location, hint: hint)
    }
}
