/// "Did you mean 'W1'?": finding the known name closest to a misspelt one.

extension Diagnostic {
    /// The candidate closest to `name`, or nil when none is close enough.
    ///
    /// Closeness is the Damerau–Levenshtein distance (insertions, deletions,
    /// substitutions and swaps of neighbours each cost 1). A candidate qualifies at
    /// distance 1 for names of up to four characters and at distance 2 for longer
    /// ones, and never when every character would change (so `x` does not suggest
    /// `y`), unless the names differ only in case. The smallest distance wins, then
    /// a case-only difference, then the earlier candidate in `among`.
    public static func closestName(to name: String, among candidates: [String]) -> String? {
        let target = Array(name)
        let limit = target.count <= 4 ? 1 : 2
        var best: (name: String, distance: Int, caseOnly: Bool)?
        for candidate in candidates where candidate != name {
            let caseOnly = candidate.lowercased() == name.lowercased()
            let other = Array(candidate)
            guard abs(other.count - target.count) <= limit else { continue }
            let distance = editDistance(target, other)
            guard distance <= limit, caseOnly || distance < max(target.count, other.count) else { continue }
            if let current = best {
                let better = distance < current.distance || (distance == current.distance && caseOnly && !current.caseOnly)
                if !better { continue }
            }
            best = (candidate, distance, caseOnly)
        }
        return best?.name
    }

    /// Damerau–Levenshtein distance (optimal string alignment) between two strings.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows: two rows back (for swaps), previous and current.
        var beforePrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
