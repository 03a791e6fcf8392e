/// A class made with `class Name(Base):`, or the builtin base `Module`.
public final class ScriptClass: ScriptObject {
    /// The name it is known by.
    public let name: String
    /// The one base class (single inheritance), or nil.
    public let base: ScriptClass?
    /// The docstring, if there is one.
    public let docstring: String?
    /// Class attributes (methods, constants), in definition order for help.
    @exclusivity(unchecked) var attributes: NameTable
    /// Set on the builtin `Module`, which learners' models derive from.
    let isModuleBase: Bool
    /// The most fields an instance has had: new instances reserve that many.
    @exclusivity(unchecked) var fieldCount = 0
    /// What the methods defined in the class refer to it through (weakly, as the class holds them).
    private(set) lazy var anchor = WeakAnchor(self)
    /// Where the object stands in the running program's heap (see ``Heap``).
    @exclusivity(unchecked) var heapLink = HeapLink()

    init(name: String, base: ScriptClass?, attributes: [(String, Value)], docstring: String?, isModuleBase: Bool = false) {
        self.name = name
        self.base = base
        self.docstring = docstring
        self.attributes = NameTable(attributes)
        self.isModuleBase = isModuleBase
        track()
    }

    deinit { untrack() }

    /// The type name classes have.
    public var typeName: String { "class" }

    /// The attribute `name` of this class or the nearest base that defines it.
    @inline(__always)
    func lookup(_ name: String) -> Value? { lookup(name, hash: NameIndex.hash(name)) }

    /// The attribute `name`, whose ``NameIndex/hash(_:)`` is `hash`, of this class or the nearest base that defines it.
    @inline(__always)
    func lookup(_ name: String, hash: UInt32) -> Value? {
        var current: ScriptClass? = self
        while let cls = current {
            if let value = cls.attributes.value(name, hash: hash) { return value }
            current = cls.base
        }
        return nil
    }

    /// Whether this class is `other` or derives from it.
    func isSubclass(of other: ScriptClass) -> Bool {
        var current: ScriptClass? = self
        while let cls = current {
            if cls === other { return true }
            current = cls.base
        }
        return false
    }

    /// Whether this class derives from the builtin `Module`.
    var isModule: Bool {
        var current: ScriptClass? = self
        while let cls = current {
            if cls.isModuleBase { return true }
            current = cls.base
        }
        return false
    }

    /// The classes from this one up to the root.
    var lineage: [ScriptClass] {
        var classes: [ScriptClass] = []
        var current: ScriptClass? = self
        while let cls = current { classes.append(cls); current = cls.base }
        return classes
    }

    /// Every attribute name reachable through the class and its bases, nearest first.
    var allAttributeNames: [String] {
        var names: [String] = []
        for cls in lineage { for name in cls.attributes.names where !names.contains(name) { names.append(name) } }
        return names
    }

    /// The attribute names completion offers after a dot (no dunders).
    public var attributeNames: [String] { allAttributeNames.filter { !$0.hasPrefix("__") } }

    /// The attribute `name`, or nil when there is none.
    public func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__name__": return .string(self.name)
        case "__doc__": return docstring.map { .string($0) } ?? Value.none
        default: return lookup(name)
        }
    }

    /// Sets an attribute of the object.
    public func setAttribute(_ name: String, to value: Value) throws { attributes[name] = value }

    /// Removes a class attribute; false when this class does not define it.
    func removeAttribute(_ name: String) -> Bool { attributes.removeValue(forKey: name) != nil }

    /// What the REPL shows for it.
    public func display(interpreter: Interpreter) -> String { "<class '\(name)'>" }
}

/// An instance of a class: its attributes in the order they were first set.
public final class Instance: ScriptObject {
    /// The class the instance belongs to.
    public let type: ScriptClass
    /// The attributes set on the instance, in the order they were first set: a Module's parameters follow it.
    @exclusivity(unchecked) var fields: NameTable
    var fieldOrder: [String] { fields.names }
    /// `train()` / `eval()` mode, for Modules.
    @exclusivity(unchecked) var training = true
    /// The interpreter that made the instance, to run its special methods from places that
    /// have none at hand (truth tests, iteration); weak, since the interpreter holds the instance.
    var interpreter: Interpreter? { interpreterAnchor?.object }
    private weak var interpreterAnchor: WeakAnchor<Interpreter>?
    /// A number unique within its interpreter, in creation order: `id()` and the default hash.
    let serial: Int
    /// Where the object stands in the running program's heap (see ``Heap``).
    @exclusivity(unchecked) var heapLink = HeapLink()

    init(of type: ScriptClass, serial: Int, interpreter: Interpreter) {
        self.type = type
        self.serial = serial
        interpreterAnchor = interpreter.anchor
        fields = NameTable(capacity: type.fieldCount)
        track(in: interpreter.heap)
    }

    deinit { untrack() }

