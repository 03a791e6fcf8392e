/// What Tab does: text to insert at the cursor and candidates to list.
public struct Completion: Equatable, Sendable {
    /// Text inserted at the cursor: the rest of the only match, or the
    /// prefix all matches share beyond what was typed.
    public var insertion: String
    /// The matches to show when there are several; empty otherwise.
    public var candidates: [String]

    public init(insertion: String = "", candidates: [String] = []) {
        self.insertion = insertion
        self.candidates = candidates
    }

    /// Nothing to insert and nothing to list.
    public static let none = Completion()

    /// The completion of `word` among `names`: the only match's rest, or the
    /// common prefix of several matches and the list of them.
    ///
    /// Names starting with `_` are offered only when the word does too.
    public static func of(_ word: String, among names: [String]) -> Completion {
        var seen = Set<String>()
        let matches = names
            .filter { $0.hasPrefix(word) && (word.hasPrefix("_") || !$0.hasPrefix("_")) }
            .filter { seen.insert($0).inserted }
            .sorted()
        guard let first = matches.first else { return .none }
        if matches.count == 1 { return Completion(insertion: String(first.dropFirst(word.count))) }
        let shared = matches.dropFirst().reduce(first) { commonPrefix($0, $1) }
        return Completion(insertion: String(shared.dropFirst(word.count)), candidates: matches)
    }

    static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}
