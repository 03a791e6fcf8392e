import NNScript
import Testing

/// Every catalogued bad input gives a clear, located error, and the session survives it.
@Suite("Bad-input catalogue")
struct CatalogueTests {
    /// All the tables, by class, for the count in docs/robustness.md.
    static let classes: [(name: String, cases: [BadInput])] = [
        ("syntax", SyntaxCases.all), ("indentation", SyntaxCases.indentation),
        ("unknown names and attributes", NameCases.unknown), ("arity", NameCases.arity),
        ("types", TypeCases.types), ("values", TypeCases.values),
        ("shapes", ShapeCases.shapes), ("indices", ShapeCases.indices), ("sizes", ShapeCases.sizes),
        ("huge allocations", LimitCases.huge), ("deep recursion and nesting", LimitCases.deep),
        ("endless loops", LimitCases.endless), ("characters and long lines", TextCases.characters),
        ("dicts and starred arguments", DictCases.all),
    ]

    static let all: [BadInput] = classes.flatMap(\.cases)

    @Test("the catalogue holds at least 150 error cases")
    func size() {
        #expect(Self.all.count + ValueCases.all.count >= 150)
        #expect(Self.all.count >= 150)
    }

    @Test("a bad input raises the expected error, located, and the session survives", arguments: all)
    func badInput(_ input: BadInput) {
        let outcome = Survival.run(input.source)
        guard let error = outcome.result.error else {
            Issue.record("no error; printed \(outcome.result.output.prefix(200))")
            return
        }
        #expect(error.kind == input.kind, "\(error)")
        #expect(error.description.contains(input.expected), "\(error.description.prefix(300))")
        if input.located {
            #expect(error.location != nil)
            // Inside calls, the traceback comes first and the located line last, as Python's.
            let located = "bad.nn:\(error.location?.line ?? 0):"
            #expect(error.calls.isEmpty ? outcome.result.output.hasPrefix(located)
                    : outcome.result.output.hasPrefix("Traceback (most recent call last):\n") && outcome.result.output.contains("\n" + located))
        }
        #expect(outcome.after == "42\n")
    }

    @Test("nan and inf are values: the exact text printed", arguments: ValueCases.all)
    func value(_ input: ValueCase) {
        let outcome = Survival.run(input.source)
        #expect(outcome.result.error == nil, "\(outcome.result.output.prefix(300))")
        #expect(outcome.result.output == input.printed)
        #expect(outcome.after == "42\n")
    }
}
