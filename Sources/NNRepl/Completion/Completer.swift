import Foundation
import NNScript

/// Decides what Tab completes in a session: code names, attributes after a
/// dot, `:commands`, and each command's arguments.
public struct Completer {
    /// The session whose variables and commands are offered.
    public let session: ReplSession

    public init(session: ReplSession) {
        self.session = session
    }

    /// Completes the text left of the cursor.
    ///
    /// `atEntryStart` is false on continuation lines, where a `:` does not start a command.
    public func complete(_ lineToCursor: String, atEntryStart: Bool = true) -> Completion {
        let text = lineToCursor.drop { $0 == " " || $0 == "\t" }
        if atEntryStart, text.hasPrefix(":") {
            return completeCommand(text.dropFirst())
        }
        // Tab on an empty continuation line indents; an empty first line has nothing to complete.
        if atEntryStart, text.isEmpty { return .none }
        return completeCode(lineToCursor)
    }

    /// A command name, or the arguments after it.
    func completeCommand(_ text: Substring) -> Completion {
        guard let space = text.firstIndex(where: \.isWhitespace) else {
            return .of(String(text), among: commandNames)
        }
        guard let command = session.commands.command(named: String(text[..<space])) else { return .none }
        let arguments = String(text[space...].drop { $0.isWhitespace })
        let word = arguments.last?.isWhitespace == true ? "" : String(arguments.split(whereSeparator: \.isWhitespace).last ?? "")
        switch command.argumentCompletion {
        case .nothing: return .none
        case .code: return completeCode(arguments)
        case .words(let words): return .of(word, among: words)
        case .lessonIDs: return .of(word, among: session.lessonIDs.identifiers())
        case .exerciseIDs: return .of(word, among: session.exerciseIDs.identifiers())
        case .identifiers(let source): return .of(word, among: source.identifiers())
        case .files(let extensions): return FileCompletion(base: session.baseDirectory, extensions: extensions).complete(word)
        case .helpTopics:
            if word.hasPrefix(":") { return .of(String(word.dropFirst()), among: commandNames) }
            return .of(word, among: codeNames() + session.commands.commands.filter(\.isListed).map(\.name))
        }
    }

    /// A name, or an attribute after a dotted name; four spaces on an empty line (indentation).
    func completeCode(_ text: String) -> Completion {
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return Completion(insertion: AutoIndent.level) }
        // Nothing to complete inside a string or a comment.
        let scan = LineScan(text)
        guard !scan.endsInString, !scan.hasComment else { return .none }
        let word = String(text.reversed().prefix { $0.isIdentifierCharacter || $0 == "." }.reversed())
        guard let first = word.first, !first.isNumber else { return .none }
        guard let dot = word.lastIndex(of: ".") else {
            return .of(word, among: codeNames())
        }
        let parts = word[..<dot].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let value = value(ofDottedName: parts) else { return .none }
        return .of(String(word[word.index(after: dot)...]), among: Interpreter.memberNames(of: value))
    }

    /// The commands' names; aliases (`:q`, `:timeit`) work but are not offered.
    var commandNames: [String] { session.commands.commands.map(\.name) }

    /// Variables, builtins and keywords.
    func codeNames() -> [String] {
        session.interpreter.userVariables.map(\.name) + Array(Library.builtinNames) + Keyword.allCases.map(\.rawValue)
    }

    /// The value of `a` or `a.b.c`, found without running code: variables are
    /// looked up and attributes read, but nothing is ever called.
    func value(ofDottedName parts: [String]) -> Value? {
        guard let first = parts.first, parts.allSatisfy(\.isIdentifier) else { return nil }
        let variables = session.interpreter.userVariables
        guard var value = variables.first(where: { $0.name == first })?.value ?? Library.builtin(named: first).map(Value.builtin) else {
            return nil
        }
        for name in parts.dropFirst() {
            switch value {
            case .tensor(let tensor) where name == "grad":
                guard let grad = tensor.grad else { return nil }
                value = .tensor(grad)
            case .object(let object):
                guard let attribute = try? object.attribute(name, interpreter: session.interpreter) else { return nil }
                value = attribute
            default:
                return nil
            }
        }
        return value
    }
}

extension Character {
    /// A letter, digit or underscore: part of a name.
    var isIdentifierCharacter: Bool { isLetter || isNumber || self == "_" }
}

extension String {
    /// A non-empty name that does not start with a digit.
    var isIdentifier: Bool {
        guard let first else { return false }
        return !first.isNumber && allSatisfy(\.isIdentifierCharacter)
    }
}
