/// Syntax errors of every kind: unterminated strings, brackets and blocks, bad indentation, unsupported statements.
enum SyntaxCases {
    /// Each program fails to parse with a located SyntaxError.
    static let all: [BadInput] = [
        // Unterminated strings, brackets and blocks.
        BadInput("print(\"abc", .syntax, "unterminated string"),
        BadInput("x = 'abc", .syntax, "unterminated string"),
        BadInput("\"\"\"abc", .syntax, "unterminated triple-quoted string"),
        BadInput("x = r'\\'", .syntax, "unterminated string"),
        BadInput("x = (1, 2", .syntax, "unclosed '(' opened at 1:5"),
        BadInput("print(1", .syntax, "unclosed '('"),
        BadInput("[1, 2", .syntax, "unclosed '[' opened at 1:1"),
        BadInput("a[", .syntax, "unclosed '['"),
        BadInput("for i in range(3):", .syntax, "expected an indented block after 'for'"),
        BadInput("def f():", .syntax, "expected an indented block after 'def'"),
        BadInput("x = 1 \\", .syntax, "unexpected end of input after line continuation"),
        // Missing pieces.
        BadInput("if True\n    x = 1", .syntax, "expected ':' after the if condition"),
        BadInput("while True\n    pass", .syntax, "expected ':' after the while condition"),
        BadInput("def f(:\n    pass", .syntax, "expected a parameter name"),
        BadInput("1 +", .syntax, "expected an expression after '+'"),
        BadInput("x = = 2", .syntax, "expected an expression after '='"),
        BadInput("x = 1 +* 2", .syntax, "expected an expression after '+'"),
        BadInput("lambda: ", .syntax, "expected an expression after ':'"),
        BadInput("x = 5 if ", .syntax, "expected an expression after 'if'"),
        BadInput("print(1 if True else)", .syntax, "expected an expression after 'else'"),
        BadInput("x.", .syntax, "expected a name after '.'"),
        BadInput("print(1,,2)", .syntax, "expected an expression after ','"),
        BadInput("print((,))", .syntax, "expected an expression after '('"),
        BadInput("print(1);;", .syntax, "expected an expression after ';'"),
        BadInput("x = [i for in range(3)]", .syntax, "expected a loop variable after 'for'"),
        // Misplaced statements and operators.
        BadInput("return 5", .syntax, "'return' outside a function"),
        BadInput("break", .syntax, "'break' outside a loop"),
        BadInput("continue", .syntax, "'continue' outside a loop"),
        BadInput("else:\n    pass", .syntax, "'else' without a matching 'if'"),
        BadInput("1 = x", .syntax, "cannot assign to a literal"),
        BadInput("@", .syntax, "unexpected '@'"),
        BadInput("3 $ 4", .syntax, "invalid character '$'"),
        BadInput("x: int = 5", .syntax, "unexpected ':'"),
        BadInput("f(x=1, 2)", .syntax, "positional argument follows keyword argument"),
        BadInput("whille True:\n    pass", .syntax, "did you forget an operator or a comma?"),
        BadInput("x = lambda: x = 1", .syntax, "chained assignment is not supported"),
        // Unsupported Python.
        BadInput("{1: 2}", .syntax, "nnlearn has no dictionaries or sets"),
        BadInput("class A: pass", .syntax, "'class' is not supported"),
        BadInput("import os", .syntax, "'import' is not supported"),
        BadInput("del x", .syntax, "'del' is not supported"),
        BadInput("global x", .syntax, "'global' is not supported"),
        BadInput("yield 5", .syntax, "'yield' is not supported"),
        BadInput("try:\n    pass\nexcept:\n    pass", .syntax, "'try' is not supported"),
        BadInput("raise ValueError(\"x\")", .syntax, "'raise' is not supported"),
        BadInput("print(*[1, 2])", .syntax, "argument unpacking with '*' is not supported"),
        BadInput("def f(*args): pass", .syntax, "'*args' and '**kwargs' parameters are not supported"),
        BadInput("def f(a, a): pass", .syntax, "duplicate parameter 'a'"),
        BadInput("def f(a=1, b): pass", .syntax, "parameter without a default follows parameter with a default"),
        BadInput("x = [i for i in range(3) for j in range(2)]", .syntax, "nested comprehensions are not supported"),
        BadInput("x = b'abc'", .syntax, "byte strings are not supported"),
        // f-strings, numbers and escapes.
        BadInput("print(f\"{x\")", .syntax, "f-string: expected '}'"),
        BadInput("print(f\"{}\")", .syntax, "f-string: empty expression"),
        BadInput("x = 0x", .syntax, "invalid number '0x'"),
        BadInput("x = 1e", .syntax, "invalid number '1e'"),
        BadInput("x = 1.2.3", .syntax, "invalid number '1.2.3'"),
        BadInput("x = 08", .syntax, "leading zeros are not allowed"),
        BadInput("x = '\\x'", .syntax, "expected 2 hexadecimal digits"),
        BadInput("x = '\\u12'", .syntax, "expected 4 hexadecimal digits"),
    ]

    /// Indentation: unexpected indents and tabs mixed with spaces.
    static let indentation: [BadInput] = [
        BadInput("    x = 1", .syntax, "unexpected indent"),
        BadInput("x = 1\n  y = 2", .syntax, "unexpected indent"),
        BadInput("if True:\n\tx = 1\n        y = 2\n", .syntax, "inconsistent use of tabs and spaces"),
        BadInput("if True:\n    x = 1\n\ty = 2\n", .syntax, "inconsistent use of tabs and spaces"),
        BadInput("if True:\n  \tx = 1\n", .syntax, "inconsistent use of tabs and spaces"),
        BadInput(String(repeating: "\t", count: 10_000) + "x", .syntax, "unexpected indent"),
        BadInput((0..<1000).map { String(repeating: "    ", count: $0) + "if True:\n" }.joined()
                    + String(repeating: "    ", count: 1000) + "pass\n",
                 .syntax, "too many levels of indentation"),
    ]
}
