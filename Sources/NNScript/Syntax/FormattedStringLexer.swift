/// Lexing the `{expression:format}` fields of f-strings.

extension Lexer {
    /// The field starting at the `{` at `index`: its expression's source and location,
    /// and the format spec after a top-level `:`. Brackets and nested strings inside the
    /// expression are skipped whole, so `f"{d['k']}"` and `f"{x[1:2]:.3f}"` both work.
    mutating func lexReplacementField(
        quote: Character, triple: Bool, stringStart: Int, at stringLocation: SourceLocation
    ) throws(Diagnostic) -> FormattedPiece {
        let braceLocation = here
        let expectedBrace = Diagnostic(
            "f-string: expected '}'", at: braceLocation, length: 1, suggestion: nil, needsMoreInput: triple)
        index += 1
        let expressionStart = index
        let expressionLocation = here
        var depth = 0
        var expressionEnd = index
        var format: String?
        scanning: while true {
            guard index < chars.count else { throw expectedBrace }
            let character = chars[index]
            switch character {
            case _ where character.isLineBreak:
                guard triple else { throw unterminated(triple: false, from: stringStart, at: stringLocation) }
                advanceLine()
            case "(", "[", "{":
                depth += 1
                index += 1
            case ")", "]":
                depth = max(0, depth - 1)
                index += 1
            case "}":
                if depth == 0 {
                    expressionEnd = index
                    break scanning
                }
                depth -= 1
                index += 1
            case "'", "\"":
                try skipNestedString(outerQuote: quote, orThrow: expectedBrace)
            case ":" where depth == 0:
                expressionEnd = index
                index += 1
                format = try lexFormatSpec(quote: quote, triple: triple, orThrow: expectedBrace)
                break scanning
            case "!" where depth == 0 && !(index + 1 < chars.count && chars[index + 1] == "="):
                throw Diagnostic("f-string: conversions such as '!r' are not supported", at: here)
            case "#":
                throw Diagnostic("f-string: an expression cannot contain '#'", at: here)
            case "\\":
                throw Diagnostic("f-string: an expression cannot contain '\\'", at: here)
            default:
                if character.isForbiddenControl { throw invalidCharacterDiagnostic(character, at: here) }
                index += 1
            }
        }
        let source = String(chars[expressionStart..<expressionEnd])
        if source.allSatisfy(\.isWhitespace) {
            throw Diagnostic("f-string: empty expression", at: braceLocation, length: 2)
        }
        index += 1  // the closing brace
        return .expression(source: source, location: expressionLocation, format: format)
    }

    /// The format spec after `:`, up to (not including) the closing `}`.
    mutating func lexFormatSpec(quote: Character, triple: Bool, orThrow expectedBrace: Diagnostic) throws(Diagnostic)
        -> String
    {
        var spec = ""
        while index < chars.count {
            let character = chars[index]
            if character == "}" { return spec }
            if character == "{" {
                throw Diagnostic("f-string: nested fields in a format spec are not supported", at: here)
            }
            if character.isLineBreak || (character == quote && (!triple || isTripleQuote(quote, at: index))) {
                throw expectedBrace
            }
            if character.isForbiddenControl { throw invalidCharacterDiagnostic(character, at: here) }
            spec.append(character)
            index += 1
        }
        throw expectedBrace
    }

    /// Steps over a string literal inside a field's expression, escapes included.
    mutating func skipNestedString(outerQuote: Character, orThrow expectedBrace: Diagnostic)
        throws(Diagnostic)
    {
        let quote = chars[index]
        let start = index
        let location = here
        let triple = isTripleQuote(quote, at: index)
        index += triple ? 3 : 1
        let failure = quote == outerQuote ? expectedBrace : unterminated(triple: triple, from: start, at: location)
        while index < chars.count {
            let character = chars[index]
            if character == "\\" {
                index += 1
                if index < chars.count && chars[index].isLineBreak {
                    advanceLine()
                } else {
                    index += 1
                }
            } else if character == quote && (!triple || isTripleQuote(quote, at: index)) {
                index += triple ? 3 : 1
                return
            } else if character.isLineBreak {
                guard triple else { throw failure }
                advanceLine()
            } else {
                index += 1
            }
        }
        throw failure
    }
}
