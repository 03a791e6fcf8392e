/// One attribute of a builtin type, in the same form as a builtin: its name, its help, and either a
/// property's getter or a method's signature and body (which receives the value the method is called on).
/// A class, so that calling a method reads it from its table without copying its fields.
final class Member<Receiver>: @unchecked Sendable {  // immutable after init, like Builtin
    /// What reading the attribute gives.
    enum Kind {
        /// A value computed from the receiver, such as `x.shape`.
        case property((Receiver, Interpreter) throws -> Value)
        /// A method taking `Signature`; its body gets the receiver and the bound arguments.
        case method(Signature, (Receiver, Arguments, Interpreter) throws -> Value)
    }

    let name: String
    /// The help `help(x.name)` shows.
    let doc: String
    let kind: Kind
    /// For methods hot in learners' loops (`visited.add(v)`, `topo.append(v)`): the result from the receiver and
    /// positional arguments alone, or nil to bind them as a builtin's are (which also makes every error message).
    let positional: ((Receiver, [Value], SourceLocation, Interpreter) throws -> Value?)?

    private init(name: String, doc: String, kind: Kind,
                 positional: ((Receiver, [Value], SourceLocation, Interpreter) throws -> Value?)? = nil) {
        self.name = name
        self.doc = doc
        self.kind = kind
        self.positional = positional
    }

    /// A property computed from the receiver.
    static func property(_ name: String, doc: String, _ get: @escaping (Receiver, Interpreter) throws -> Value) -> Member {
        Member(name: name, doc: doc, kind: .property(get))
    }

    /// A method: `signature` is written as a builtin's (`"axis=, keepdims="`).
    static func method(_ name: String, _ signature: String, doc: String,
                       _ body: @escaping (Receiver, Arguments, Interpreter) throws -> Value) -> Member {
        Member(name: name, doc: doc, kind: .method(Signature(signature), body))
    }

    /// A method of one argument, `item`, with a fast path for a call that gives it by position.
    static func method(_ name: String, item doc: String, _ apply: @escaping (Receiver, Value, SourceLocation, Interpreter) throws -> Value)
        -> Member {
        Member(name: name, doc: doc, kind: .method(Signature("item")) { receiver, args, interpreter in
            try apply(receiver, args.named["item"] ?? .none, args.location, interpreter)
        }, positional: { receiver, values, location, interpreter in
            values.count == 1 ? try apply(receiver, values[0], location, interpreter) : nil
        })
    }

    /// The method's signature; nil for a property.
    var signature: Signature? {
        if case .method(let signature, _) = kind { return signature }
        return nil
    }
}

/// A builtin type's attributes by name, in the order help and completion list them: the one place
/// where each of its methods is named, documented and implemented.
struct MemberTable<Receiver>: @unchecked Sendable {  // immutable after init
    let members: [Member<Receiver>]
    /// The names, in order, for completion and suggestions.
    let names: [String]
    private let positions: NameIndex

    init(_ members: [Member<Receiver>]) {
        self.members = members
        names = members.map(\.name)
        positions = NameIndex(names)
    }

    /// The position of the member `name`, for calling it later without looking it up again.
    @inline(__always)
    func position(of name: String) -> Int? { positions.position(of: name) { names[$0] == name } }

    /// The position of the method `name`; nil for a property or an unknown name.
    @inline(__always)
    func methodPosition(of name: String) -> Int? {
        guard let position = position(of: name), case .method = members[position].kind else { return nil }
        return position
    }

    /// The attribute `name` of `receiver`: a property's value, or the method bound to the receiver
    /// (`f = x.sum`, which can be called later); nil when the type has no such attribute.
    func value(_ name: String, of receiver: Receiver, interpreter: Interpreter) throws -> Value? {
        guard let position = position(of: name) else { return nil }
        let member = members[position]
        switch member.kind {
        case .property(let get):
            return try get(receiver, interpreter)
        case .method(let signature, let body):
            return .builtin(Builtin(member.name, signature, doc: member.doc) { arguments, interpreter in
                try body(receiver, arguments, interpreter)
            })
        }
    }

    /// Calls the method at `position` on `receiver`, binding the arguments as a builtin's are.
    func call(_ position: Int, on receiver: Receiver, _ positional: [Value], _ keywords: [(String, Value)],
              interpreter: Interpreter, at location: SourceLocation) throws -> Value {
        let member = members[position]
        guard case .method(let signature, let body) = member.kind else {
            throw ScriptError(.type, "'\(member.name)' is not a method", at: location)
        }
        if keywords.isEmpty, let fast = member.positional,
           let result = try interpreter.runFast(at: location, { try fast(receiver, positional, location, interpreter) }) {
            return result
        }
        return try interpreter.runBuiltin(member.name, signature, positional, keywords, at: location) { arguments in
            try body(receiver, arguments, interpreter)
        }
    }
}
