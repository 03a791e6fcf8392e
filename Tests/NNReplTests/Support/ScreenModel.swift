/// A small terminal emulator: enough of xterm to replay what libedit and the
/// REPL write, so tests can assert on the screen a learner would see rather
/// than on a stream of escape sequences.
///
/// It keeps a grid of characters and a cursor, and understands printable text
/// (with deferred wrapping at the right margin), CR, LF, BS, TAB, cursor moves,
/// erasing, inserting and deleting characters. Colours and modes are ignored.
/// Lines scrolled off the top are kept in ``scrollback``.
struct ScreenModel {
    let rows: Int
    let columns: Int
    private(set) var grid: [[Character]]
    private(set) var scrollback: [String] = []
    private(set) var row = 0
    private(set) var column = 0
    /// Set after a character was written in the last column (xterm's deferred wrap).
    private var wrapPending = false
    private var savedCursor = (0, 0)
    private var parser = EscapeParser()
    private var pendingBytes: [UInt8] = []

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The visible lines, without trailing spaces.
    var lines: [String] { grid.map { String($0).trimmedRight } }

    /// Every line written so far: scrolled-off lines, then the visible ones.
    var allLines: [String] { scrollback + lines }

    /// The whole text, lines joined by newlines (trailing blank lines dropped).
    var text: String {
        var all = allLines
        while all.last?.isEmpty == true { all.removeLast() }
        return all.joined(separator: "\n")
    }

    /// The line the cursor is on.
    var cursorLine: String { lines[row] }

    /// Feeds bytes written by the program.
    mutating func feed(_ bytes: [UInt8]) {
        pendingBytes += bytes
        // Decode only complete UTF-8 sequences; keep an unfinished tail for the next read.
        var end = pendingBytes.count
        var back = 0
        while back < 4, end - back - 1 >= 0 {
            let byte = pendingBytes[end - back - 1]
            if byte & 0xC0 == 0x80 { back += 1; continue }
            let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if needed > back + 1 { end -= back + 1 }
            break
        }
        let text = String(decoding: pendingBytes[..<end], as: UTF8.self)
        pendingBytes = Array(pendingBytes[end...])
        // Scalars, not Characters: "\r\n" is one Character in Swift but two moves on a terminal.
        for scalar in text.unicodeScalars { consume(Character(scalar)) }
    }

    private mutating func consume(_ character: Character) {
        switch parser.feed(character) {
        case .none: break
        case .character(let printed): handle(printed)
        case .control(let final, let parameters, let isPrivate): control(final, parameters, isPrivate: isPrivate)
        case .escape(let final): escape(final)
        }
    }

    private mutating func handle(_ character: Character) {
        switch character {
        case "\r": column = 0; wrapPending = false
        case "\n": lineFeed()
        case "\u{8}": column = max(0, column - 1); wrapPending = false
        case "\t": column = min(columns - 1, (column / 8 + 1) * 8); wrapPending = false
        case "\u{7}", "\u{0}", "\u{1}": break
        default:
            if character.unicodeScalars.first.map({ $0.value < 0x20 }) == true { return }
            if wrapPending {
                column = 0
                lineFeed()
            }
            grid[row][column] = character
            if column == columns - 1 { wrapPending = true } else { column += 1 }
        }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if row == rows - 1 {
            scrollback.append(String(grid[0]).trimmedRight)
            grid.removeFirst()
            grid.append(blankRow)
        } else {
            row += 1
        }
    }

    private var blankRow: [Character] { Array(repeating: " ", count: columns) }

    private mutating func control(_ final: Character, _ parameters: [Int], isPrivate: Bool) {
        guard !isPrivate else { return }
        let first = parameters.first ?? 0
        let count = max(1, first)
        wrapPending = false
        switch final {
        case "A": row = max(0, row - count)
        case "B": row = min(rows - 1, row + count)
        case "C": column = min(columns - 1, column + count)
        case "D": column = max(0, column - count)
        case "G": column = min(columns - 1, count - 1)
        case "d": row = min(rows - 1, count - 1)
        case "H", "f":
            row = min(rows - 1, max(1, first) - 1)
            column = min(columns - 1, max(1, parameters.count > 1 ? parameters[1] : 1) - 1)
        case "K":
            let range = first == 0 ? column..<columns : first == 1 ? 0..<(column + 1) : 0..<columns
            for index in range { grid[row][index] = " " }
        case "J":
            if first == 2 || first == 3 {
                grid = Array(repeating: blankRow, count: rows)
            } else if first == 0 {
                for index in column..<columns { grid[row][index] = " " }
                for below in (row + 1)..<rows { grid[below] = blankRow }
            } else {
                for above in 0..<row { grid[above] = blankRow }
                for index in 0...column { grid[row][index] = " " }
            }
        case "P":
            for _ in 0..<min(count, columns - column) {
                grid[row].remove(at: column)
                grid[row].append(" ")
            }
        case "@":
            for _ in 0..<min(count, columns - column) {
                grid[row].insert(" ", at: column)
                grid[row].removeLast()
            }
        case "X":
            for index in column..<min(columns, column + count) { grid[row][index] = " " }
        case "L":
            for _ in 0..<count {
                grid.insert(blankRow, at: row)
                grid.removeLast()
            }
        case "M":
            for _ in 0..<count {
                grid.remove(at: row)
                grid.append(blankRow)
            }
        default:
            break  // colours (m), modes (h, l), scroll regions (r) and the rest do not move text
        }
    }

    private mutating func escape(_ final: Character) {
        switch final {
        case "7": savedCursor = (row, column)
        case "8": (row, column) = savedCursor
        case "M": if row > 0 { row -= 1 } else { grid.insert(blankRow, at: 0); grid.removeLast() }
        case "E": column = 0; lineFeed()
        default: break
        }
    }
}

/// Splits output into characters, control sequences and escapes.
private struct EscapeParser {
    enum Token {
        case none
        case character(Character)
        case control(Character, [Int], isPrivate: Bool)
        case escape(Character)
    }

    private enum State { case ground, escape, csi, osc, charset }
    private var state = State.ground
    private var parameterText = ""

    mutating func feed(_ character: Character) -> Token {
        switch state {
        case .ground:
            if character == "\u{1B}" { state = .escape; return .none }
            return .character(character)
        case .escape:
            switch character {
            case "[": state = .csi; parameterText = ""; return .none
            case "]": state = .osc; return .none
            case "(", ")", "*", "+": state = .charset; return .none
            default: state = .ground; return .escape(character)
            }
        case .charset:
            state = .ground
            return .none
        case .osc:
            if character == "\u{7}" || character == "\u{1B}" { state = .ground }
            return .none
        case .csi:
            if let ascii = character.asciiValue, (0x40...0x7E).contains(ascii) {
                state = .ground
                let isPrivate = parameterText.hasPrefix("?") || parameterText.hasPrefix(">")
                let numbers = parameterText.drop { $0 == "?" || $0 == ">" }
                    .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                return .control(character, numbers, isPrivate: isPrivate)
            }
            parameterText.append(character)
            return .none
        }
    }
}

extension String {
    var trimmedRight: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
