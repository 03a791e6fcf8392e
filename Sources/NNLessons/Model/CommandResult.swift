/// How a command of the lessons library ended (`replay`, `grade`, `start`…): the executable,
/// which alone deals in processes, turns it into an exit status.
public enum CommandResult: Sendable, Equatable {
    /// Everything asked for was done, and passed.
    case succeeded
    /// Something failed: a lesson's output differed, a check failed, a file was missing.
    case failed

    /// The process exit status for this result: 0 or 1.
    public var exitStatus: Int32 { self == .succeeded ? 0 : 1 }
}
