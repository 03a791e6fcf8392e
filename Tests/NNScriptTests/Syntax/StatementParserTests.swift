/// Every statement form: assignments, blocks, functions, docstrings and locations.
import NNScript
import Testing

@Suite struct StatementParserTests {
    @Test(arguments: [
        ("x = 1", "(= x 1)"),
        ("w, b = tensor([0.5, -0.3]), 0.1", "(= (tuple w b) (tuple (call tensor [0.5 (neg 0.3)]) 0.1))"),
        ("a, b = b, a", "(= (tuple a b) (tuple b a))"),
        ("(a, b), c = pair, 3", "(= (tuple (tuple a b) c) (tuple pair 3))"),
        ("[a, b] = xs", "(= [a b] xs)"),
        ("x, = xs", "(= (tuple x) xs)"),
        ("model.w = w", "(= (. model w) w)"),
        ("X[:, 0] = 0", "(= (sub X (: _ _ _) 0) 0)"),
        ("x += 1", "(+= x 1)"),
        ("x -= 1", "(-= x 1)"),
        ("p.data *= 0.5", "(*= (. p data) 0.5)"),
        ("x /= n", "(/= x n)"),
        ("x //= 2", "(//= x 2)"),
        ("x %= 3", "(%= x 3)"),
        ("x **= 2", "(**= x 2)"),
        ("h @= W", "(@= h W)"),
        ("p -= lr * p.grad", "(-= p (* lr (. p grad)))"),
        ("print(x)", "(call print x)"),
        ("X[:, 1]; X[i:i+32]; X[0, -1]; W.T @ x + b ** 2",
         "(sub X (: _ _ _) 1)\n(sub X (: i (+ i 32) _))\n(sub X 0 (neg 1))\n(+ (@ (. W T) x) (** b 2))"),
        ("f = lambda x, k=2: x * k if x > 0 else -x",
         "(= f (lambda (x k=2) (ifexp (cmp x > 0) (* x k) (neg x))))"),
        ("assert 0 <= p < 1, \"p out of range\"", "(assert (cmp 0 <= p < 1) \"p out of range\")"),
        ("assert ok", "(assert ok)"),
        ("class A:\n    x = 1\n    def f(self, *args, **kw):\n        pass", "(class A (= x 1) (def f (self *args **kw) (pass)))"),
        ("class B(A): pass", "(class B (A) (pass))"),
        ("class B(nn.Module,): pass", "(class B ((. nn Module)) (pass))"),
        ("del x, xs[0], d['k'], a.b", "(del x (sub xs 0) (sub d \"k\") (. a b))"),
        ("s = {1, 'a'}", "(= s (set 1 \"a\"))"),
        ("f = lambda *xs: xs", "(= f (lambda (*xs) xs))"),
        ("pass", "(pass)"),
        ("x = 1;", "(= x 1)"),
        ("a = b = 0", "(= a b 0)"),
        ("x = y[0] = m.w = f(z)", "(= x (sub y 0) (. m w) (call f z))"),
        ("a, b = c = 1, 2", "(= (tuple a b) c (tuple 1 2))"),
        ("d['k'] = {}", "(= (sub d \"k\") {})"),
        ("...", "..."),
    ])
    func simpleStatements(source: String, expected: String) throws {
        #expect(try program(source) == expected)
    }

    @Test(arguments: [
        ("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w", "(if (a x) (b y) (c z) (else w))"),
        ("if a:\n    x", "(if (a x))"),
        ("if x: pass", "(if (x (pass)))"),
        ("if x: a = 1; b = 2\nelse: c = 3", "(if (x (= a 1) (= b 2)) (else (= c 3)))"),
        ("for i in range(3):\n    print(i)", "(for i (call range 3) (call print i))"),
        ("for i, (x, y) in enumerate(pairs):\n    pass", "(for (tuple i (tuple x y)) (call enumerate pairs) (pass))"),
        ("for x in a, b: pass", "(for x (tuple a b) (pass))"),
        ("for p in model.params:\n    p -= lr * p.grad", "(for p (. model params) (-= p (* lr (. p grad))))"),
        ("while n > 0:\n    n -= 1\n    if n == 5:\n        break\n    continue",
         "(while (cmp n > 0) (-= n 1) (if ((cmp n == 5) (break))) (continue))"),
        ("with no_grad():\n    y = f(x)", "(with (call no_grad) (= y (call f x)))"),
        ("with open(p) as f: pass", "(with (call open p) as f (pass))"),
        ("def f(): return", "(def f () (return))"),
        ("def f(a, b=1):\n    return a + b", "(def f (a b=1) (return (+ a b)))"),
        ("def pair():\n    return 1, 2", "(def pair () (return (tuple 1 2)))"),
    ])
    func compoundStatements(source: String, expected: String) throws {
        #expect(try program(source) == expected)
    }

