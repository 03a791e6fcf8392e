import NNTerminal
import Testing

@Suite struct TableTests {
    let table = Table(headers: ["layer", "size"], rows: [["dense", "16"], ["relu", "4"]])

    @Test func unicodeFrameWithNumbersRightAligned() {
        #expect(table.render() == """
            ┌───────┬──────┐
            │ layer │ size │
            ├───────┼──────┤
            │ dense │   16 │
            │ relu  │    4 │
            └───────┴──────┘
            """)
    }

    @Test func asciiFrame() {
        #expect(table.render(ascii: true) == """
            +-------+------+
            | layer | size |
            +-------+------+
            | dense |   16 |
            | relu  |    4 |
            +-------+------+
            """)
    }

    @Test func wideCharactersCountTwoColumns() {
        let wide = Table(headers: ["name", "note"], rows: [["日本", "ok"], ["e\u{301}", "😀"]])
        #expect(wide.render() == """
            ┌──────┬──────┐
            │ name │ note │
            ├──────┼──────┤
            │ 日本 │ ok   │
            │ e\u{301}    │ 😀   │
            └──────┴──────┘
            """)
    }

    @Test func explicitAlignmentsRaggedRowsAndMultilineCells() {
        let t = Table(headers: ["a", "b", "c"], rows: [["x", "1"], ["yy", "2\n30", "z"]], alignments: [.right, .left, .centre])
        #expect(t.render(ascii: true) == """
            +----+----+---+
            |  a | b  | c |
            +----+----+---+
            |  x | 1  |   |
            | yy | 2  | z |
            |    | 30 |   |
            +----+----+---+
            """)
    }

    @Test func withoutHeadersAndEmpty() {
        #expect(Table(rows: [["1.5"]]).render(ascii: true) == "+-----+\n| 1.5 |\n+-----+")
        #expect(Table(rows: []).render() == "(no data)")
        #expect(Table(headers: ["x"], rows: []).render(ascii: true) == "+---+\n| x |\n+---+")
    }

    @Test func boldHeaderWithColour() {
        let text = Table(headers: ["h"], rows: [["v"]]).render(ascii: true, colour: ColourPolicy(isEnabled: true))
        #expect(text == "+---+\n| \u{1B}[1mh\u{1B}[0m |\n+---+\n| v |\n+---+")
    }
}
