/// Lexing names, keywords and numbers.

extension Lexer {
    /// Keywords by spelling (a dictionary: faster than `Keyword(rawValue:)` per name).
    static let keywords: [String: Keyword] = Dictionary(uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// A name or keyword, or the prefix of a string such as `f"..."` or `r'...'`.
    mutating func lexWord() throws(Diagnostic) {
        let start = index
        let location = here
        let bytes = self.bytes
        var end = index + 1
        while end < bytes.count {
            let value = bytes[end]
            if value == Self.nonASCII ? !chars[end].isIdentifierContinue : !Self.isIdentifierByte(value) { break }
            end += 1
        }
        index = end
        let word = String(chars[start..<index])
        if index < chars.count, chars[index] == "'" || chars[index] == "\"" {
            switch word.lowercased() {
            case "f":
                return try lexString(start: start, location: location, raw: false, formatted: true)
            case "r":
                return try lexString(start: start, location: location, raw: true, formatted: false)
            case "rf", "fr":
                return try lexString(start: start, location: location, raw: true, formatted: true)
            case "u":
                return try lexString(start: start, location: location, raw: false, formatted: false)
            case "b", "br", "rb":
                throw Diagnostic("byte strings are not supported", at: location, length: word.count + 1)
            default:
                break
            }
        }
        if let keyword = Self.keywords[word] {
            emit(.keyword(keyword), from: start, at: location)
        } else {
            emit(.name(word), from: start, at: location)
        }
    }

    /// A number: `3`, `0.5`, `.5`, `2.`, `1e-5`, `1_000`, `0x1F`, `0b101`, `0o17`.
    mutating func lexNumber() throws(Diagnostic) {
        let start = index
        let location = here
        if chars[index] == "0", index + 1 < chars.count, let radix = Self.radix(of: chars[index + 1]) {
            index += 2
            var value = 0.0
            var digits = 0
            while index < chars.count {
                if chars[index] == "_", digits > 0, index + 1 < chars.count,
                    let next = chars[index + 1].hexDigitValue, next < radix
                {
                    index += 1
                    continue
                }
                guard let digit = chars[index].hexDigitValue, digit < radix else { break }
                value = value * Double(radix) + Double(digit)
                digits += 1
                index += 1
            }
            if digits == 0 { try invalidNumber(from: start, at: location) }
            try rejectLetters(after: start, at: location)
            return emit(value < 9e18 ? .integer(Int(value)) : .number(value), from: start, at: location)
        }
        var text = ""
        scanDigits(into: &text)
        let integerDigits = text.count
        if index < chars.count && chars[index] == "." {
            text.append(".")
            index += 1
            scanDigits(into: &text)
        }
        if index < chars.count, chars[index] == "e" || chars[index] == "E" {
            text.append("e")
            index += 1
            if index < chars.count, chars[index] == "+" || chars[index] == "-" {
                text.append(chars[index])
                index += 1
            }
            let before = text.count
            scanDigits(into: &text)
            if text.count == before { try invalidNumber(from: start, at: location) }
        }
        try rejectLetters(after: start, at: location)
        if integerDigits > 1, text.count == integerDigits, text.first == "0", text.contains(where: { $0 != "0" }) {
            throw Diagnostic(
                "leading zeros are not allowed in '\(String(chars[start..<index]))'", at: location,
                length: index - start)
        }
        if text.count == integerDigits, let whole = Int(text) {
            return emit(.integer(whole), from: start, at: location)
        }
        guard let value = Double(text) else { try invalidNumber(from: start, at: location) }
        emit(.number(value), from: start, at: location)
    }

    /// Appends decimal digits, skipping single underscores between digits.
    mutating func scanDigits(into text: inout String) {
        var position = index
        while position < bytes.count {
            let value = bytes[position]
            if Self.isDigit(value) {
                text.unicodeScalars.append(Unicode.Scalar(value))
                position += 1
            } else if value == UInt8(ascii: "_"), position > 0, Self.isDigit(bytes[position - 1]),
                Self.isDigit(byte(position + 1))
            {
                position += 1
            } else {
                break
            }
        }
        index = position
    }

    /// A number running straight into letters (`3x`, `1__0`, `2j`) is an error.
    mutating func rejectLetters(after start: Int, at location: SourceLocation) throws(Diagnostic) {
        guard index < chars.count, chars[index].isIdentifierContinue || chars[index] == "." else { return }
        if chars[index] == "." { index += 1 }
        try invalidNumber(from: start, at: location)
    }

    /// Throws "invalid number" for the text from `start` through any letters and digits.
    mutating func invalidNumber(from start: Int, at location: SourceLocation) throws(Diagnostic) -> Never {
        while index < chars.count && (chars[index].isIdentifierContinue || chars[index] == ".") { index += 1 }
        let text = String(chars[start..<index])
        throw Diagnostic("invalid number '\(text)'", at: location, length: index - start)
    }

    /// 16, 8 or 2 for the letter after a leading `0` (`0x`, `0o`, `0b`), else nil.
    static func radix(of character: Character) -> Int? {
        switch character {
        case "x", "X": 16
        case "o", "O": 8
        case "b", "B": 2
        default: nil
        }
    }
}
