import Testing
@testable import NNRepl

@Suite struct AutoIndentTests {
    @Test func aHeaderIndentsOneLevelDeeper() {
        #expect(AutoIndent.columns(after: "def f(x):") == 4)
        #expect(AutoIndent.columns(after: "    for i in range(3):") == 8)
        #expect(AutoIndent.columns(after: "        if i > 0:   ") == 12)
        #expect(AutoIndent.columns(after: "else:") == 4)
        #expect(AutoIndent.columns(after: "while x < 3:  # count up") == 4)
        #expect(AutoIndent.columns(after: "if (a and") == 0)
        #expect(AutoIndent.columns(after: "        b):") == 12)
    }

    @Test func anyOtherLineKeepsItsIndentation() {
        #expect(AutoIndent.columns(after: "x = 1") == 0)
        #expect(AutoIndent.columns(after: "    return x * 2") == 4)
        #expect(AutoIndent.columns(after: "        print(i)") == 8)
        #expect(AutoIndent.columns(after: "    ") == 4)
        #expect(AutoIndent.columns(after: "") == 0)
        #expect(AutoIndent.columns(after: "if x: y = 1") == 0)
    }

    @Test func colonsInStringsCommentsAndBracketsOpenNoBlock() {
        #expect(AutoIndent.columns(after: "print('ratio:')") == 0)
        #expect(AutoIndent.columns(after: "label = \"a:") == 0)
        #expect(AutoIndent.columns(after: "    x = 1  # then:") == 4)
        #expect(AutoIndent.columns(after: "ys = xs[1:") == 0)
        #expect(AutoIndent.columns(after: "for c in \"#:\":") == 4)
    }

    @Test func tabsGetNoIndentation() {
        #expect(AutoIndent.columns(after: "\tdef f():") == 0)
        #expect(AutoIndent.columns(after: "  \tx = 1") == 0)
    }

    @Test func theScanFindsCommentsStringsAndBrackets() {
        let scan = LineScan("f(a, 'b # c', [d]  # e")
        #expect(scan.code == "f(a, 'b # c', [d]  ")
        #expect(scan.hasComment)
        #expect(!scan.endsInString)
        #expect(scan.openBrackets == 1)
        #expect(LineScan("x = 'it\\'s").endsInString)
        #expect(!LineScan("x = 'it\\'s'").endsInString)
        #expect(LineScan("]]").openBrackets == -2)
    }
}
