/// Lexing layout: indentation at the start of lines, and backslash continuations.

extension Lexer {
    /// At the start of a physical line: skips it when blank or comment-only
    /// (returning true), otherwise measures its indentation and emits INDENT/DEDENT.
    mutating func skipBlankLineOrIndent() throws(Diagnostic) -> Bool {
        var end = index
        var sawSpace = false
        var sawTab = false
        while end < bytes.count, case let value = bytes[end], value == 0x20 || value == 0x09 || value == 0x0C {
            if value == 0x20 { sawSpace = true } else if value == 0x09 { sawTab = true }
            end += 1
        }
        guard end < chars.count else {
            index = end
            return true
        }
        if chars[end].isLineBreak {
            index = end
            advanceLine()
            return true
        }
        if chars[end] == "#" {
            index = end
            skipToLineEnd()
            return true
        }
        let width = end - index
        let lineLocation = location(of: index)
        let inconsistent = "inconsistent use of tabs and spaces in indentation"
        if sawSpace && sawTab {
            throw Diagnostic(inconsistent, at: lineLocation, length: width)
        }
        if width > 0 {
            let kind: Character = sawTab ? "\t" : " "
            if let known = indentCharacter, known != kind {
                throw Diagnostic(inconsistent, at: lineLocation, length: width)
            }
            indentCharacter = kind
        }
        index = end
        let first = here
        let current = indentStack.last ?? 0
        if width > current {
            indentStack.append(width)
            if indentStack.count > Self.maxIndentLevels + 1 {
                throw Diagnostic("too many levels of indentation", at: first)
            }
            tokens.append(Token(.indent, at: first, length: 1, offset: end))
        } else if width < current {
            while let last = indentStack.last, last > width {
                indentStack.removeLast()
                tokens.append(Token(.dedent, at: first, length: 1, offset: end))
            }
            if indentStack.last != width {
                throw Diagnostic("unindent does not match any outer indentation level", at: first)
            }
        }
        return false
    }

    /// A backslash must be the last character of its line, joining it to the next.
    mutating func lineContinuation() throws(Diagnostic) {
        let next = index + 1
        guard next < chars.count else {
            throw Diagnostic(
                "unexpected end of input after line continuation '\\'", at: here, length: 1,
                suggestion: nil, needsMoreInput: true)
        }
        guard chars[next].isLineBreak else {
            throw Diagnostic(
                "unexpected character after line continuation '\\'", at: location(of: next),
                suggestion: "'\\' must be the last character on its line")
        }
        index = next
        advanceLine()
        pendingContinuation = true
    }
}
