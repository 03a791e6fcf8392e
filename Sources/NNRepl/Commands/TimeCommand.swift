import Foundation
import NNScript

/// `:time CODE`: runs code repeatedly for about 0.2 s and reports the best and
/// mean time per run, as IPython's `%timeit` does.
public enum TimeCommand {
    /// How long the repeated runs should take together, in seconds.
    public static let budget = 0.2

    public static let command = ReplCommand(
        name: "time", aliases: ["timeit"], usage: ":time CODE",
        summary: "time code: repeat it for about 0.2 s, report best and mean",
        details: "The code runs many times with its output hidden; the last result `_` is left alone. Ctrl-C stops early.",
        argumentCompletion: .code
    ) { invocation, session in
        guard !invocation.arguments.isEmpty else { return session.fail("usage: :time CODE, e.g. :time matmul(A, B)") }
        return session.time(invocation.arguments, budget: budget)
    }
}
