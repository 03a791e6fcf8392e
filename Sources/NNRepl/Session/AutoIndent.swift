/// The indentation a continuation line starts with at the terminal, as in
/// IPython: that of the line before, one level deeper after a block's header.
///
/// The learner deletes it with Backspace to close a block (to type `else:`);
/// a line of only spaces still counts as blank and ends the entry.
public enum AutoIndent {
    /// One level: four spaces, as Tab inserts on an empty continuation line.
    public static let level = "    "

    /// How many spaces to pre-fill on the line after `line`.
    ///
    /// A header is a line whose code, before any comment, ends with `:`
    /// outside strings and brackets: `def f(x):`, `else:  # done`, but not
    /// the slice in `a[1:`. A line indented with tabs gets nothing: the
    /// language refuses tabs mixed with spaces, and Tab completes rather than
    /// indents, so the learner could not continue it in kind.
    public static func columns(after line: String) -> Int {
        let leading = line.prefix { $0 == " " || $0 == "\t" }
        guard !leading.contains("\t") else { return 0 }
        let scan = LineScan(line)
        let opensBlock = !scan.endsInString && scan.openBrackets <= 0
            && scan.code.last(where: { $0 != " " && $0 != "\t" }) == ":"
        return leading.count + (opensBlock ? level.count : 0)
    }
}
