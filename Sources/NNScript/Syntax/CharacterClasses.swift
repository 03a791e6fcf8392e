/// Character classes for the lexer: identifiers, digits, line breaks and bad characters.

extension Character {
    /// A line break: `\n`, `\r` or `\r\n` (which Swift keeps as one Character).
    var isLineBreak: Bool {
        asciiValue == 0x0A || asciiValue == 0x0D
    }

    /// An ASCII decimal digit.
    var isDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= 0x30 && value <= 0x39
    }

    /// A character that may start a name: a letter (any script) or `_`, as in Python.
    var isIdentifierStart: Bool {
        if let value = asciiValue {
            return value == 0x5F || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        var isFirst = true
        for scalar in unicodeScalars {
            let allowed = isFirst ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
            if !allowed { return false }
            isFirst = false
        }
        return !isFirst
    }

    /// A character that may continue a name: a start character, a digit or a combining mark.
    var isIdentifierContinue: Bool {
        if let value = asciiValue {
            return value == 0x5F || (value >= 0x30 && value <= 0x39)
                || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return !unicodeScalars.isEmpty && unicodeScalars.allSatisfy { $0.properties.isXIDContinue }
    }

    /// A control character that may not appear in source: anything but tab and line breaks.
    var isForbiddenControl: Bool {
        if let value = asciiValue {
            return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F
        }
        return unicodeScalars.first?.properties.generalCategory == .control
    }

    /// `U+00A0`: the code point of the character's first scalar, as error messages show it.
    var codePoint: String {
        let value = unicodeScalars.first?.value ?? 0
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Why a character outside names, literals and operators is rejected, with a hint.
func invalidCharacterDiagnostic(_ character: Character, at location: SourceLocation) -> Diagnostic {
    if character.isForbiddenControl {
        return Diagnostic("invalid control character \(character.codePoint)", at: location)
    }
    let lookalikes: [Character: String] = [
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{2018}": "'", "\u{2019}": "'",
        "\u{2212}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{00D7}": "*", "\u{00F7}": "/",
        "\u{2264}": "<=", "\u{2265}": ">=", "\u{2260}": "!=",
    ]
    if let plain = lookalikes[character] {
        return Diagnostic("invalid character '\(character)'", at: location, suggestion: "use '\(plain)' instead")
    }
    if character.isWhitespace {
        return Diagnostic(
            "invalid whitespace character \(character.codePoint)", at: location,
            suggestion: "replace it with a plain space")
    }
    if character.isASCII {
        return Diagnostic("invalid character '\(character)'", at: location)
    }
    return Diagnostic("invalid character '\(character)' in identifier", at: location)
}

/// The error for an ASCII operator that Python has but nnlearn does not, or nil.
func unsupportedOperatorDiagnostic(_ text: String, at location: SourceLocation) -> Diagnostic? {
    switch text {
    case "&&", "&":
        return Diagnostic("'\(text)' is not supported", at: location, length: text.count, suggestion: "use 'and'")
    case "||", "|":
        return Diagnostic("'\(text)' is not supported", at: location, length: text.count, suggestion: "use 'or'")
    case "!":
        return Diagnostic("'!' is not an operator", at: location, suggestion: "use 'not' to negate")
    case "^":
        return Diagnostic("'^' is not supported", at: location, suggestion: "use '**' for powers")
    case "~", "<<", ">>":
        return Diagnostic("'\(text)' is not supported", at: location, length: text.count)
    default:
        return nil
    }
}
