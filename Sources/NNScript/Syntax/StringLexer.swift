/// Lexing string literals: quotes, triple quotes, escapes, raw strings and f-strings.

extension Lexer {
    /// A string starting at the quote at `index`; `start` and `location` include any prefix.
    ///
    /// f-strings become `.formattedString` pieces: `{{` and `}}` are literal braces,
    /// and each `{expression:format}` keeps the expression's source for the parser.
    mutating func lexString(start: Int, location: SourceLocation, raw: Bool, formatted: Bool) throws(Diagnostic) {
        let quote = chars[index]
        let triple = index + 2 < chars.count && chars[index + 1] == quote && chars[index + 2] == quote
        index += triple ? 3 : 1
        var text = ""
        var pieces: [FormattedPiece] = []
        let quoteByte = bytes[index - (triple ? 3 : 1)]
        while true {
            let runEnd = ordinaryRunEnd(quote: quoteByte, formatted: formatted)
            if runEnd > index {
                text.append(contentsOf: chars[index..<runEnd])
                index = runEnd
            }
            guard index < chars.count else { throw unterminated(triple: triple, from: start, at: location) }
            let character = chars[index]
            if character == quote {
                if !triple {
                    index += 1
                    break
                }
                if isTripleQuote(quote, at: index) {
                    index += 3
                    break
                }
                text.append(character)
                index += 1
            } else if character.isLineBreak {
                guard triple else { throw unterminated(triple: false, from: start, at: location) }
                text.append("\n")
                advanceLine()
            } else if character == "\\" {
                try lexEscape(into: &text, raw: raw, quote: quote)
            } else if formatted && character == "{" {
                if index + 1 < chars.count && chars[index + 1] == "{" {
                    text.append("{")
                    index += 2
                    continue
                }
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(try lexReplacementField(quote: quote, triple: triple, stringStart: start, at: location))
            } else if formatted && character == "}" {
                if index + 1 < chars.count && chars[index + 1] == "}" {
                    text.append("}")
                    index += 2
                    continue
                }
                throw Diagnostic(
                    "f-string: single '}' is not allowed", at: here, suggestion: "write '}}' for a literal brace")
            } else if character.isForbiddenControl {
                throw invalidCharacterDiagnostic(character, at: here)
            } else {
                text.append(character)
                index += 1
            }
        }
        if formatted {
            if !text.isEmpty { pieces.append(.text(text)) }
            emit(.formattedString(pieces), from: start, at: location)
        } else {
            emit(.string(text), from: start, at: location)
        }
    }

    /// Where the run of characters from `index` that need no special handling ends:
    /// the next quote, backslash, line break, brace (in f-strings) or control character.
    mutating func ordinaryRunEnd(quote: UInt8, formatted: Bool) -> Int {
        let bytes = self.bytes
        var position = index
        while position < bytes.count {
            let value = bytes[position]
            if value == quote || value == UInt8(ascii: "\\") || value == 0x0A || value == 0x0D { break }
            if formatted && (value == UInt8(ascii: "{") || value == UInt8(ascii: "}")) { break }
            if value == Self.nonASCII {
                if chars[position].isForbiddenControl { break }
            } else if (value < 0x20 && value != 0x09) || value == 0x7F {
                break
            }
            position += 1
        }
        return position
    }

    mutating func isTripleQuote(_ quote: Character, at position: Int) -> Bool {
        position + 2 < chars.count && chars[position] == quote && chars[position + 1] == quote
            && chars[position + 2] == quote
    }

    /// "unterminated string", underlining the rest of the line; an unterminated
    /// triple-quoted string means the REPL should keep reading.
    mutating func unterminated(triple: Bool, from start: Int, at location: SourceLocation) -> Diagnostic {
        if triple {
            return Diagnostic(
                "unterminated triple-quoted string", at: location, length: 3, suggestion: nil, needsMoreInput: true)
        }
        var end = start
        while end < chars.count && !chars[end].isLineBreak { end += 1 }
        return Diagnostic("unterminated string", at: location, length: max(1, end - start))
    }

    /// A backslash escape: `\n \t \r \0 \\ \' \" \a \b \f \v \xhh \uhhhh \Uhhhhhhhh`, and
    /// backslash-newline to continue the string. Other escapes keep their backslash.
    mutating func lexEscape(into text: inout String, raw: Bool, quote: Character) throws(Diagnostic) {
        let escapeLocation = here
        index += 1
        guard index < chars.count else { return }
        let character = chars[index]
        if raw {
            text.append("\\")
            if character == quote || character == "\\" {
                text.append(character)
                index += 1
            }
            return
        }
        if character.isLineBreak {
            advanceLine()
            return
        }
        index += 1
        switch character {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": text.append("\r")
        case "0": text.append("\0")
        case "a": text.append("\u{07}")
        case "b": text.append("\u{08}")
        case "f": text.append("\u{0C}")
        case "v": text.append("\u{0B}")
        case "\\", "'", "\"": text.append(character)
        case "x", "u", "U":
            let digits = character == "x" ? 2 : character == "u" ? 4 : 8
            var value: UInt32 = 0
            for offset in 0..<digits {
                guard index + offset < chars.count, let digit = chars[index + offset].hexDigitValue else {
                    throw Diagnostic(
                        "invalid escape '\\\(character)': expected \(digits) hexadecimal digits",
                        at: escapeLocation, length: 2)
                }
                value = value * 16 + UInt32(digit)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw Diagnostic("invalid escape: no character has code \(value)", at: escapeLocation, length: 2 + digits)
            }
            index += digits
            text.unicodeScalars.append(scalar)
        default:
            text.append("\\")
            text.append(character)
        }
    }
}
