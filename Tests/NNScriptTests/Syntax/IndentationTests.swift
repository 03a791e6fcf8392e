/// INDENT, DEDENT and NEWLINE: blocks, blank lines, comments, brackets and continuations.
import NNScript
import Testing

/// Layout tokens as letters (N, I, D, E) and other tokens as their source text.
private func layout(_ source: String) throws -> String {
    let chars = Array(source)
    return try Lexer.tokenize(source).map { token -> String in
        switch token.kind {
        case .newline: "N"
        case .indent: "I"
        case .dedent: "D"
        case .eof: "E"
        default: String(chars[token.offset..<token.offset + token.length])
        }
    }.joined(separator: " ")
}

@Suite struct IndentationTests {
    @Test func aSimpleBlock() throws {
        #expect(try layout("if x:\n    y\nz") == "if x : N I y N D z N E")
    }

    @Test func nestedBlocksDedentSeveralLevelsAtOnce() throws {
        let source = """
            for i in a:
                if i:
                    while i:
                        i -= 1
            done
            """
        #expect(try layout(source) == "for i in a : N I if i : N I while i : N I i -= 1 N D D D done N E")
    }

    @Test func blocksStillOpenAtTheEndAreClosed() throws {
        #expect(try layout("def f():\n  if x:\n    return 1") == "def f ( ) : N I if x : N I return 1 N D D E")
        #expect(try layout("def f():\n  return 1\n") == "def f ( ) : N I return 1 N D E")
    }

    @Test func blankAndCommentLinesAreIgnoredInsideBlocks() throws {
        let source = "if x:\n\n    a\n        # deeper comment\n  # shallower comment\n\n    b\n# top comment\nc\n"
        #expect(try layout(source) == "if x : N I a N b N D c N E")
    }

    @Test func bracketsSpanLinesWithoutLayoutTokens() throws {
        let source = "x = [1,\n        2,\n  3]\ny = f(a,\nb)\n"
        #expect(try layout(source) == "x = [ 1 , 2 , 3 ] N y = f ( a , b ) N E")
    }

    @Test func backslashJoinsLines() throws {
        #expect(try layout("x = 1 + \\\n        2\ny") == "x = 1 + 2 N y N E")
    }

    @Test func commentsAndEmptyInput() throws {
        #expect(try layout("") == "E")
        #expect(try layout("# only a comment\n\n   \n") == "E")
        #expect(try layout("x  # trailing") == "x N E")
    }

    @Test func newlineSitsJustAfterTheLastToken() throws {
        let tokens = try Lexer.tokenize("for i in range(3)   # loop\n")
        #expect(tokens[7].kind == .newline)
        #expect(tokens[7].location == at(1, 18))
    }

    @Test func tabsWorkWhenUsedConsistently() throws {
        #expect(try layout("if x:\n\ty\n\tif y:\n\t\tz\n") == "if x : N I y N if y : N I z N D D E")
    }

    @Test func mixingTabsAndSpacesIsAnError() {
        let mixedInOneLine = syntaxError("if x:\n \ty\n")
        #expect(mixedInOneLine?.message == "inconsistent use of tabs and spaces in indentation")
        #expect(mixedInOneLine?.location == at(2, 1))
        let mixedAcrossLines = syntaxError("if x:\n    y\nif z:\n\tw\n")
        #expect(mixedAcrossLines?.message == "inconsistent use of tabs and spaces in indentation")
        #expect(mixedAcrossLines?.location == at(4, 1))
    }

    @Test func dedentToAnUnknownWidthIsAnError() {
        let error = syntaxError("if x:\n        a\n    b\n")
        #expect(error?.message == "unindent does not match any outer indentation level")
        #expect(error?.location == at(3, 5))
    }

    @Test func crlfLineEndings() throws {
        #expect(try layout("if x:\r\n    y\r\nz\r\n") == "if x : N I y N D z N E")
    }

    @Test func tooManyLevelsOfIndentation() {
        var source = ""
        for level in 0..<120 {
            source += String(repeating: " ", count: level) + "if x:\n"
        }
        source += String(repeating: " ", count: 120) + "pass\n"
        #expect(syntaxError(source)?.message == "too many levels of indentation")
    }
}
