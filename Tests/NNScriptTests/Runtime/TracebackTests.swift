import Testing
@testable import NNScript

/// Errors raised inside calls show the chain of calls as Python's traceback, innermost last.
@Suite struct TracebackTests {
    @Test func nestedCallsShowEveryCallSiteOutermostFirst() {
        let source = """
        def inner(x):
            return x @ x
        def outer(x):
            y = inner(x) + 1
            return y
        outer(ones(2, 3))
        """
        let result = Interpreter().runCell(source, file: "cell 1")
        #expect(result.renderedError?.hasPrefix("Traceback (most recent call last):\n  File \"cell 1\", line 6, in <module>\n    outer(ones(2, 3))\n  File \"cell 1\", line 4, in outer\n    y = inner(x) + 1\ncell 1:2:12: error: ShapeError:") == true)
    }

    @Test func aFunctionFromAnEarlierCellIsShownWithItsOwnLines() {
        let interpreter = Interpreter()
        _ = interpreter.runCell("# helpers\ndef scale(x):\n    return x.shap\n", file: "cell 1")
        let result = interpreter.runCell("y = 2\nscale(tensor([1.0]))\n", file: "cell 2")
        #expect(result.renderedError == """
            Traceback (most recent call last):
              File "cell 2", line 2, in <module>
                scale(tensor([1.0]))
            cell 1:3:14: error: AttributeError: tensor has no attribute 'shap'
                    return x.shap
                             ^~~~
            hint: did you mean 'shape'?
            """)
    }

    @Test func anErrorAtTopLevelHasNoTraceback() {
        let result = Interpreter().runCell("x = 1\ny = x.foo\n", file: "cell")
        #expect(result.renderedError?.hasPrefix("cell:2:7: error: AttributeError: int has no attribute 'foo'") == true)
        #expect(result.error?.location == SourceLocation(line: 2, column: 7, source: result.source))
        #expect(result.error?.length == 3)
    }

    @Test func theCaretOfAnUnknownAttributePointsAtItsName() {
        let result = Interpreter().runCell("m = MLP([2, 1], seed=0)\nm.layers[0].weigth\n", file: "cell")
        #expect(result.error?.location == SourceLocation(line: 2, column: 13, source: result.source))
        #expect(result.renderedError?.contains("    m.layers[0].weigth\n                ^~~~~~") == true)
        let dict = Interpreter().runCell("d = {'a': 1}\nd.a\n", file: "cell")
        #expect(dict.error?.location == SourceLocation(line: 2, column: 3, source: dict.source))
    }

    @Test func aRecursionShowsThreeRepeatsAndACount() {
        let result = Interpreter().runCell("def f(n):\n    return f(n + 1)\nf(0)\n", file: "cell")
        let lines = result.renderedError?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.prefix(9) == [
            "Traceback (most recent call last):",
            "  File \"cell\", line 3, in <module>", "    f(0)",
            "  File \"cell\", line 2, in f", "    return f(n + 1)",
            "  File \"cell\", line 2, in f", "    return f(n + 1)",
            "  File \"cell\", line 2, in f", "    return f(n + 1)",
        ])
        #expect(lines[9] == "  [Previous line repeated 396 more times]")
        #expect(lines[10].hasPrefix("cell:2:12: error: RecursionError"))
    }

    @Test func aStopInsideALoopNamesTheLineThatWasRunning() {
        let request = InterruptRequest()
        let interpreter = Interpreter(host: Host(interrupt: request))
        _ = interpreter.runCell("def spin():\n    n = 0\n    while True:\n        n = n + 1\n", file: "cell 1")
        request.request()
        let result = interpreter.runCell("x = 1\nspin()\n", file: "cell 2")
        #expect(result.error?.kind == .interrupted)
        #expect(result.renderedError?.hasPrefix("""
            Traceback (most recent call last):
              File "cell 2", line 2, in <module>
                spin()
            cell 1:4:9: error: KeyboardInterrupt: interrupted
                        n = n + 1
            """) == true)
    }
}