    @Test func theTrainingLoopExample() throws {
        let source = """
            def train(model, X, y, epochs=100, lr=0.5):
                \"\"\"Train and return the losses.\"\"\"
                losses = []
                for epoch in range(epochs):
                    loss = bce(model(X), y)
                    loss.backward()
                    with no_grad():
                        for p in model.params:
                            p -= lr * p.grad
                    model.zero_grad()
                    if epoch % 10 == 0 and loss.item() < 0.05:
                        print(f"epoch {epoch}: loss {loss.item():.4f}")
                        break
                return losses
            w, b = tensor([0.5, -0.3]), 0.1
            """
        let statements = try Parser.parse(source)
        #expect(statements.count == 2)
        guard case .function(let train) = statements[0].kind else {
            Issue.record("expected a function")
            return
        }
        #expect(train.name == "train")
        #expect(train.parameters.map(tree) == ["model", "X", "y", "epochs=100", "lr=0.5"])
        #expect(train.docstring == "Train and return the losses.")
        #expect(train.body.count == 4)
        #expect(tree(train.body[2]) == """
            (for epoch (call range epochs) (= loss (call bce (call model X) y)) (call (. loss backward)) \
            (with (call no_grad) (for p (. model params) (-= p (* lr (. p grad))))) (call (. model zero_grad)) \
            (if ((and (cmp (% epoch 10) == 0) (cmp (call (. loss item)) < 0.05)) \
            (call print (f "epoch " {epoch} ": loss " {(call (. loss item)):.4f})) (break))))
            """)
        #expect(statements[1].location == at(15, 1))
        #expect(train.body[2].location == at(4, 5))
    }

    @Test func docstringsAreCleanedAndKeptInTheBody() throws {
        let source = "def f(x):\n    \"\"\"\n    Double x.\n\n      Returns a tensor.\n    \"\"\"\n    return 2 * x\n"
        guard case .function(let f) = try Parser.parse(source)[0].kind else {
            Issue.record("expected a function")
            return
        }
        #expect(f.docstring == "Double x.\n\n  Returns a tensor.")
        #expect(f.body.count == 2)

        guard case .function(let g) = try Parser.parse("def g():\n    x = 'no'\n    'late'")[0].kind else {
            Issue.record("expected a function")
            return
        }
        #expect(g.docstring == nil)
        guard case .function(let h) = try Parser.parse("def h():\n    f'{x}'")[0].kind else {
            Issue.record("expected a function")
            return
        }
        #expect(h.docstring == nil)
    }

    @Test func statementLocations() throws {
        let statements = try Parser.parse("x = 1\nif x:\n    y = 2\n  # comment\n    z = 3\nw")
        #expect(statements.map(\.location) == [at(1, 1), at(2, 1), at(6, 1)])
        guard case .if(let branches, _) = statements[1].kind else {
            Issue.record("expected an if")
            return
        }
        #expect(branches[0].body.map(\.location) == [at(3, 5), at(5, 5)])
    }

    @Test func breakInsideNestedBlocksOfALoopIsAllowed() throws {
        let source = "for x in xs:\n    with ctx():\n        if x:\n            break\n"
        #expect(try program(source) == "(for x xs (with (call ctx) (if (x (break)))))")
    }

    @Test func emptyAndCommentOnlyPrograms() throws {
        #expect(try Parser.parse("").isEmpty)
        #expect(try Parser.parse("# nothing\n\n").isEmpty)
    }
}
