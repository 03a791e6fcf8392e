/// Several completion candidates laid out in columns, as shells list them.
public enum CandidateList {
    /// The candidates in as many columns as fit in `width`, filled down each column.
    /// More than `limit` candidates are cut with a count of the rest.
    public static func render(_ candidates: [String], width: Int, limit: Int = 200) -> String {
        let shown = Array(candidates.prefix(limit))
        guard !shown.isEmpty else { return "" }
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / cell)
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let name = shown[index]
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += isLast ? name : name + String(repeating: " ", count: cell - name.count)
            }
            lines.append(line)
        }
        if candidates.count > shown.count { lines.append("… and \(candidates.count - shown.count) more") }
        return lines.joined(separator: "\n")
    }
}
