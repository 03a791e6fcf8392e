/// Finds the `hint="…"` arguments written in check code, for `nnlearn hint`.
///
/// A textual scan rather than an evaluation: hints are shown before the
/// learner's code exists, so they cannot depend on running it. Only string
/// literals count; an f-string with placeholders (`{out.shape}`) describes one
/// failure and is shown only with it, never as a raw template.
enum HintScanner {
    static func hints(in source: String) -> [String] {
        var hints: [String] = []
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            guard matches("hint", at: index, in: characters), index == 0 || !isWordCharacter(characters[index - 1]) else {
                index += 1
                continue
            }
            var cursor = skipSpaces(index + 4, in: characters)
            guard cursor < characters.count, characters[cursor] == "=" else {
                index += 4
                continue
            }
            cursor = skipSpaces(cursor + 1, in: characters)
            let formatted = cursor < characters.count && characters[cursor] == "f"
            if cursor < characters.count, characters[cursor] == "f" || characters[cursor] == "r" { cursor += 1 }
            if let (text, end) = stringLiteral(at: cursor, in: characters) {
                if !text.isEmpty && !(formatted && text.contains("{")) { hints.append(text) }
                index = end
            } else {
                index = cursor
            }
        }
        return hints
    }

    /// The text of a quoted string starting at `start` and the index after it.
    private static func stringLiteral(at start: Int, in characters: [Character]) -> (String, Int)? {
        guard start < characters.count, characters[start] == "\"" || characters[start] == "'" else { return nil }
        let quote = characters[start]
        var text = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                text.append(next == "n" ? "\n" : next)
                index += 2
                continue
            }
            if character == quote { return (text, index + 1) }
            if character == "\n" { return nil }
            text.append(character)
            index += 1
        }
        return nil
    }

    private static func matches(_ word: String, at index: Int, in characters: [Character]) -> Bool {
        let letters = Array(word)
        guard index + letters.count <= characters.count else { return false }
        return Array(characters[index..<index + letters.count]) == letters
    }

    private static func skipSpaces(_ index: Int, in characters: [Character]) -> Int {
        var cursor = index
        while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\t" { cursor += 1 }
        return cursor
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
