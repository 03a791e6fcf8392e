/// f-strings: literal text, fields, format specs, brace escapes, nested quotes, locations.
import NNScript
import Testing

@Suite struct FormattedStringTests {
    @Test func theLexerKeepsFieldSourceAndLocation() throws {
        let tokens = try Lexer.tokenize("s = f\"epoch {epoch}: loss {loss.item():.4f}\"")
        #expect(tokens[2].kind == .formattedString([
            .text("epoch "),
            .expression(source: "epoch", location: at(1, 14), format: nil),
            .text(": loss "),
            .expression(source: "loss.item()", location: at(1, 28), format: ".4f"),
        ]))
    }

    @Test(arguments: [
        (#"f"epoch {epoch}: loss {loss.item():.4f}""#, #"(f "epoch " {epoch} ": loss " {(call (. loss item)):.4f})"#),
        (#"f"{{literal}} {x}""#, #"(f "{literal} " {x})"#),
        (#"f"{x:>8} {y:e}""#, #"(f {x:>8} " " {y:e})"#),
        (#"f"{d['key']}""#, #"(f {(sub d "key")})"#),
        (#"f'{"a" + b}'"#, #"(f {(+ "a" b)})"#),
        (#"f"{"nested"}""#, #"(f {"nested"})"#),
        (#"f"{x[1:3]}""#, #"(f {(sub x (: 1 3 _))})"#),
        (#"f"{a if b else c:.2f}""#, #"(f {(ifexp b a c):.2f})"#),
        (#"f"{x != y}""#, #"(f {(cmp x != y)})"#),
        (#"f"""line {n}\n{m}""""#, #"(f "line " {n} "\n" {m})"#),
        (#"f"tab\t{x}""#, #"(f "tab\t" {x})"#),
        (#"f"""#, "(f )"),
        (#"f"plain""#, #"(f "plain")"#),
        (#"F"{x}""#, "(f {x})"),
        (#"rf"\d{x}""#, #"(f "\\d" {x})"#),
        (#"'a' f"{b}" 'c'"#, #"(f "a" {b} "c")"#),
        (#"f"{f'{x}'}""#, "(f {(f {x})})"),
        (#"f"{ {'a': 1}['a'] }""#, #"(f {(sub {"a": 1} "a")})"#),
        (#"f"{cfg['lr']:.2f} {{cfg}}""#, #"(f {(sub cfg "lr"):.2f} " {cfg}")"#),
        (#"f"{ {k: 0 for k in ks} }""#, "(f {{k: 0 for k in ks}})"),
    ])
    func parsesFields(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test func fieldExpressionsHaveTheirRealLocations() throws {
        let statements = try Parser.parse("x = 1\nprint(f\"a {  b + c } d\")")
        guard case .expression(let call) = statements[1].kind, case .call(_, let arguments) = call.kind,
            case .formatted(let parts) = arguments[0].value.kind, case .value(let value, _) = parts[1]
        else {
            Issue.record("expected print(f-string)")
            return
        }
        #expect(value.location == at(2, 14))
        guard case .binary(_, _, let right) = value.kind else {
            Issue.record("expected a sum")
            return
        }
        #expect(right.location == at(2, 18))
    }

    @Test func errorsInsideFieldsPointIntoTheString() {
        let error = syntaxError("y = 2\nmsg = f\"total {a +}\"")
        #expect(error?.message == "expected an expression after '+'")
        #expect(error?.location == at(2, 19))
    }

    @Test func fieldsInTripleQuotedStringsTrackLines() throws {
        let statements = try Parser.parse("s = f\"\"\"\nfirst\n  {value}\"\"\"")
        guard case .assign(_, let value) = statements[0].kind, case .formatted(let parts) = value.kind,
            case .value(let field, _) = parts[1]
        else {
            Issue.record("expected an f-string")
            return
        }
        #expect(field.location == at(3, 4))
    }

    @Test(arguments: [
        (#"f"{}""#, "f-string: empty expression", at(1, 3)),
        (#"f"a } b""#, "f-string: single '}' is not allowed", at(1, 5)),
        (#"f"{x""#, "f-string: expected '}'", at(1, 3)),
        (#"f"{x:{w}}""#, "f-string: nested fields in a format spec are not supported", at(1, 6)),
        (#"f"{x!r}""#, "f-string: conversions such as '!r' are not supported", at(1, 5)),
        (#"f"{x y}""#, "invalid syntax: 'x y' — did you forget an operator or a comma?", at(1, 4)),
    ] as [(String, String, Location)])
    func fieldErrors(source: String, message: String, location: Location) {
        let error = syntaxError(source)
        #expect(error?.message == message)
        #expect(error?.location == location)
    }
}
