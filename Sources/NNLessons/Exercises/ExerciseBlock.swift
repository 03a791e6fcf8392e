/// A fenced ```` ```exercise <id> ```` or ```` ```check <id> ```` block, as the lesson parser met it.
///
/// For replay these blocks are prose; the exercise catalog assembles them
/// into ``Exercise`` values. The parser keeps what only it can see: the
/// heading before the block and the prose between that heading and the block.
public struct ExerciseBlock: Sendable, Equatable {
    /// Which of the two block kinds this is.
    public enum Kind: String, Sendable, Equatable {
        /// The scaffold the learner fills in.
        case exercise
        /// Checks run after the learner's code.
        case check
    }

    public var kind: Kind
    /// The second word of the info string ("" when the author forgot it).
    public var id: String
    /// The block's content, lines joined with "\n".
    public var source: String
    /// The 1-based line of the opening fence.
    public var line: Int
    /// The text of the nearest ATX heading above the block (any level), without its `#`s.
    public var heading: String?
    /// The prose from that heading (or the previous exercise block) to this block, blank edges trimmed.
    public var statement: String
    /// The builtins the answer may not use: `forbid=softmax,logsumexp` after the id.
    public var forbidden: [String]

    public init(kind: Kind, id: String, source: String, line: Int, heading: String? = nil, statement: String = "",
                forbidden: [String] = []) {
        self.kind = kind
        self.id = id
        self.source = source
        self.line = line
        self.heading = heading
        self.statement = statement
        self.forbidden = forbidden
    }
}
