import NNCore
import Synchronization

/// A function provided by nnlearn: its parameters, its help text and its body.
public final class Builtin: @unchecked Sendable {  // immutable after init
    /// The name the builtin is called by.
    public let name: String
    /// The parameters it accepts.
    public let signature: Signature
    /// The help shown by `help(name)` and `:help`: a summary and the formula.
    public let doc: String
    let body: (Arguments, Interpreter) throws -> Value
    /// For builtins hot in learners' loops (isinstance, set, len): the result from positional arguments alone,
    /// without binding them by name, or nil to take `body`'s way (which also makes every error message).
    let positional: Positional?

    /// A builtin's fast path: the positional arguments, the call's location and the interpreter.
    typealias Positional = ([Value], SourceLocation, Interpreter) throws -> Value?

    /// A builtin called `name`, taking `signature`, documented by `doc`, computed by `body`.
    public convenience init(_ name: String, _ signature: Signature, doc: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.init(name, signature, doc: doc, positional: nil, body)
    }

    /// A builtin with a fast path for calls that give positional arguments only.
    init(_ name: String, _ signature: Signature, doc: String, positional: Positional?,
         _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.signature = signature
        self.doc = doc
        self.positional = positional
        self.body = body
    }
}

/// The parameters a builtin accepts: named ones, some with defaults, and optionally a variadic tail.
public struct Signature: Sendable {
    /// One named parameter of a builtin.
    public struct Parameter: Sendable {
        /// The name the builtin is called by.
        public let name: String
        /// Whether a call must give it.
        public let isRequired: Bool
        /// ``NameIndex/hash(_:)`` of the name, so that binding by position hashes nothing.
        let hash: UInt32

        init(name: String, isRequired: Bool) {
            self.name = name
            self.isRequired = isRequired
            hash = NameIndex.hash(name)
        }
    }

    /// The named parameters, in order.
    public let parameters: [Parameter]
    /// The name of `*rest`, which collects further positional arguments.
    public let variadic: String?
    /// How many parameters take positional arguments; those after `*rest` are keyword-only.
    public let positionalCount: Int
    /// The name of `**entries`, which collects further keyword arguments into a dict, in order.
    public let keywordCollector: String?
    /// How many leading positional arguments a call must give at least so that every required parameter has one.
    let requiredPositional: Int

    /// Parses a signature written as in Python: `"x, axis=, keepdims="`, `"*shape"`, `"f, *tensors"`,
    /// `"*source, **entries"`. A trailing `=` marks an optional parameter.
    public init(_ text: String) {
        var parameters: [Parameter] = []
        var variadic: String?
        var positionalCount: Int?
        var keywordCollector: String?
        // Read as UTF-8 bytes: every builtin's and method's signature is parsed when an interpreter
        // starts, and splitting and trimming Characters cost more than the rest of `nnlearn run`'s set-up.
        let bytes = Array(text.utf8)
        let comma = UInt8(ascii: ","), star = UInt8(ascii: "*"), equals = UInt8(ascii: "=")
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func name(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: comma) ?? bytes.count
            var low = start, high = end
            while low < high, isBlank(bytes[low]) { low += 1 }
            while high > low, isBlank(bytes[high - 1]) { high -= 1 }
            start = end + 1
            guard low < high else { continue }
            if bytes[low] == star, high - low >= 2, bytes[low + 1] == star {
                keywordCollector = name(low + 2..<high)
            } else if bytes[low] == star {
                variadic = name(low + 1..<high)
                positionalCount = parameters.count
            } else if bytes[high - 1] == equals {
                parameters.append(Parameter(name: name(low..<high - 1), isRequired: false))
            } else {
                parameters.append(Parameter(name: name(low..<high), isRequired: true))
            }
        }
        self.parameters = parameters
        self.variadic = variadic
        self.positionalCount = positionalCount ?? parameters.count
        self.keywordCollector = keywordCollector
        requiredPositional = (parameters.lastIndex { $0.isRequired } ?? -1) + 1
    }

    /// Parsed signatures by their text: methods are bound on every access
    /// (`loss.backward`), and parsing the text each time showed in profiles.
    private static let cache = Mutex<[String: Signature]>([:])
    private static let none = Signature("")

    /// The signature for `text`, parsed once per process.
    public static func cached(_ text: String) -> Signature {
        if text.isEmpty { return none }  // most methods take no arguments: skip the lock and the hash
        if let known = cache.withLock({ $0[text] }) { return known }
        let parsed = Signature(text)
        cache.withLock { $0[text] = parsed }
        return parsed
    }

    /// `name(x, axis=…, keepdims=…)` for help and messages.
    public func render(_ name: String) -> String {
        var parts = parameters.map { $0.isRequired ? $0.name : "\($0.name)=…" }
        if let variadic { parts.insert("*\(variadic)", at: positionalCount) }
        if let keywordCollector { parts.append("**\(keywordCollector)") }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}

import Foundation
