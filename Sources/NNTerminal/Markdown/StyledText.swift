/// Text runs with ANSI styles, word-wrapped by display width.
///
/// Styles are kept per run rather than as nested escape sequences, so a bold
/// word inside a heading keeps the heading's colour, and every output line
/// opens and closes its own sequences.
struct StyledText {
    /// One run of text sharing a style; `atomic` runs (math) never break.
    struct Run: Equatable {
        var text: String
        var styles: [ColourPolicy.Style]
        var atomic = false
    }

    /// A piece of a paragraph: a run, or a forced line break.
    enum Piece: Equatable {
        case run(Run)
        case lineBreak
    }

    var pieces: [Piece]

    /// The text wrapped to `width` columns: greedy, never splitting a word; a
    /// word wider than the line gets a line of its own.
    func wrapped(width: Int, colour: ColourPolicy) -> [String] {
        var lines: [[Run]] = [[]]
        var lineWidth = 0
        var pendingSpace: Run?
        for word in words() {
            guard let word else {
                lines.append([])
                lineWidth = 0
                pendingSpace = nil
                continue
            }
            if word.isEmpty { continue }
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                lines.append([])
                lineWidth = 0
            } else if lineWidth > 0, let space = pendingSpace {
                lines[lines.count - 1].append(space)
                lineWidth += 1
            }
            lines[lines.count - 1] += word
            lineWidth += wordWidth
            // The space after a word keeps a style shared with the next word (underlined links).
            pendingSpace = Run(text: " ", styles: word.last?.styles ?? [])
        }
        return lines.map { StyledText.emit(StyledText.fixSpaces($0), colour: colour) }
    }

    /// The text on one line, without wrapping.
    func singleLine(colour: ColourPolicy) -> String {
        wrapped(width: Int.max / 2, colour: colour).joined(separator: " ")
    }

    /// Words as runs; nil marks a forced break.
    private func words() -> [[Run]?] {
        var words: [[Run]?] = []
        var current: [Run] = []
        for piece in pieces {
            switch piece {
            case .lineBreak:
                words.append(current)
                words.append(nil)
                current = []
            case .run(let run):
                if run.atomic {
                    current.append(run)
                    continue
                }
                let parts = run.text.split(separator: " ", omittingEmptySubsequences: false)
                for (index, part) in parts.enumerated() {
                    if index > 0 {
                        words.append(current)
                        current = []
                    }
                    if !part.isEmpty { current.append(Run(text: String(part), styles: run.styles)) }
                }
            }
        }
        words.append(current)
        return words
    }

    /// A space between words of different styles is unstyled.
    private static func fixSpaces(_ runs: [Run]) -> [Run] {
        var result = runs
        for index in result.indices where result[index].text == " " && !result[index].styles.isEmpty {
            let next = index + 1 < result.count ? result[index + 1].styles : []
            if next != result[index].styles { result[index].styles = [] }
        }
        return result
    }

    /// Runs merged by style and painted.
    static func emit(_ runs: [Run], colour: ColourPolicy) -> String {
        var merged: [Run] = []
        for run in runs {
            if let last = merged.last, last.styles == run.styles {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return merged.map { colour.paint($0.text, $0.styles) }.joined()
    }
}
