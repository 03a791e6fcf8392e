import NNCore

/// Builtins for classes and objects: isinstance, hasattr, getattr, setattr, super, hash, id.
enum ClassBuiltins {
    static let all: [Builtin] = [
        Builtin("isinstance", Signature("x, classes"), doc: """
            isinstance(x, classes): whether x is an instance of a class (or of a class derived from it), or of a builtin
            type such as int, float, str, list, dict, set or tensor; classes may be a tuple of them.
            """, positional: { values, location, _ in
                values.count == 2 ? .bool(try isInstance(values[0], of: values[1], at: location)) : nil
            }) { args, _ in
            .bool(try isInstance(args.named["x"] ?? .none, of: args.named["classes"] ?? .none, at: args.location))
        },
        Builtin("repr", Signature("x"), doc: "repr(x): the text a display shows: strings in quotes, an instance through __repr__.") { args, interpreter in
            .string(Display.repr(args.named["x"] ?? .none, interpreter: interpreter))
        },
        Builtin("bool", Signature("x="), doc: "bool(x): Python's truth of x (an instance asks __bool__, then __len__); bool() is False.") { args, interpreter in
            .bool(try interpreter.truth(of: args.named["x"] ?? .bool(false), at: args.location))
        },
        Builtin("hasattr", Signature("x, name"), doc: "hasattr(x, name): whether x.name exists.") { args, interpreter in
            .bool(try lookup(args, interpreter) != nil)
        },
        Builtin("getattr", Signature("x, name, default="), doc: "getattr(x, name, default): x.name, or the default when it has none.") { args, interpreter in
            if let value = try lookup(args, interpreter) { return value }
            if let fallback = args.named["default"] { return fallback }
            return try interpreter.attribute(try args.string("name"), of: args.named["x"] ?? .none, at: args.location)
        },
        Builtin("setattr", Signature("x, name, value"), doc: "setattr(x, name, value): the same as x.name = value.") { args, interpreter in
            try interpreter.setAttribute(try args.string("name"), of: args.named["x"] ?? .none, to: args.named["value"] ?? .none, at: args.location)
            return .none
        },
        Builtin("super", Signature("type=, obj="), doc: """
            super(): inside a method, the methods of the base class with the same instance: super().__init__(), super().forward(x).
            """) { args, interpreter in
            try interpreter.superProxy(args)
        },
        Builtin("hash", Signature("x"), doc: """
            hash(x): the hash a dict or set uses: Python's for numbers and tuples (hash(2.0) == hash(2)); a fixed one for strings;
            __hash__ for instances that define it.
            """) { args, interpreter in
            .integer(try Hashing.hash(args.named["x"] ?? .none, interpreter: interpreter, at: args.location))
        },
        Builtin("id", Signature("x"), doc: "id(x): a number that identifies an object (a list, a dict, a tensor, an instance…) while it exists.") { args, interpreter in
            .integer(try interpreter.identity(of: args.named["x"] ?? .none, at: args.location))
        },
    ]

    /// x.name, or nil when it has no such attribute (other errors propagate).
    static func lookup(_ args: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let name = try args.string("name")
        do {
            return try interpreter.attribute(name, of: args.named["x"] ?? .none, at: args.location)
        } catch let error as ScriptError where error.kind == .attribute {
            return nil
        }
    }

    /// The type names each builtin that doubles as a type stands for.
    static let builtinTypes: [String: Set<String>] = [
        "int": ["int", "bool"], "float": ["float"], "str": ["str"], "bool": ["bool"], "list": ["list"],
        "tuple": ["tuple"], "dict": ["dict"], "set": ["set"], "tensor": ["tensor"], "param": ["tensor"],
    ]

    static func isInstance(_ value: Value, of classes: Value, at location: SourceLocation) throws -> Bool {
        switch classes {
        case .tuple(let options):
            for option in options where try isInstance(value, of: option, at: location) { return true }
            return false
        case .object(let cls as ScriptClass):
            if case .object(let instance as Instance) = value { return instance.type.isSubclass(of: cls) }
            // The builtin layers and models are Modules too.
            if case .object(let object) = value, object is ModelObject { return cls.isModuleBase }
            return false
        case .builtin(let builtin):
            return (builtinTypes[builtin.name] ?? [builtin.name]).contains(value.typeName)
        default:
            throw ScriptError(.type, "isinstance() arg 2 must be a class, a builtin type such as int, or a tuple of them, not \(classes.typeName)",
                              at: location, hint: "isinstance(x, Value) or isinstance(x, (int, float))")
        }
    }
}

