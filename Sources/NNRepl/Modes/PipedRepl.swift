import Foundation
import NNScript

/// The REPL when standard input is not a terminal: no line editing, prompts or
/// colour. The input runs as `nnlearn run -` would run it, with the same
/// output; lines starting with `:` at the left margin are meta-commands run
/// between the pieces of code around them.
public enum PipedRepl {
    /// Runs all of `input` in `session`; the exit status is 1 when anything failed.
    ///
    /// Like `nnlearn run`, the first error stops the input.
    public static func run(_ input: String, in session: ReplSession) -> Int32 {
        for piece in pieces(of: input) {
            switch piece {
            case .code(let source, let firstLine):
                // Blank lines in front keep line numbers in errors those of the whole input.
                let padded = String(repeating: "\n", count: firstLine - 1) + source
                if !session.runCell(padded, file: "<stdin>") { return 1 }
            case .command(let line):
                switch session.runCommand(line) {
                case .success: continue
                case .failure: return 1
                case .quit: return session.hadFailure ? 1 : 0
                }
            }
        }
        return session.hadFailure ? 1 : 0
    }

    /// Steps through the open lesson with `input`, one line at a time as if typed at the prompt: an empty
    /// line runs the shown cell or shows the next one, a `:` line is a command, any other line starts the
    /// learner's own code (with the lines that complete it). Errors are part of a lesson: the status is 0.
    public static func stepLesson(_ input: String, in session: ReplSession) -> Int32 {
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if input.hasSuffix("\n") { lines.removeLast() }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty {
                session.handle(.empty)
            } else if trimmed.hasPrefix(":") {
                if session.runCommand(trimmed) == .quit { break }
            } else {
                var source = line
                while Parser.status(of: source) == .incomplete, index < lines.count {
                    source += "\n" + lines[index]
                    index += 1
                }
                session.runCell(source)
            }
        }
        return 0
    }

    /// A stretch of code (with the number of its first line) or a command line.
    public enum Piece: Equatable, Sendable {
        case code(String, firstLine: Int)
        case command(String)
    }

    /// Splits the input at command lines; stretches holding only blank lines are dropped.
    public static func pieces(of input: String) -> [Piece] {
        var pieces: [Piece] = []
        var lines: [String] = []
        var firstLine = 1
        func flush() {
            if lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                pieces.append(.code(lines.joined(separator: "\n"), firstLine: firstLine))
            }
            lines = []
        }
        for (index, line) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix(":") {
                flush()
                pieces.append(.command(String(line)))
                firstLine = index + 2
            } else {
                lines.append(String(line))
            }
        }
        flush()
        return pieces
    }
}
