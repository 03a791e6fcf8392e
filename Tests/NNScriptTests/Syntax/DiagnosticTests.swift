/// Rendering diagnostics with carets and hints, and suggesting close names.
import NNScript
import Testing

@Suite struct DiagnosticTests {
    @Test func rendersHeaderSourceCaretAndHint() {
        let source = "x = 1\n\nfor i in range(3)\n    print(i)\n"
        let error = syntaxError(source)
        #expect(error?.render(source: source, file: "file.nn") == """
            file.nn:3:18: error: expected ':' after the for clause
                for i in range(3)
                                 ^
            hint: add ':' at the end of the line
            """)
    }

    @Test func underlinesTheWholeSpanWithTildes() {
        let source = "model.forward(x) = y"
        #expect(syntaxError(source)?.render(source: source, file: "lesson.nn") == """
            lesson.nn:1:1: error: cannot assign to a function call
                model.forward(x) = y
                ^~~~~~~~~~~~~~~~
            """)
        let diagnostic = Diagnostic("shapes differ", at: at(2, 5), length: 5, suggestion: "transpose W")
        #expect(diagnostic.render(source: "a = 1\nb = W @ x", file: "f.nn") == """
            f.nn:2:5: error: shapes differ
                b = W @ x
                    ^~~~~
            hint: transpose W
            """)
    }

    @Test func spansAreClippedToTheLine() {
        let diagnostic = Diagnostic("unterminated triple-quoted string", at: at(1, 5), length: 40)
        #expect(diagnostic.render(source: "s = '''abc\nmore", file: "a.nn") == """
            a.nn:1:5: error: unterminated triple-quoted string
                s = '''abc
                    ^~~~~~
            """)
    }

    @Test func caretsPastTheEndAndTabsStayAligned() {
        let end = Diagnostic("expected an expression after '+'", at: at(1, 8), length: 1)
        #expect(end.render(source: "x = 1 +", file: "r.nn") == """
            r.nn:1:8: error: expected an expression after '+'
                x = 1 +
                       ^
            """)
        let tabbed = Diagnostic("boom", at: at(1, 4), length: 2)
        #expect(tabbed.render(source: "\tx =yy", file: "t.nn") == "t.nn:1:4: error: boom\n    \tx =yy\n    \t  ^~")
    }

    @Test func locationsOutsideTheSourceRenderOnlyTheHeader() {
        let diagnostic = Diagnostic("nothing here", at: at(9, 1), suggestion: "check the line")
        #expect(diagnostic.render(source: "x = 1", file: "n.nn") == "n.nn:9:1: error: nothing here\nhint: check the line")
    }

    @Test func crlfSourcesRenderWithoutCarriageReturns() {
        let source = "x = 1\r\ny = (\r\n"
        let error = syntaxError(source)
        #expect(error?.render(source: source, file: "w.nn") == "w.nn:2:5: error: unclosed '(' opened at 2:5\n    y = (\n        ^")
    }

    @Test func descriptionIsLocationAndMessage() {
        #expect(Diagnostic("oops", at: at(3, 7)).description == "3:7: oops")
        #expect(Diagnostic("oops", at: at(3, 7)) == Diagnostic("oops", at: at(3, 7), length: 1, suggestion: nil))
    }

    @Test(arguments: [
        ("W", ["W1", "b1"], "W1"),
        ("w1", ["W1", "b1"], "W1"),
        ("lossses", ["loss", "losses", "lr"], "losses"),
        ("trian", ["train", "tensor"], "train"),
        ("tenosr", ["tensor", "sensor"], "tensor"),
        ("bais", ["bias", "basis"], "bias"),
        ("prnt", ["print", "len"], "print"),
        ("lenght", ["length", "len"], "length"),
        ("x", ["X", "y"], "X"),
        ("ab", ["abc", "xb"], "abc"),
        ("model", ["modle", "mode"], "modle"),
    ] as [(String, [String], String)])
    func closestNameFindsTypos(name: String, candidates: [String], expected: String) {
        #expect(Diagnostic.closestName(to: name, among: candidates) == expected)
    }

    @Test func closestNameRejectsDistantNames() {
        #expect(Diagnostic.closestName(to: "x", among: ["y", "z"]) == nil)
        #expect(Diagnostic.closestName(to: "abc", among: ["xyz"]) == nil)
        #expect(Diagnostic.closestName(to: "relu", among: ["tanh", "sigmoid"]) == nil)
        #expect(Diagnostic.closestName(to: "lr", among: ["loss"]) == nil)
        #expect(Diagnostic.closestName(to: "optimizer", among: ["optim"]) == nil)
        #expect(Diagnostic.closestName(to: "optimizer", among: ["optimise"]) == "optimise")
        #expect(Diagnostic.closestName(to: "anything", among: []) == nil)
        #expect(Diagnostic.closestName(to: "same", among: ["same"]) == nil)
    }

    @Test func closestNameBreaksTiesByListOrder() {
        #expect(Diagnostic.closestName(to: "lx", among: ["la", "lb"]) == "la")
        #expect(Diagnostic.closestName(to: "lx", among: ["lb", "la"]) == "lb")
        #expect(Diagnostic.closestName(to: "train", among: ["trains", "trian"]) == "trains")
    }
}
