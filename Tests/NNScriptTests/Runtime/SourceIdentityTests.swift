import Testing
@testable import NNScript

/// Locations name the text they are in, so an error is told apart and quoted by the text whose code raised it.
@Suite struct SourceIdentityTests {
    @Test func anErrorCarriesTheIdentityOfTheCellThatDefinedTheFunction() {
        let interpreter = Interpreter()
        let first = interpreter.runCell("def f(x):\n    return x / zero_here\n", file: "In[1]")
        #expect(first.succeeded)
        let second = interpreter.runCell("y = 1\nf(2)", file: "In[2]")
        #expect(second.error?.location == SourceLocation(line: 2, column: 16, source: first.source))
        #expect(second.error?.calls.map(\.location) == [SourceLocation(line: 2, column: 1, source: second.source)])
        #expect(first.source != second.source)
        // An error in the cell's own code is shown in it.
        let third = interpreter.runCell("y = 1\nnope", file: "In[3]")
        #expect(third.renderedError?.hasPrefix("In[3]:2:1: error: NameError") == true)
    }

    @Test func aFunctionTakesItsTextIntoAnotherInterpreter() {
        let learner = Interpreter()
        let own = learner.runCell("def f(x):\n    return x / zero_here\n", file: "mine.nn")
        let checks = Interpreter()
        #expect(learner.export(["f"], to: checks).isEmpty)
        let result = checks.runCell("y = 1\nf(2)\n", file: "check 1")
        #expect(result.error?.location?.source == own.source)
        #expect(result.renderedError == """
            Traceback (most recent call last):
              File "check 1", line 2, in <module>
                f(2)
            mine.nn:2:16: error: NameError: name 'zero_here' is not defined
                    return x / zero_here
                               ^
            """)
    }

    @Test func everyLocationOfAParsedTextCarriesItsIdentity() throws {
        let id = SourceID.unique()
        let program = try Parser.parse("x = 1\nif x:\n    y = x\nz = f\"{x + 1}\"", id: id)
        #expect(program.map(\.location.source) == [id, id, id])
        #expect(SourceID.unique() != id)
        #expect(try Parser.parse("x = 1")[0].location.source == .unnamed)
    }
}
