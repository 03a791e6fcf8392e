/// Tokens, their locations, numbers, strings, keywords, operators and bad characters.
import NNScript
import Testing

@Suite struct LexerTests {
    @Test func tokensCarryKindLocationAndLength() throws {
        let tokens = try Lexer.tokenize("w1 = x @ W.T  # comment\nprint(w1)")
        #expect(tokens.map(\.kind) == [
            .name("w1"), .punctuation(.assign), .name("x"), .punctuation(.at), .name("W"), .punctuation(.dot),
            .name("T"), .newline, .name("print"), .punctuation(.leftParen), .name("w1"),
            .punctuation(.rightParen), .newline, .eof,
        ])
        #expect(tokens.map(\.location) == [
            at(1, 1), at(1, 4), at(1, 6), at(1, 8), at(1, 10), at(1, 11), at(1, 12), at(1, 13),
            at(2, 1), at(2, 6), at(2, 7), at(2, 9), at(2, 10), at(2, 10),
        ])
        #expect(tokens[0].length == 2)
        #expect(tokens[0].offset == 0)
        #expect(tokens[8].offset == 24)
    }

    @Test func columnsCountCharacters() throws {
        let tokens = try Lexer.tokenize("s = \"héllo 😀\"; α = 1")
        #expect(tokens[2].kind == .string("héllo 😀"))
        #expect(tokens[2].length == 9)
        #expect(tokens[4].kind == .name("α"))
        #expect(tokens[4].location == at(1, 16))
    }

    @Test func keywordsAndNames() throws {
        #expect(try tokenKinds("def lambda True False None is not and or in x_1 _private") == [
            .keyword(.def), .keyword(.lambda), .keyword(.true), .keyword(.false), .keyword(.none),
            .keyword(.is), .keyword(.not), .keyword(.and), .keyword(.or), .keyword(.in), .name("x_1"),
            .name("_private"), .newline, .eof,
        ])
        #expect(Keyword.allCases.count == 24)
    }

    @Test func operatorsUseTheLongestMatch() throws {
        let source = "+ - * / // % ** @ = += -= *= /= //= %= **= @= == != < <= > >= ( ) [ ] , : ; . ..."
        let expected = source.split(separator: " ").map { TokenKind.punctuation(Punctuation(rawValue: String($0))!) }
        #expect(try tokenKinds(source) == expected + [.newline, .eof])
        #expect(try tokenKinds("a**=-b") == [
            .name("a"), .punctuation(.doubleStarAssign), .punctuation(.minus), .name("b"), .newline, .eof,
        ])
    }

    @Test(arguments: [("3", 3), ("1_000", 1000), ("0x1F", 31), ("0b101", 5), ("0o17", 15), ("0", 0), ("00", 0)])
    func integers(source: String, value: Int) throws {
        #expect(try tokenKinds(source) == [.integer(value), .newline, .eof])
    }

    @Test(arguments: [
        ("0.5", 0.5), (".5", 0.5), ("1e-5", 1e-5), ("2.", 2.0), ("1E3", 1000.0),
        ("2.5e+2", 250.0), ("1_000.000_1", 1000.0001),
    ])
    func numbers(source: String, value: Double) throws {
        #expect(try tokenKinds(source) == [.number(value), .newline, .eof])
    }

    @Test func ellipsisDotAndNumber() throws {
        #expect(try tokenKinds("x.y ... .5") == [
            .name("x"), .punctuation(.dot), .name("y"), .punctuation(.ellipsis), .number(0.5), .newline, .eof,
        ])
    }

    @Test func stringsAndEscapes() throws {
        #expect(try tokenKinds(#"'a' "b" 'it\'s' "say \"hi\"""#) == [
            .string("a"), .string("b"), .string("it's"), .string("say \"hi\""), .newline, .eof,
        ])
        #expect(try tokenKinds(#"'\n\t\\\0\x41\u00e9\q'"#) == [.string("\n\t\\\0Aé\\q"), .newline, .eof])
        #expect(try tokenKinds(#"r'\n\'' u'x'"#) == [.string("\\n\\'"), .string("x"), .newline, .eof])
        #expect(try tokenKinds("'a\\\nb'") == [.string("ab"), .newline, .eof])
    }

    @Test func tripleQuotedStringsSpanLines() throws {
        let tokens = try Lexer.tokenize("x = \"\"\"one\n  'two' \"\"\n\"\"\" + 1")
        #expect(tokens[2].kind == .string("one\n  'two' \"\"\n"))
        #expect(tokens[3].kind == .punctuation(.plus))
        #expect(tokens[3].location == at(3, 5))
        #expect(try tokenKinds("'''a\r\nb'''") == [.string("a\nb"), .newline, .eof])
    }

    @Test func unicodeIdentifiers() throws {
        #expect(try tokenKinds("α = β2 + naïve + 変数") == [
            .name("α"), .punctuation(.assign), .name("β2"), .punctuation(.plus), .name("naïve"),
            .punctuation(.plus), .name("変数"), .newline, .eof,
        ])
    }

    @Test(arguments: [
        ("x = 😀", "invalid character '😀' in identifier", at(1, 5)),
        ("ab😀 = 1", "invalid character '😀' in identifier", at(1, 3)),
        ("x = 1\0", "invalid control character U+0000", at(1, 6)),
        ("x = \u{1B}[31m", "invalid control character U+001B", at(1, 5)),
        ("s = 'a\u{07}'", "invalid control character U+0007", at(1, 7)),
        ("x = $y", "invalid character '$'", at(1, 5)),
        ("x = a ? b", "invalid character '?'", at(1, 7)),
        ("x\u{00A0}= 1", "invalid whitespace character U+00A0", at(1, 2)),
        ("print(“hi”)", "invalid character '“'", at(1, 7)),
        ("3x", "invalid number '3x'", at(1, 1)),
        ("1__000", "invalid number '1__000'", at(1, 1)),
        ("1e", "invalid number '1e'", at(1, 1)),
        ("0x", "invalid number '0x'", at(1, 1)),
        ("007", "leading zeros are not allowed in '007'", at(1, 1)),
        ("a && b", "'&&' is not supported", at(1, 3)),
        ("!a", "'!' is not an operator", at(1, 1)),
        ("d = }", "unmatched '}'", at(1, 5)),
        ("d = {1: [2}", "'}' does not match '[' opened at 1:9", at(1, 11)),
        ("b'x'", "byte strings are not supported", at(1, 1)),
        ("x = 'abc\ny'", "unterminated string", at(1, 5)),
        ("x = \\ y", "unexpected character after line continuation '\\'", at(1, 6)),
        ("f(1]", "']' does not match '(' opened at 1:2", at(1, 4)),
        ("x)", "unmatched ')'", at(1, 2)),
        ("x = '\\x4g'", "invalid escape '\\x': expected 2 hexadecimal digits", at(1, 6)),
    ] as [(String, String, Location)])
    func lexicalErrors(source: String, message: String, location: Location) {
        #expect(throws: Diagnostic.self) { try Lexer.tokenize(source) }
        do {
            _ = try Lexer.tokenize(source)
        } catch {
            #expect(error.message == message)
            #expect(error.location == location)
        }
    }

    @Test func hintsForLookalikeCharacters() {
        #expect(syntaxError("x = a − b")?.suggestion == "use '-' instead")
        #expect(syntaxError("a && b")?.suggestion == "use 'and'")
    }

    @Test func unterminatedStringUnderlinesTheRestOfTheLine() {
        let error = syntaxError("x = 'abc   \ny = 1")
        #expect(error?.message == "unterminated string")
        #expect(error?.length == 7)
    }
}
