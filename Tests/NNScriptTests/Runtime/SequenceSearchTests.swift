import Testing
@testable import NNScript

/// list.count, list.index, tuple.count and tuple.index as Python 3.11 answers them.
@Suite struct SequenceSearchTests {
    @Test func countsEqualItems() {
        // Each expected value printed by Python 3.11 for the same expression: 1 == 1.0 == True.
        #expect(output("xs = [1, 2.0, 1.0, 'a', True, ('b',)]\nprint(xs.count(1), xs.count(2), xs.count('a'), xs.count(('b',)), xs.count(None))") == "3 1 1 1 0\n")
        #expect(output("t = (1, (2, 3), 2)\nprint(t.count(2), t.count((2, 3)), ().count(0))") == "1 1 0\n")
    }

    @Test func indexSearchesFromStartToStopAsPythonDoes() {
        // Each expected value printed by Python 3.11 for the same expression. (A list literal of numbers
        // is a tensor in nnlearn; list(...) makes a list.)
        #expect(output("xs = list((1, 2, 1))\nprint(xs.index(1), xs.index(1, 1), xs.index(1, -1), xs.index(2, -100, 100), xs.index(1, 0, 1))") == "0 2 2 1 0\n")
        #expect(output("t = ('a', 'b', 'a')\nprint(t.index('a'), t.index('a', 1), t.index('b', -2, -1))") == "0 2 1\n")
        #expect(output("f = list((3, 4)).index\nprint(f(4))") == "1\n")
    }

    @Test func aMissingItemIsAValueErrorWithPythonsText() {
        let cases: [(String, String)] = [
            ("list((1, 2)).index(3)", "3 is not in list"),
            ("['a'].index('b')", "'b' is not in list"),
            ("list((1, 2, 1)).index(2, 0, 1)", "2 is not in list"),
            ("list((1, 2)).index(1, 5)", "1 is not in list"),
            ("list((1, 2)).index(2, 1, 0)", "2 is not in list"),
            ("(1, 2).index(3)", "tuple.index(x): x not in tuple"),
            ("(1, 2, 1).index(2, 2)", "tuple.index(x): x not in tuple"),
        ]
        for (source, message) in cases {
            let (_, error) = run(source)
            #expect(error?.kind == .value, "\(source)")
            #expect(error?.message == message, "\(source): \(error?.message ?? "no error")")
        }
    }

    @Test func wrongArgumentsAreTypeErrors() {
        for source in ["list((1,)).count()", "list((1,)).index()", "(1,).index()", "list((1,)).index(1, 'a')", "(1,).count(1, 2)"] {
            let (_, error) = run(source)
            #expect(error?.kind == .type, "\(source): \(String(describing: error))")
        }
    }

    @Test func tuplesOfferTheirMethodsToCompletionAndSuggestions() {
        #expect(Interpreter.memberNames(of: .tuple([])) == ["count", "index"])
        let (_, error) = run("(1, 2).indx(1)")
        #expect(error?.kind == .attribute)
        #expect(error?.hint == "did you mean 'index'?")
    }
}
