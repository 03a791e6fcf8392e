/// Parser.status: when the REPL should run the input, ask for more, or report an error.
import NNScript
import Testing

@Suite struct IncompletenessTests {
    @Test(arguments: [
        "",
        "x = 1",
        "x = 1\n",
        "# just a comment",
        "print(f\"{x:.4f}\")",
        "if x: pass",
        "def f(): return 1",
        "for i in range(3):\n    print(i)\n",
        "for i in range(3):\n    print(i)\n    \n",
        "def f(x):\n    if x:\n        return 1\n    return 2\n",
        "x = [1,\n     2]",
        "d = {'a': 1,\n     'b': 2}",
        "s = '''a\nb'''",
        "x = 1 + \\\n    2",
        "x = 1 \\\n\n",
        "if x:\n    pass\nelse:\n    pass\n",
    ])
    func complete(source: String) {
        #expect(Parser.status(of: source) == .complete)
    }

    @Test(arguments: [
        "x = (1 +",
        "d = {",
        "d = {'a': 1,\n     'b':",
        "x = [1,\n     2,",
        "f(a,\n  b",
        "s = '''abc",
        "s = \"\"\"first line\nsecond line",
        "f\"\"\"{x}\n",
        "x = 1 + \\",
        "x = 1 + \\\n",
        "for i in range(3):",
        "if x:  # a comment",
        "def f(x):",
        "for i in range(3):\n    print(i)",
        "def f(x):\n    y = x * 2\n    return y",
        "while True:\n    if x:\n        break",
        "if x:\n    pass\nelse:",
        "if x:\n    pass\nelse:\n    pass",
        "with no_grad():\n    for p in params:\n        p -= 1\n    # done",
        "for i in range(4):\n    if i % 2 == 0:",
        "def f(x):\n    for i in x:\n        while i:",
        "for i in range(4):\n    if i:\n        pass\n    else:",
    ])
    func incomplete(source: String) {
        #expect(Parser.status(of: source) == .incomplete)
    }

    @Test(arguments: [
        "x = 1 +",
        "x y",
        "s = 'abc",
        "for i in range(3)",
        "x = )",
        "if a = b:",
        "break",
        "  x = 1",
        "x = 😀",
        "if x:\n    a\n  b",
        "f() = 1",
        "x = (1 2",
        "print(x y",
        "for i in range(3):\nprint(i)",
        "for i in range(3):\n    if i:\nprint(i)",
    ])
    func invalid(source: String) {
        #expect(Parser.status(of: source) == .invalid)
    }

    @Test func aBlankLineClosesABlock() {
        var buffer = "for i in range(3):"
        #expect(Parser.status(of: buffer) == .incomplete)
        buffer += "\n    total += i"
        #expect(Parser.status(of: buffer) == .incomplete)
        buffer += "\n"
        #expect(Parser.status(of: buffer) == .complete)
    }
}