    /// An instance of no interpreter, for probing memory layout (see ``RawLayout``).
    init(of type: ScriptClass, serial: Int, probing: Void) {
        self.type = type
        self.serial = serial
        fields = NameTable()
    }

    /// The type name: the instance's class's name.
    public var typeName: String { type.name }

    /// The attribute set on the instance itself, if any.
    @inline(__always)
    func field(_ name: String) -> Value? { fields[name] }

    /// The attribute set on the instance itself whose name's ``NameIndex/hash(_:)`` is `hash`, if any.
    @inline(__always)
    func field(_ name: String, hash: UInt32) -> Value? { fields.value(name, hash: hash) }

    /// The attribute `name`, or nil when there is none.
    public func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        if let value = fields[name] { return value }
        if let value = type.lookup(name) {
            switch value {
            case .function, .builtin: return .object(BoundMethod(receiver: .object(self), function: value))
            default: return value
            }
        }
        switch name {
        case "__class__": return .object(type)
        case "__dict__": return .dict(try dictionary())
        default: break
        }
        if type.isModule { return ModuleClass.property(name, of: self) }
        return nil
    }

    /// The instance's attributes as a new dict, as `vars(obj)` and `obj.__dict__` give them.
    func dictionary() throws -> DictStorage {
        let dict = DictStorage()
        for entry in fields.entries { try dict.set(entry.value, for: .string(entry.name), at: nil) }
        return dict
    }

    /// The names completion offers after a dot: fields, then methods.
    public var attributeNames: [String] {
        var names = fieldOrder
        for name in type.allAttributeNames where !name.hasPrefix("__") && !names.contains(name) { names.append(name) }
        if type.isModule { names += ModuleClass.propertyNames.filter { !names.contains($0) } }
        return names
    }

    /// Sets a field of the instance.
    public func setAttribute(_ name: String, to value: Value) throws { setField(name, hash: NameIndex.hash(name), to: value) }

    /// Sets the field `name`, whose ``NameIndex/hash(_:)`` is `hash`.
    @inline(__always)
    func setField(_ name: String, hash: UInt32, to value: Value) {
        fields.updateValue(value, forKey: name, hash: hash)
        if fields.count > type.fieldCount { type.fieldCount = fields.count }
    }

    /// Removes an attribute set on the instance; false when it has none of that name.
    func removeAttribute(_ name: String) -> Bool { fields.removeValue(forKey: name) != nil }

    /// What the REPL shows: `__repr__`'s result when the class defines one.
    public func display(interpreter: Interpreter) -> String { text("__repr__", interpreter: interpreter) }

    /// The text `__repr__` or `__str__` gives, `<Name object>` without them, or what went wrong in them.
    func text(_ method: String, interpreter: Interpreter) -> String {
        do {
            return try interpreter.representation(of: self, method: method) ?? "<\(type.name) object>"
        } catch let error as ScriptError {
            let failed = method == "__str__" && type.lookup(method) == nil ? "__repr__" : method
            return "<\(type.name) object: \(failed) failed with \(error.kind.rawValue): \(error.message)>"
        } catch {
            return "<\(type.name) object>"
        }
    }
}

/// A function looked up through an instance: calling it passes the instance first, as `self`.
public final class BoundMethod: ScriptObject {
    let receiver: Value
    /// A `def` of the class, or a builtin method of `Module`.
    let function: Value

    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }

    /// The type name bound methods have.
    public var typeName: String { "method" }
    /// None: a bound method offers no attributes to complete.
    public var attributeNames: [String] { [] }

    var name: String {
        switch function {
        case .function(let f): return f.name
        case .builtin(let b): return b.name
        default: return "method"
        }
    }

    /// The attribute `name`, or nil when there is none.
    public func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__self__": return receiver
        case "__func__": return function
        case "__name__": return .string(self.name)
        default: return nil
        }
    }

    /// What the REPL shows for it.
    public func display(interpreter: Interpreter) -> String {
        "<bound method \(receiver.typeName).\(name)>"
    }
}

/// `super()` inside a method: the attributes of the classes after the method's own class.
final class SuperProxy: ScriptObject {
    let start: ScriptClass?
    let receiver: Value
    init(after owner: ScriptClass, receiver: Value) {
        start = owner.base
        self.receiver = receiver
    }

    var typeName: String { "super" }
    var attributeNames: [String] { start?.attributeNames ?? [] }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        guard let value = start?.lookup(name) else { return nil }
        switch value {
        case .function, .builtin: return .object(BoundMethod(receiver: receiver, function: value))
        default: return value
        }
    }
}

/// `NotImplemented`: what a special method returns to let the other operand try.
final class NotImplementedValue: ScriptObject, @unchecked Sendable {  // no state
    /// The one `NotImplemented`, compared by identity.
    static let shared = NotImplementedValue()
    var typeName: String { "NotImplementedType" }
    var attributeNames: [String] { [] }
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? { nil }
    func display(interpreter: Interpreter) -> String { "NotImplemented" }
}