extension Interpreter {
    /// `id(x)`: numbers given in the order objects are first asked about, so outputs are the same on every run.
    func identity(of value: Value, at location: SourceLocation) throws -> Int {
        let object: AnyObject
        switch value {
        case .list(let list): object = list
        case .dict(let dict): object = dict
        case .tensor(let tensor): object = tensor
        case .function(let function): object = function
        case .builtin(let builtin): object = builtin
        case .object(let other): object = other
        default:
            throw ScriptError(.type, "id() of \(value.typeNameWithArticle): numbers, strings, tuples and None are plain values in nnlearn, without an identity",
                              at: location, hint: "compare them with ==; id() and `is` are for lists, dicts, tensors and objects")
        }
        let key = ObjectIdentifier(object)
        if let known = identities[key] { return known.id }
        let id = identities.count + 1
        identities[key] = (object, id)
        return id
    }
}

/// Python's hashes, so that `hash` agrees with CPython for numbers and tuples.
enum Hashing {
    /// CPython's modulus for numeric hashes, 2⁶¹ − 1.
    static let modulus: UInt64 = (1 << 61) - 1

    static func hash(_ value: Value, interpreter: Interpreter, at location: SourceLocation, depth: Int = 0) throws -> Int {
        switch value {
        case .none: return 0x2D4F_9F27  // any fixed number: CPython's varies between versions
        case .bool(let b): return b ? 1 : 0
        case .integer(let n): return integer(n)
        case .number(let x): return float(x)
        case .string(let text):
            // FNV-1a: fixed across runs, where CPython randomises string hashes per process.
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(bitPattern: UInt(h))
        case .tuple(let items):
            guard depth < DictKey.maximumNesting else { throw ScriptError(.limit, "hash() of tuples nested too deeply", at: location) }
            return try tuple(items.map { try hash($0, interpreter: interpreter, at: location, depth: depth + 1) })
        case .object(let instance as Instance):
            if let result = try interpreter.callSpecial("__hash__", of: instance, at: location) {
                if case .integer(let n) = result { return n }
                throw ScriptError(.type, "__hash__ should return an int, not \(result.typeName)", at: location)
            }
            if instance.type.lookup("__eq__") != nil {
                throw ScriptError(.type, "unhashable type: '\(instance.type.name)'", at: location,
                                  hint: "a class that defines __eq__ needs __hash__ too, as in Python")
            }
            return instance.serial
        case .tensor, .list, .dict:
            throw DictKey.unhashable(value, at: location)
        case .object(let set as SetObject):
            throw ScriptError(.type, "unhashable type: '\(set.typeName)'", at: location)
        case .function, .builtin, .object:
            return try interpreter.identity(of: value, at: location)
        }
    }

    /// CPython's hash of an int: its value modulo 2⁶¹ − 1, keeping the sign; −1 becomes −2.
    static func integer(_ n: Int) -> Int {
        let magnitude = Int(UInt64(n.magnitude) % modulus)
        let result = n < 0 ? -magnitude : magnitude
        return result == -1 ? -2 : result
    }

    /// CPython's `_Py_HashDouble`: equal to the int's hash for whole floats.
    static func float(_ x: Double) -> Int {
        if x.isNaN || x == 0 { return 0 }
        if x.isInfinite { return x > 0 ? 314_159 : -314_159 }
        let bits: UInt64 = 61
        var exponent = x.exponent + 1  // frexp's exponent: x = m · 2^e with 0.5 ≤ |m| < 1
        var mantissa = x == 0 ? 0 : Swift.abs(x.significand) / 2
        var h: UInt64 = 0
        while mantissa != 0 {
            h = ((h << 28) & modulus) | h >> (bits - 28)
            mantissa *= 268_435_456.0
            exponent -= 28
            let whole = UInt64(mantissa)
            mantissa -= Double(whole)
            h += whole
            if h >= modulus { h -= modulus }
        }
        let e = exponent >= 0 ? UInt64(exponent) % bits : bits - 1 - UInt64(-1 - exponent) % bits
        h = ((h << e) & modulus) | h >> (bits - e)
        let signed = x < 0 ? -Int(h) : Int(h)
        return signed == -1 ? -2 : signed
    }

    /// CPython's tuple hash (xxHash's mixing), from the items' hashes.
    static func tuple(_ hashes: [Int]) -> Int {
        let prime1: UInt64 = 11_400_714_785_074_694_791, prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var acc = prime5
        for lane in hashes {
            acc = acc &+ UInt64(bitPattern: Int64(lane)) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(hashes.count) ^ (prime5 ^ 3_527_539))
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(bitPattern: UInt(acc))
    }
}
