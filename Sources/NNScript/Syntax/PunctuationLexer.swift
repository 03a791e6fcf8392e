/// Lexing operators and brackets, and keeping track of open brackets.

extension Lexer {
    /// Operators and brackets, longest match first; unknown symbols are errors.
    mutating func lexPunctuation() throws(Diagnostic) {
        let start = index
        let location = here
        guard let (punctuation, length) = matchPunctuation() else {
            for length in [2, 1] where start + length <= chars.count {
                let text = String(chars[start..<start + length])
                if let diagnostic = unsupportedOperatorDiagnostic(text, at: location) { throw diagnostic }
            }
            throw invalidCharacterDiagnostic(chars[start], at: location)
        }
        index += length
        try trackBrackets(punctuation, at: location)
        emit(.punctuation(punctuation), from: start, at: location)
    }

    /// The ASCII value of the character at `position`, or 0 past the end or for non-ASCII.
    mutating func byte(_ position: Int) -> UInt8 {
        position < bytes.count ? bytes[position] : 0
    }

    /// The punctuation at `index` and its length, longest match first, or nil.
    mutating func matchPunctuation() -> (Punctuation, Int)? {
        let first = byte(index)
        let second = byte(index + 1)
        let equals = second == UInt8(ascii: "=")
        func either(_ withEquals: Punctuation, _ alone: Punctuation) -> (Punctuation, Int) {
            equals ? (withEquals, 2) : (alone, 1)
        }
        switch first {
        case UInt8(ascii: "+"): return either(.plusAssign, .plus)
        case UInt8(ascii: "-"): return either(.minusAssign, .minus)
        case UInt8(ascii: "%"): return either(.percentAssign, .percent)
        case UInt8(ascii: "@"): return either(.atAssign, .at)
        case UInt8(ascii: "="): return either(.equal, .assign)
        case UInt8(ascii: "*"):
            guard second == UInt8(ascii: "*") else { return either(.starAssign, .star) }
            return byte(index + 2) == UInt8(ascii: "=") ? (.doubleStarAssign, 3) : (.doubleStar, 2)
        case UInt8(ascii: "/"):
            guard second == UInt8(ascii: "/") else { return either(.slashAssign, .slash) }
            return byte(index + 2) == UInt8(ascii: "=") ? (.doubleSlashAssign, 3) : (.doubleSlash, 2)
        case UInt8(ascii: "!"): return equals ? (.notEqual, 2) : nil
        case UInt8(ascii: "<"): return second == UInt8(ascii: "<") ? nil : either(.lessEqual, .less)
        case UInt8(ascii: ">"): return second == UInt8(ascii: ">") ? nil : either(.greaterEqual, .greater)
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: "["): return (.leftBracket, 1)
        case UInt8(ascii: "]"): return (.rightBracket, 1)
        case UInt8(ascii: "{"): return (.leftBrace, 1)
        case UInt8(ascii: "}"): return (.rightBrace, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: ":"): return (.colon, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        case UInt8(ascii: "."):
            let isEllipsis = second == UInt8(ascii: ".") && byte(index + 2) == UInt8(ascii: ".")
            return isEllipsis ? (.ellipsis, 3) : (.dot, 1)
        default: return nil
        }
    }

    /// Keeps the stack of open brackets, checking that each closes the right one.
    mutating func trackBrackets(_ punctuation: Punctuation, at location: SourceLocation) throws(Diagnostic) {
        switch punctuation {
        case .leftParen, .leftBracket, .leftBrace:
            brackets.append((Character(punctuation.rawValue), location))
            if brackets.count > Self.maxBracketDepth {
                throw Diagnostic("expression nested too deeply", at: location)
            }
        case .rightParen, .rightBracket, .rightBrace:
            let closing = punctuation.rawValue
            guard let open = brackets.popLast() else {
                throw Diagnostic("unmatched '\(closing)'", at: location)
            }
            let expected = open.character == "(" ? ")" : open.character == "[" ? "]" : "}"
            if closing != expected {
                throw Diagnostic(
                    "'\(closing)' does not match '\(open.character)' opened at \(open.location)", at: location)
            }
        default:
            break
        }
    }
}
