/// A program's text and the name it is shown under (`cell 3`, `train.nn`): what a location points into.
public struct SourceText: Sendable, Equatable {
    /// The name errors show for it.
    public var file: String
    /// The whole text.
    public var text: String

    /// The text `text` shown as `file`.
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// Line `number` (from 1), or nil past the end.
    func line(_ number: Int) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}

/// One call an error passed through on its way out: where the call was written and in which function.
public struct CallSite: Sendable {
    /// The text the call is written in; nil for the text the error is rendered against.
    public var source: SourceText?
    /// Where the call is written.
    public var location: SourceLocation
    /// The function the call is written in, `<module>` at top level, as Python names it.
    public var function: String
}

extension ScriptError {
    /// Python's `Traceback (most recent call last):` lines for the calls, outermost first; empty without calls.
    ///
    /// A run of identical frames (a recursion) shows three and a count, as Python does.
    func traceback(source: SourceText) -> String {
        guard !calls.isEmpty else { return "" }
        var lines = ["Traceback (most recent call last):"]
        var previous: (file: String, line: Int, function: String)?
        var repeats = 0
        func flushRepeats() {
            if repeats > 2 { lines.append("  [Previous line repeated \(repeats - 2) more times]") }
            repeats = 0
        }
        for call in calls.reversed() {
            let text = call.source ?? source
            let frame = (file: text.file, line: call.location.line, function: call.function)
            if let previous, previous == frame {
                repeats += 1
                if repeats > 2 { continue }
            } else {
                flushRepeats()
            }
            previous = frame
            lines.append("  File \"\(frame.file)\", line \(frame.line), in \(frame.function)")
            if let line = text.line(frame.line) {
                let code = line.drop { $0 == " " || $0 == "\t" }
                if !code.isEmpty { lines.append("    " + code) }
            }
        }
        flushRepeats()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same error without its chain of calls (for a grader that hides its own lines).
    public var withoutCalls: ScriptError {
        var copy = self
        copy.calls = []
        return copy
    }
}

extension Interpreter {
    /// Runs a user function's body with the function's own text as the current source, and adds this call
    /// to the chain of an error that leaves it, so the error can be shown as Python's traceback.
    func runBody<T>(of function: Function, calledAt location: SourceLocation, _ body: () throws -> T) throws -> T {
        let (callerSource, callerFunction) = (currentSource, currentFunction)
        currentSource = function.source ?? callerSource
        currentFunction = function.name
        defer { (currentSource, currentFunction) = (callerSource, callerFunction) }
        do {
            return try body()
        } catch var error as ScriptError where error.location != nil {
            // The innermost function's text is where the error's own location lies.
            if error.calls.isEmpty, error.source == nil { error.source = currentSource }
            error.calls.append(CallSite(source: callerSource, location: location, function: callerFunction))
            throw error
        }
    }
}
