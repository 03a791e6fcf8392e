/// Syntax errors: each with its exact message and line:column.
import NNScript
import Testing

@Suite struct SyntaxErrorTests {
    @Test(arguments: [
        // Blocks and layout.
        ("for i in range(3)\n    print(i)", "expected ':' after the for clause", 1, 18),
        ("if x\n    pass", "expected ':' after the if condition", 1, 5),
        ("while True\n    pass", "expected ':' after the while condition", 1, 11),
        ("def f()\n    pass", "expected ':' after the function signature", 1, 8),
        ("with no_grad()\n    pass", "expected ':' after the with clause", 1, 15),
        ("if x:\n    pass\nelse\n    pass", "expected ':' after 'else'", 3, 5),
        ("x = 1\n\nif x:\nprint(1)", "expected an indented block after 'if' on line 3", 4, 1),
        ("if x:\n    pass\nelse:\ny", "expected an indented block after 'else' on line 3", 4, 1),
        ("def f():\n# nothing\nx = 1", "expected an indented block after 'def' on line 1", 3, 1),
        ("  x = 1", "unexpected indent", 1, 3),
        ("x = 1\n    y = 2", "unexpected indent", 2, 5),
        ("if x:\n    a\n  b", "unindent does not match any outer indentation level", 3, 3),
        ("if x: for y in z: pass", "'for' cannot follow ':' on the same line", 1, 7),
        ("else: pass", "'else' without a matching 'if'", 1, 1),
        ("elif x: pass", "'elif' without a matching 'if'", 1, 1),
        // Brackets and strings.
        ("x = 1\ny = (2 +\n  3", "unclosed '(' opened at 2:5", 2, 5),
        ("x = [1, 2", "unclosed '[' opened at 1:5", 1, 5),
        ("x = )", "unmatched ')'", 1, 5),
        ("print(x y", "invalid syntax: 'x y' — did you forget an operator or a comma?", 1, 7),
        ("x y = '''text", "invalid syntax: 'x y' — did you forget an operator or a comma?", 1, 1),
        ("s = 'abc", "unterminated string", 1, 5),
        ("s = \"abc\nprint(s)", "unterminated string", 1, 5),
        // Expressions.
        ("x = 1 +", "expected an expression after '+'", 1, 8),
        ("y = 2 * (3 -)", "expected an expression after '-'", 1, 13),
        ("x = not", "expected an expression after 'not'", 1, 8),
        ("x = [,]", "expected an expression after '['", 1, 6),
        ("x = a if b", "expected 'else' after 'if' expression", 1, 11),
        ("x y", "invalid syntax: 'x y' — did you forget an operator or a comma?", 1, 1),
        ("x = [1 2]", "invalid syntax: '1 2' — did you forget an operator or a comma?", 1, 6),
        ("f(a) b", "invalid syntax: 'f(a) b' — did you forget an operator or a comma?", 1, 1),
        ("x.if", "expected a name after '.'", 1, 3),
        ("x[]", "expected an index inside '[]'", 1, 3),
        (":", "invalid syntax: unexpected ':'", 1, 1),
        ("in x", "invalid syntax: unexpected 'in'", 1, 1),
        ("x = lambda", "expected ':' after the lambda parameters", 1, 11),
        // Comparisons written as assignments.
        ("if a = b:\n    pass", "'=' is assignment; use '==' to compare", 1, 6),
        ("while n = 0: pass", "'=' is assignment; use '==' to compare", 1, 9),
        ("f(a.b=1)", "'=' is assignment; use '==' to compare", 1, 6),
        // Calls.
        ("train(model, lr=1, lr=2)", "keyword argument repeated: 'lr'", 1, 20),
        ("f(lr=1, 2)", "positional argument follows keyword argument", 1, 9),
        ("sum(i for i in y)", "generator expressions are not supported; use a for loop", 1, 7),
        ("f(**kw, x)", "positional argument follows keyword argument unpacking", 1, 9),
        ("f(**kw, *xs)", "iterable argument unpacking follows keyword argument unpacking", 1, 9),
        ("f(*)", "expected an expression after '*'", 1, 4),
        ("x = [i for i in y if]", "expected an expression after 'if'", 1, 21),
        ("x = [i for i in y for]", "expected an expression after 'for'", 1, 22),
        ("x = [i for i y]", "expected 'in' after the comprehension's variable", 1, 14),
        // Dicts.
        ("s = {x for x in y}", "set comprehensions are not supported in nnlearn", 1, 5),
        ("s = {1, *xs}", "unpacking inside a set display is not supported", 1, 9),
        ("d = {'a': 1, 'b'}", "expected ':' after the dict key", 1, 17),
        ("d = {'a' 1}", "invalid syntax: ''a' 1' — did you forget an operator or a comma?", 1, 6),
        ("d = {'a': }", "expected an expression after ':'", 1, 11),
        ("d = {'a': 1 :}", "expected ',' or '}'", 1, 13),
        ("d = {k: v for k in y if}", "expected an expression after 'if'", 1, 24),
        ("d = {**}", "expected an expression after '**'", 1, 8),
        // Keywords used as names.
        ("lambda = 3", "'lambda' is a keyword and cannot be a variable name", 1, 1),
        ("True = 1", "'True' is a keyword and cannot be a variable name", 1, 1),
        ("x, lambda = 1, 2", "'lambda' is a keyword and cannot be a variable name", 1, 4),
        ("for if in x: pass", "'if' is a keyword and cannot be a variable name", 1, 5),
        ("def f(lambda): pass", "'lambda' is a keyword and cannot be a parameter name", 1, 7),
        ("def if(): pass", "'if' is a keyword and cannot be a function name", 1, 5),
        ("with a as pass: pass", "'pass' is a keyword and cannot be a variable name", 1, 11),
        // Loops and functions.
        ("break", "'break' outside a loop", 1, 1),
        ("if x:\n    continue", "'continue' outside a loop", 2, 5),
        ("for x in y:\n    def g():\n        break", "'break' outside a loop", 3, 9),
        ("return 1", "'return' outside a function", 1, 1),
        ("for in in x: pass", "expected a loop variable after 'for'", 1, 5),
        ("for i range(3): pass", "expected 'in' after the loop variable", 1, 7),
        ("def f(a=1, b): pass", "parameter without a default follows parameter with a default", 1, 12),
        ("def f(a, a): pass", "duplicate parameter 'a'", 1, 10),
        ("def f(*, a): pass", "a bare '*' (keyword-only marker) is not supported", 1, 8),
        ("def f(**kw, a): pass", "'**kw' must be the last parameter", 1, 13),
        ("def f(*a, *b): pass", "only one '*' parameter is allowed", 1, 12),
        ("def f(*a=1): pass", "'*a' cannot have a default", 1, 9),
        ("def f(x: int): pass", "type annotations are not supported", 1, 8),
        ("def (x): pass", "expected a function name after 'def'", 1, 5),
        ("def f: pass", "expected '(' after the function name", 1, 6),
        ("def f() -> int: pass", "return annotations ('->') are not supported", 1, 9),
        ("with a, b: pass", "only one context manager per 'with' is supported", 1, 7),
        // Assignments.
        ("f() = 3", "cannot assign to a function call", 1, 1),
        ("model.forward(x) = y", "cannot assign to a function call", 1, 1),
        ("1 = x", "cannot assign to a literal", 1, 1),
        ("x + 1 = 2", "cannot assign to an expression", 1, 1),
        ("x == 1 = y", "cannot assign to a comparison", 1, 1),
        ("a, f() = 1, 2", "cannot assign to a function call", 1, 4),
        ("f() += 1", "cannot assign to a function call", 1, 1),
        ("a, b += 1", "augmented assignment needs a single target, not several", 1, 1),
        ("for x + 1 in y: pass", "cannot assign to an expression", 1, 5),
        ("a = f() = 0", "cannot assign to a function call", 1, 5),
        ("a = b = 1 = c", "cannot assign to a literal", 1, 9),
        ("x = lambda: x = 1", "cannot assign to a lambda", 1, 5),
        ("a = b += 1", "invalid syntax: unexpected '+='", 1, 7),
        // Python features nnlearn leaves out.
        ("import numpy as np", "'import' is not supported in nnlearn", 1, 1),
        ("class Net(A, B): pass", "a class may have one base class; multiple inheritance is not supported", 1, 12),
        ("class Net(metaclass=M): pass", "class keywords such as metaclass= are not supported", 1, 11),
        ("class (A): pass", "expected a class name after 'class'", 1, 7),
        ("class A:\n    return 1", "'return' outside a function", 2, 5),
        ("@property\ndef f(): pass", "decorators such as @property are not supported", 1, 1),
        ("del f()", "cannot delete a function call", 1, 5),
        ("del", "expected what to delete after 'del'", 1, 4),
        ("try:\n    x\nexcept: pass", "'try' is not supported in nnlearn", 1, 1),
    ] as [(String, String, Int, Int)])
    func messageAndLocation(source: String, message: String, line: Int, column: Int) {
        let error = syntaxError(source)
        #expect(error?.message == message)
        #expect(error?.location == at(line, column))
    }

