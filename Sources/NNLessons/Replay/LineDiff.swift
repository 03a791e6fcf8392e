/// A line diff in unified format (`--- expected`, `+++ actual`, `@@` hunks), from a longest common subsequence.
public enum LineDiff {
    /// One line of an edit script.
    enum Edit: Equatable {
        case same(String), removed(String), added(String)
    }

    /// The unified diff turning `expected` into `actual`, or "" when they are equal.
    ///
    /// Texts are split on "\n"; hunks carry `context` unchanged lines on each
    /// side and are merged when they overlap, and their ranges follow GNU diff
    /// (`-start,count`, the count left out when it is 1, and a start one line
    /// before the change when the count is 0).
    public static func unified(expected: String, actual: String, context: Int = 3) -> String {
        guard expected != actual else { return "" }
        let edits = script(lines(expected), lines(actual))
        var out = ["--- expected", "+++ actual"]
        for hunk in hunks(edits, context: context) { out += render(hunk, edits) }
        return out.joined(separator: "\n") + "\n"
    }

    /// The lines of a text; the empty text has none.
    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The shortest edit script from `old` to `new`.
    ///
    /// The common prefix and suffix are peeled off first, so typical outputs
    /// (a few changed numbers) keep the quadratic table small; a middle too
    /// large for the table is reported as wholly replaced.
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var middle: [Edit] = []
        if a.count * b.count > 4_000_000 {
            middle = a.map(Edit.removed) + b.map(Edit.added)
        } else {
            middle = lcsScript(a, b)
        }
        return old[..<prefix].map(Edit.same) + middle + old[(old.count - suffix)...].map(Edit.same)
    }

    private static func lcsScript(_ a: [String], _ b: [String]) -> [Edit] {
        let width = b.count + 1
        // table[i * width + j]: the LCS length of a[i...] and b[j...].
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i * width + j + 1] >= table[(i + 1) * width + j] {
                edits.append(.added(b[j])); j += 1
            } else {
                edits.append(.removed(a[i])); i += 1
            }
        }
        // Removals first within each run of changes, as diff prints them.
        return reorderRuns(edits)
    }

    private static func reorderRuns(_ edits: [Edit]) -> [Edit] {
        var out: [Edit] = []
        var removed: [Edit] = []
        var added: [Edit] = []
        for edit in edits {
            switch edit {
            case .removed: removed.append(edit)
            case .added: added.append(edit)
            case .same:
                out += removed + added; removed = []; added = []
                out.append(edit)
            }
        }
        return out + removed + added
    }

    /// Ranges of `edits` to show: each change with its context, overlapping ones merged.
    static func hunks(_ edits: [Edit], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, edit) in edits.enumerated() {
            if case .same = edit { continue }
            let range = max(0, index - context)..<min(edits.count, index + context + 1)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    private static func render(_ hunk: Range<Int>, _ edits: [Edit]) -> [String] {
        // Line numbers of the hunk's first line in each text: count what came before.
        var oldStart = 1
        var newStart = 1
        for edit in edits[..<hunk.lowerBound] {
            if case .added = edit {} else { oldStart += 1 }
            if case .removed = edit {} else { newStart += 1 }
        }
        var oldCount = 0
        var newCount = 0
        var body: [String] = []
        for edit in edits[hunk] {
            switch edit {
            case .same(let line): body.append(" " + line); oldCount += 1; newCount += 1
            case .removed(let line): body.append("-" + line); oldCount += 1
            case .added(let line): body.append("+" + line); newCount += 1
            }
        }
        return ["@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@"] + body
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start - 1),0"
        case 1: return "\(start)"
        default: return "\(start),\(count)"
        }
    }
}
