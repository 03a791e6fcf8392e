import Testing
@testable import NNScript

/// Every class of learner mistake is a located, explained diagnostic, never a crash.
@Suite struct MistakeTests {
    @Test func syntaxErrorsShowTheLineAndACaret() {
        let (text, error) = run("for i in range(3)\n    print(i)", file: "loop.nn")
        #expect(error?.kind == .syntax)
        #expect(text == """
            loop.nn:1:18: error: SyntaxError: expected ':' after the for clause
                for i in range(3)
                                 ^
            hint: add ':' at the end of the line

            """)
    }

    @Test func unknownNamesSuggestTheNearest() {
        let (text, error) = run("W1 = 1\nprint(Wl)")
        #expect(error?.kind == .name)
        #expect(text.contains("test.nn:2:7: error: NameError: name 'Wl' is not defined"))
        #expect(text.contains("hint: did you mean 'W1'?"))
        #expect(run("x = np.zeros(3)").output.contains("hint: nnlearn has no imports"))
    }

    @Test func wrongArgumentsAndKeywords() {
        #expect(run("softmax([1, 2], dim=0)").output.contains("softmax() got an unexpected keyword argument 'dim'\n    softmax([1, 2], dim=0)\n    ^\nhint: did you mean 'axis'?"))
        #expect(run("relu()").output.contains("relu() missing required argument 'x'"))
        #expect(run("relu(1, 2)").output.contains("relu() takes at most 1 positional argument but 2 were given"))
        #expect(run("def f(a):\n    return a\nf(1, 2)").output.contains("f() takes 1 argument but 2 were given"))
        #expect(run("def f(a):\n    return a\nf(b=1)").output.contains("f() got an unexpected keyword argument 'b'"))
        #expect(run("MLP([2, 1], activation='rleu')").output.contains("unknown activation 'rleu'"))
    }

    @Test func piecesThatCannotCoverTheAxisSayWhy() {
        #expect(run("arange(10).split(0)").output.contains("split: pieces of size 0 cannot cover axis 0 of size 10; give a size from 1 to 10, or use chunk(n) for n pieces"))
        #expect(run("arange(10).split([4, 5])").output.contains("split: sizes 4, 5 add up to 9, but axis 0 has size 10 (shape [10]); the sizes must add up to the axis"))
        #expect(run("arange(10).split(-2)").output.contains("split: a piece cannot have the negative size -2"))
        #expect(run("arange(10).chunk(0)").output.contains("chunk: needs a positive number of pieces, got 0"))
        #expect(run("arange(10).chunk(2, dim=0)").output.contains("hint: did you mean 'axis'?"))
        #expect(run("arange(4).split(['a'])").output.contains("split() expects whole numbers for the sizes for 'split_size_or_sections', got str"))
        #expect(run("split(arange(4), 2)").output.contains("hint: to cut a tensor into pieces, use x.split(size, axis=0) or chunk(x, n, axis=0)"))
    }

    @Test func indexListsThatCannotBePairedSayWhy() {
        let text = run("x = zeros(3, 3)\nx[[0, 1], [0, 1, 2]]").output
        #expect(text.contains("index lists of lengths 2 and 3 cannot be paired"))
        #expect(text.contains("x[[0, 1], [0, 1, 2]]"))
        #expect(run("x = param([[1.0, 2.0], [3.0, 4.0]])\ny = x[[0, 1], [1, 0]]\ny.sum().backward()\nprint(y.tolist(), x.grad.tolist())").output
                == "[2.0, 3.0] [[0.0, 1.0], [1.0, 0.0]]\n")
    }

    @Test func typeErrors() {
        #expect(run("tensor([1]) + 'a'").output.contains("TypeError: unsupported operand types for +: tensor and str"))
        #expect(run("'loss ' + 0.5").output.contains("hint: to join text and numbers use str(x) or an f-string"))
        #expect(run("x = 3\nx(2)").output.contains("TypeError: 'x' is an int, which cannot be called"))
        #expect(run("W = [[1, 2]]\nW(2)").output.contains("hint: to multiply, write the * explicitly"))
        #expect(run("if zeros(3):\n    pass").output.contains("the truth value of a tensor with 3 elements is ambiguous"))
        #expect(run("for i in 5:\n    pass").output.contains("TypeError: an int cannot be iterated"))
    }

    @Test func shapeErrorsFromTheCore() {
        #expect(run("zeros(4, 2) @ zeros(3, 1)").output.contains("ShapeError: matmul: [4, 2] @ [3, 1]: inner dimensions 2 and 3 differ"))
        #expect(run("zeros(4, 2) + zeros(3)").output.contains("cannot be broadcast together"))
        #expect(run("mse(zeros(4, 1), zeros(4))").output.contains("reshape the target: y.reshape(4, 1)"))
        #expect(run("zeros(2).sum(axis=3)").output.contains("axis 3 is out of range for a tensor of rank 1"))
        #expect(run("zeros(3)[5]").output.contains("index 5 is out of range for axis 0 with size 3"))
        #expect(run("[1, 'a'][2]").output.contains("IndexError: index 2 is out of range for a sequence of length 2"))
    }

    @Test func divisionOfPlainNumbersByZeroButIEEEForTensors() {
        #expect(run("1 / 0").output.contains("ZeroDivisionError: division by zero"))
        #expect(run("5 % 0").output.contains("ZeroDivisionError: modulo by zero"))
        #expect(output("print((tensor([1.0, -1.0, 0.0]) / 0).tolist(), log(tensor(0.0)).item())") == "[inf, -inf, nan] -inf\n")
    }

    @Test func recursionTooDeepIsALimitNotACrash() {
        let (text, error) = run("def f(n):\n    return f(n + 1)\nf(0)")
        #expect(error?.kind == .recursion)
        #expect(text.contains("maximum recursion depth (400) exceeded in f()"))
        #expect(text.contains("hint: a recursive function needs a base case"))
    }

    @Test func oversizedAllocationsAreRefused() {
        #expect(run("zeros(1000000, 1000000)").output.contains("shape [1000000, 1000000] has too many elements (the limit is 100000000)"))
        #expect(run("zeros(-1)").output.contains("zeros() got a negative dimension -1"))
    }

    @Test func endlessLoopsStopUnderABudget() {
        let interpreter = Interpreter(host: Host(limits: Host.Limits(steps: 10_000)))
        let result = interpreter.runCell("x = 1\nwhile True:\n    x += 1", file: "loop.nn")
        #expect(result.error?.kind == .limit)
        #expect(result.output.contains("the program took more than 10000 steps and was stopped"))
        #expect(interpreter.runCell("print(x > 1000)", file: "cell").output == "True\n")
    }

    @Test func anInterruptStopsTheProgramAndKeepsState() {
        // Its own request, as Ctrl-C would set the shared one: other tests run alongside.
        let request = InterruptRequest()
        // A step budget as a safety net should the request be lost.
        let interpreter = Interpreter(host: Host(limits: Host.Limits(steps: 50_000_000), interrupt: request))
        request.request()
        let result = interpreter.runCell("n = 0\nwhile True:\n    n += 1", file: "cell")
        #expect(result.error?.kind == .interrupted)
        let after = interpreter.runCell("print(n > 0)", file: "cell")
        #expect(after.output == "True\n")
    }

    @Test func stateBeforeAFailingStatementSurvives() {
        let interpreter = Interpreter()
        let first = interpreter.runCell("a = 1\nb = undefined_name\nc = 3", file: "cell")
        #expect(first.error?.kind == .name)
        let second = interpreter.runCell("print(a)\nprint(c)", file: "cell")
        #expect(second.output.hasPrefix("1\n"))
        #expect(second.output.contains("name 'c' is not defined"))
    }

    @Test func scaffoldEllipsisSaysWhatToDo() {
        #expect(run("def f(x):\n    ...\nf(1)").output.contains("NotImplementedError: this part is still `...`"))
    }

    @Test func readingOutsideTheAllowedFoldersIsRefused() {
        let text = run("load_csv('../../etc/passwd')").output
        #expect(text.contains("FileError: reading '../../etc/passwd' is not allowed"))
        #expect(run("load_csv('missing.csv')").output.contains("cannot read 'missing.csv': no such file"))
    }

    @Test func assertionsAndAttributeSuggestions() {
        #expect(run("assert 1 > 2, 'too small'").output.contains("AssertionError: too small"))
        #expect(run("w = param(1.0)\nw.gard").output.contains("hint: did you mean 'grad'?"))
        #expect(run("xs = [1, 2]\nxs.append(3)").output.contains("hint: a list of numbers is a tensor in nnlearn"))
    }
}
