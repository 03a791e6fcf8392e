/// The parser's entry points: source text in, the syntax tree of `AST.swift` out.
///
/// The grammar is Python's, restricted to what nnlearn supports. Errors are thrown
/// as `Diagnostic`s with plain, specific messages; nothing in the input can crash
/// the parser, and nesting deeper than 200 levels is reported as
/// "expression nested too deeply" instead of overflowing the stack.
public struct Parser {
    /// Parses a whole program or REPL entry into its statements, their locations in text `id`.
    public static func parse(_ source: String, id: SourceID = .unnamed) throws(Diagnostic) -> [Stmt] {
        // Editors on Windows may start a UTF-8 file with a byte order mark; Python skips it too.
        let text = source.unicodeScalars.first == "\u{FEFF}" ? String(source.unicodeScalars.dropFirst()) : source
        return try LargeStack.run(size: LargeStack.parserSize) { () throws(Diagnostic) in
            var statements = try SyntaxParser.parseProgram(Array(text), source: id).statements
            Resolver.resolve(&statements)
            return statements
        }
    }

    /// Parses a single expression (a tuple if it has top-level commas). Line breaks
    /// and indentation inside it are ignored.
    public static func parseExpression(_ source: String) throws(Diagnostic) -> Expr {
        try LargeStack.run(size: LargeStack.parserSize) { () throws(Diagnostic) in
            var expr = try SyntaxParser.parseEmbedded(source, at: SourceLocation(line: 1, column: 1), depth: 0)
            Resolver.resolve(&expr)
            return expr
        }
    }
}
