/// One call an error passed through on its way out: where the call was written and in which function.
public struct CallSite: Sendable {
    /// Where the call is written; its text is the one its `source` names.
    public var location: SourceLocation
    /// The function the call is written in, `<module>` at top level, as Python names it.
    public var function: String

    /// A call written at `location`, inside `function`.
    public init(location: SourceLocation, function: String) {
        self.location = location
        self.function = function
    }
}

extension ScriptError {
    /// The text location `location` lies in: one the error passed through, else `fallback`.
    func text(of location: SourceLocation, fallback: SourceText) -> SourceText {
        location.source == fallback.id ? fallback : texts[location.source] ?? fallback
    }

    /// Python's `Traceback (most recent call last):` lines for the calls, outermost first; empty without calls.
    ///
    /// A run of identical frames (a recursion) shows three and a count, as Python does.
    func traceback(in fallback: SourceText) -> String {
        guard !calls.isEmpty else { return "" }
        var lines = ["Traceback (most recent call last):"]
        var previous: (file: String, line: Int, function: String)?
        var repeats = 0
        func flushRepeats() {
            if repeats > 2 { lines.append("  [Previous line repeated \(repeats - 2) more times]") }
            repeats = 0
        }
        for call in calls.reversed() {
            let text = text(of: call.location, fallback: fallback)
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

extension ScriptError {
    /// The error as it leaves a call of `function` written at `location` in the function `caller`: every location
    /// inside the body lies in the function's text; the caller's text is added when the error leaves the caller's
    /// function, or is the text it is rendered in.
    func leaving(_ function: Function, calledAt location: SourceLocation, from caller: String) -> ScriptError {
        var error = self
        if let text = function.source, error.texts[text.id] == nil { error.texts[text.id] = text }
        error.calls.append(CallSite(location: location, function: caller))
        return error
    }
}
