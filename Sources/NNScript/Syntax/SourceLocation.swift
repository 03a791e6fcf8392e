import Synchronization

/// A position in source text: which text (a file, a cell, a check block), then the
/// 1-based line and column (columns count Characters).
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters.
    public var column: Int
    /// The text the position is in, so that code defined in one text and run from another
    /// (a learner's function called by a check, a function from an earlier cell) is still
    /// told apart, and quoted, by its location.
    public var source: SourceID

    /// A location at `line`, `column` of `source`.
    public init(line: Int, column: Int, source: SourceID = .unnamed) {
        self.line = line
        self.column = column
        self.source = source
    }

    /// The same line and column in text `source`.
    public func `in`(_ source: SourceID) -> SourceLocation {
        SourceLocation(line: line, column: column, source: source)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// The identity of one source text run by an interpreter: a file, a REPL or lesson cell, a check block.
public struct SourceID: Hashable, Sendable {
    private let number: Int

    /// Text given no identity of its own (an expression typed to `eval`, a parser test).
    public static let unnamed = SourceID(number: 0)

    /// An identity no other text has.
    public static func unique() -> SourceID {
        SourceID(number: sourcesNamed.add(1, ordering: .relaxed).newValue)
    }
}

/// How many identities ``SourceID/unique()`` has handed out.
private let sourcesNamed = Atomic<Int>(0)

/// A source text with its identity and the name it is shown under (`cell 3`, `train.nn`):
/// what the locations carrying `id` point into.
public struct SourceText: Sendable, Equatable {
    /// The identity its locations carry.
    public var id: SourceID
    /// The name errors show for it.
    public var file: String
    /// The whole text.
    public var text: String

    /// The text `text` shown as `file`, its locations carrying `id`.
    public init(id: SourceID = .unnamed, file: String, text: String) {
        self.id = id
        self.file = file
        self.text = text
    }

    /// Line `number` (from 1), or nil past the end.
    func line(_ number: Int) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
