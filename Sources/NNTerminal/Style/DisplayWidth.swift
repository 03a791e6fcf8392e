/// How many terminal columns a string occupies.
///
/// Terminals draw East Asian wide characters and emoji in two columns and
/// combining marks in none, so `String.count` misaligns tables and plots that
/// contain them. ANSI escape sequences (CSI, such as colour) take no room.
public enum DisplayWidth {
    /// The number of terminal columns `s` occupies, ignoring ANSI escape sequences.
    public static func of(_ s: String) -> Int {
        withoutEscapes(s).reduce(0) { $0 + of($1) }
    }

    /// `s` without its ANSI escape sequences (colour and other CSI sequences): the text a plain terminal shows.
    public static func withoutEscapes(_ s: String) -> String {
        guard s.contains("\u{1B}") else { return s }
        var text = ""
        var inEscape = false
        var sawBracket = false
        for character in s {
            if inEscape {
                // A CSI sequence is ESC [ parameters… final byte in @…~.
                if !sawBracket {
                    sawBracket = true
                    if character != "[" { inEscape = false }
                    continue
                }
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) {
                    inEscape = false
                }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                sawBracket = false
                continue
            }
            text.append(character)
        }
        return text
    }

    /// The number of terminal columns one grapheme cluster occupies (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isControl(first) { return 0 }
        if scalars.allSatisfy(isZeroWidth) { return 0 }
        if isWide(first) { return 2 }
        // A text-default emoji followed by VARIATION SELECTOR-16 is drawn as emoji.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// C0 and C1 control characters move the cursor rather than draw.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Combining marks, joiners and format characters draw on a neighbour.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return (0x1160...0x11FF).contains(scalar.value)  // Hangul medial vowels and finals
        }
    }

    /// East Asian Wide/Fullwidth characters and emoji shown in emoji presentation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        if scalar.properties.isEmojiPresentation { return true }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    /// Blocks of East Asian Width W or F (Unicode 15), coarse but covering CJK,
    /// Hangul, kana, fullwidth forms and the pictograph blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF,
        0x1B000...0x1B2FF, 0x1F1E6...0x1F1FF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
