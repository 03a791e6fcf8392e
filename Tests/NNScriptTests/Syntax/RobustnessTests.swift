/// Large, deeply nested and random inputs: always a result or a diagnostic, never a crash.
import Foundation
import NNScript
import Testing

/// A small deterministic generator, so failures reproduce.
private struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// Seconds taken by `body`.
private func seconds(_ body: () -> Void) -> Double {
    let start = Date()
    body()
    return Date().timeIntervalSince(start)
}

@Suite struct RobustnessTests {
    @Test func aOneMegabyteLineParsesInLinearTime() throws {
        let line = "x = [" + Array(repeating: "1.5", count: 200_000).joined(separator: ", ") + "]"
        #expect(line.utf8.count > 1_000_000)
        var statements: [Stmt] = []
        let elapsed = seconds { statements = (try? Parser.parse(line)) ?? [] }
        guard case .assign(_, let value)? = statements.first?.kind, case .list(let items) = value.kind else {
            Issue.record("expected x = [...]")
            return
        }
        #expect(items.count == 200_000)
        #expect(elapsed < 20)
    }

    @Test func oneMegabyteStringsCommentsAndErrorsAreFast() {
        let string = "s = '" + String(repeating: "ab", count: 500_000) + "'"
        let comment = "x = 1  # " + String(repeating: "c", count: 1_000_000)
        let unterminated = "s = '" + String(repeating: "a", count: 1_000_000)
        let names = Array(repeating: "abc", count: 250_000).joined(separator: " ")
        let elapsed = seconds {
            #expect(syntaxError(string) == nil)
            #expect(syntaxError(comment) == nil)
            #expect(syntaxError(unterminated)?.message == "unterminated string")
            #expect(syntaxError(names)?.message == "invalid syntax: 'abc abc' — did you forget an operator or a comma?")
        }
        #expect(elapsed < 20)
    }

    @Test func tenThousandOpenParenthesesAreADiagnostic() {
        let source = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
        var error: Diagnostic?
        let elapsed = seconds { error = syntaxError(source) }
        #expect(error?.message == "expression nested too deeply")
        #expect(error?.location == at(1, 201))
        #expect(elapsed < 5)
        #expect(Parser.status(of: source) == .invalid)
        #expect(throws: Diagnostic.self) { try Parser.parseExpression(source) }
    }

    @Test func nestingUpToTheLimitParses() throws {
        let source = String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150)
        #expect(try tree(source) == "x")
        let subscripts = "x" + String(repeating: "[0]", count: 100)
        #expect(try Parser.parseExpression(subscripts).location == at(1, 1))
    }

    @Test(arguments: [
        String(repeating: "-", count: 10_000) + "x",
        String(repeating: "not ", count: 10_000) + "x",
        String(repeating: "lambda: ", count: 10_000) + "x",
        Array(repeating: "2", count: 10_000).joined(separator: " ** "),
        Array(repeating: "a if b else", count: 10_000).joined(separator: " ") + " c",
        Array(repeating: "1", count: 10_000).joined(separator: " + "),
        Array(repeating: "a", count: 10_000).joined(separator: " and "),
        "x" + String(repeating: ".y", count: 10_000),
        "f" + String(repeating: "()", count: 10_000),
        "x = " + String(repeating: "[", count: 10_000),
        String(repeating: "f'{", count: 300) + "x" + String(repeating: "}'", count: 300),
    ])
    func deepNestingOfEveryKindIsADiagnostic(source: String) {
        #expect(syntaxError(source)?.message == "expression nested too deeply")
    }

    @Test func deepBlocksAreLimited() {
        var source = ""
        for level in 0..<99 {
            source += String(repeating: " ", count: level) + "if x:\n"
        }
        #expect(syntaxError(source + String(repeating: " ", count: 99) + "pass\n") == nil)
    }

    @Test func everyControlCharacterIsReportedNotCrashed() {
        // Tab, line feed, carriage return and (as in Python) form feed are whitespace.
        for value in UInt32(0)..<0x20 where ![0x09, 0x0A, 0x0C, 0x0D].contains(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let error = syntaxError("x = 1" + String(Character(scalar)) + "2")
            #expect(error?.message.hasPrefix("invalid control character U+00") == true)
        }
        #expect(syntaxError("x = 1\u{0C} + 2") == nil)
        #expect(syntaxError("s = '\u{0}'")?.message == "invalid control character U+0000")
        #expect(syntaxError("\u{7F}")?.message == "invalid control character U+007F")
        #expect(syntaxError("x = 1 \u{85}")?.message == "invalid control character U+0085")
    }

    @Test func randomTokenSoupNeverCrashes() {
        let pieces = [
            "x", "y", "1", "0.5", "'s'", "f'{x}'", "\"\"\"", "(", ")", "[", "]", ",", ":", ";", ".", "...",
            "+", "-", "*", "**", "/", "//", "@", "=", "==", "+=", "<", "not", "in", "is", "and", "or", "if",
            "else", "elif", "for", "while", "def", "return", "lambda", "with", "as", "pass", "break", "True",
            "None", "\n", "\n    ", "\n        ", "\t", " ", "#c", "\\", "\\\n", "'", "{", "}", "α", "😀", "\0",
            "f'{", "}'", "\r\n",
        ]
        var random = SplitMix(state: 42)
        for _ in 0..<1500 {
            var source = ""
            for _ in 0..<random.next(40) {
                source += pieces[random.next(pieces.count)]
                if random.next(2) == 0 { source += " " }
            }
            checkNoCrash(source)
        }
    }

    @Test func mutatedProgramsNeverCrash() {
        let program = """
            def train(model, X, y, epochs=100, lr=0.5):
                \"\"\"Train and return the losses.\"\"\"
                losses = []
                for epoch in range(epochs):
                    loss = bce(model(X), y)
                    with no_grad():
                        for p in model.params:
                            p -= lr * p.grad
                    if epoch % 10 == 0 and loss.item() < 0.05:
                        print(f"epoch {epoch}: loss {loss.item():.4f}")
                        break
                return losses
            f = lambda x, k=2: x * k if x > 0 else -x
            assert 0 <= p < 1, "p out of range"
            """
        let characters = Array(program)
        let inserts: [Character] = ["(", ")", "[", "]", ":", "'", "\"", "{", "}", "\n", " ", "\t", "\\", "=", "#", "f"]
        var random = SplitMix(state: 7)
        for _ in 0..<600 {
            var mutated = characters
            for _ in 0..<(1 + random.next(3)) {
                let position = random.next(mutated.count)
                switch random.next(3) {
                case 0: mutated.remove(at: position)
                case 1: mutated.insert(inserts[random.next(inserts.count)], at: position)
                default: mutated[position] = inserts[random.next(inserts.count)]
                }
            }
            checkNoCrash(String(mutated))
        }
    }

    private func checkNoCrash(_ source: String) {
        let status = Parser.status(of: source)
        do {
            _ = try Parser.parse(source)
            #expect(status != .invalid, "parsed but status is invalid: \(source.debugDescription)")
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.location.line >= 1 && error.location.column >= 1)
            #expect(!error.render(source: source, file: "fuzz.nn").isEmpty)
            #expect(status != .complete, "failed but status is complete: \(source.debugDescription)")
        }
        _ = try? Parser.parseExpression(source)
        _ = try? Lexer.tokenize(source)
    }
}