    @Test func hints() {
        #expect(syntaxError("for i in range(3)\n    pass")?.suggestion == "add ':' at the end of the line")
        #expect(syntaxError("if x:\n    a\nelse if y:\n    b")?.suggestion == "write 'elif' instead of 'else if'")
        #expect(syntaxError("print \"hi\"")?.suggestion == "print is a function: write print(...)")
        #expect(syntaxError("if x:\nprint(1)")?.suggestion == "indent the body, e.g. by 4 spaces")
        #expect(syntaxError("{x for x in xs}")?.suggestion == "build a list and make it a set: set([x for x in xs])")
        #expect(syntaxError("class A(B, C): pass")?.suggestion == "keep one base, and hold the other as an attribute")
        #expect(syntaxError("x y")?.suggestion == nil)
    }

    @Test func spansCoverTheOffendingText() {
        #expect(syntaxError("model.forward(x) = y")?.length == 16)
        #expect(syntaxError("x y")?.length == 3)
        #expect(syntaxError("train(lr=1, lr=2)")?.length == 2)
        #expect(syntaxError("s = 'abc")?.length == 4)
    }

    @Test func parseExpressionRejectsTrailingInput() {
        #expect(throws: Diagnostic.self) { try Parser.parseExpression("a b") }
        #expect(throws: Diagnostic.self) { try Parser.parseExpression("") }
        #expect(throws: Diagnostic.self) { try Parser.parseExpression("x = 1") }
    }
}
