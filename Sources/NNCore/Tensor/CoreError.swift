/// An error from the core: a bad shape, axis, argument or value.
///
/// The message names the operation and the shapes involved, so a learner can
/// see what went wrong without reading NNCore's source:
/// `matmul: [4, 2] @ [3, 1]: inner dimensions 2 and 3 differ`.
public struct CoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The operation that failed, e.g. `matmul`.
    public let op: String
    /// What went wrong, without the operation's name.
    public let reason: String
    /// The family of the error: most are invalid arguments; a few say the memory budget ran out.
    public var kind = Kind.invalid

    /// The families of core errors.
    public enum Kind: Sendable, Equatable {
        /// A bad shape, axis, argument or value.
        case invalid
        /// The result would not fit the session's memory budget (``ResourceBudget``).
        case memory
    }

    /// An error of the operation `op`, saying why in `reason`.
    public init(_ op: String, _ reason: String) {
        self.op = op
        self.reason = reason
    }

    /// `op: reason`, as the error is shown.
    public var description: String { "\(op): \(reason)" }
}

/// Formats a shape the way the error messages and reports print it: `[3, 4]`.
func describe(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
