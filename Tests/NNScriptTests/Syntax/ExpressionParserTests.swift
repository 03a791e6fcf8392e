/// Every expression form, operator precedence and associativity, and locations.
import NNScript
import Testing

@Suite struct ExpressionParserTests {
    @Test(arguments: [
        ("-2**2", "(neg (** 2 2))"),
        ("2**-1", "(** 2 (neg 1))"),
        ("2**3**2", "(** 2 (** 3 2))"),
        ("a + b * c @ d", "(+ a (@ (* b c) d))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b // c % d", "(% (// (/ a b) c) d)"),
        ("W.T @ x + b ** 2", "(+ (@ (. W T) x) (** b 2))"),
        ("-x.y ** 2", "(neg (** (. x y) 2))"),
        ("+ - a", "(pos (neg a))"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("a < b <= c", "(cmp a < b <= c)"),
        ("a == b != c > d >= e", "(cmp a == b != c > d >= e)"),
        ("x in xs", "(cmp x in xs)"),
        ("x not in xs", "(cmp x not in xs)"),
        ("x is None", "(cmp x is None)"),
        ("x is not None", "(cmp x is not None)"),
        ("not a in b", "(not (cmp a in b))"),
        ("not not a", "(not (not a))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c and d", "(or (and a b) (and c d))"),
        ("a or b or c", "(or (or a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("a + 1 < b * 2 and c", "(and (cmp (+ a 1) < (* b 2)) c)"),
        ("x if c else y", "(ifexp c x y)"),
        ("a if b else c if d else e", "(ifexp b a (ifexp d c e))"),
        ("x or y if a and b else z", "(ifexp (and a b) (or x y) z)"),
        ("lambda: 0", "(lambda () 0)"),
        ("lambda x, k=2: x * k if x > 0 else -x", "(lambda (x k=2) (ifexp (cmp x > 0) (* x k) (neg x)))"),
        ("lambda a: lambda b: a + b", "(lambda (a) (lambda (b) (+ a b)))"),
        ("epoch % 10 == 0 and loss.item() < 0.05",
         "(and (cmp (% epoch 10) == 0) (cmp (call (. loss item)) < 0.05))"),
    ])
    func precedence(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test(arguments: [
        ("f()", "(call f)"),
        ("f(a, k=1)", "(call f a k=1)"),
        ("train(model, X, y, epochs=100, lr=0.5,)", "(call train model X y epochs=100 lr=0.5)"),
        ("model(X).sum().item()", "(call (. (call (. (call model X) sum)) item))"),
        ("a.b.c", "(. (. a b) c)"),
        ("x[1]", "(sub x 1)"),
        ("X[:, 1]", "(sub X (: _ _ _) 1)"),
        ("X[i:i+32]", "(sub X (: i (+ i 32) _))"),
        ("x[::-1]", "(sub x (: _ _ (neg 1)))"),
        ("X[0, -1]", "(sub X 0 (neg 1))"),
        ("x[1:]", "(sub x (: 1 _ _))"),
        ("x[:2]", "(sub x (: _ 2 _))"),
        ("x[::2, ::]", "(sub x (: _ _ 2) (: _ _ _))"),
        ("x[1,]", "(sub x 1)"),
        ("x[(0, 1)]", "(sub x (tuple 0 1))"),
        ("m[i][j]", "(sub (sub m i) j)"),
        ("f(x)[0].shape", "(. (sub (call f x) 0) shape)"),
        ("f(*xs)", "(call f *xs)"),
        ("f(a, *xs, k=1, **opts)", "(call f a *xs k=1 **opts)"),
        ("f(k=1, *xs)", "(call f k=1 *xs)"),
        ("f(**a, **b, k=1)", "(call f **a **b k=1)"),
        ("f(*a + b)", "(call f *(+ a b))"),
        ("d['lr']", "(sub d \"lr\")"),
    ])
    func postfix(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test(arguments: [
        ("42", "42"), ("0.5", "0.5"), ("'hi'", "\"hi\""), ("True", "True"), ("False", "False"),
        ("None", "None"), ("...", "..."), ("name", "name"),
        ("()", "(tuple)"), ("(a,)", "(tuple a)"), ("(a, b)", "(tuple a b)"), ("(a)", "a"),
        ("((a, b), c)", "(tuple (tuple a b) c)"),
        ("[]", "[]"), ("[1, 2]", "[1 2]"), ("[1, [2, 3],]", "[1 [2 3]]"),
        ("'a' \"b\" '''c'''", "\"abc\""),
        ("a, b", "(tuple a b)"), ("a,", "(tuple a)"),
        ("tensor([0.5, -0.3]), 0.1", "(tuple (call tensor [0.5 (neg 0.3)]) 0.1)"),
        ("{}", "{}"), ("{'a': 1}", "{\"a\": 1}"), ("{1: x, (1, 2): [3],}", "{1: x, (tuple 1 2): [3]}"),
        ("{**a, 'b': 2, **c}", "{**a, \"b\": 2, **c}"),
        ("{k: v if v else 0}", "{k: (ifexp v v 0)}"),
        ("{'f': lambda x: x}", "{\"f\": (lambda (x) x)}"),
    ])
    func atoms(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test(arguments: [
        ("[x for x in xs]", "[x for x in xs]"),
        ("[x for x in xs if x if x > 1]", "[x for x in xs if x if (cmp x > 1)]"),
        ("[x * y for x in a for y in b if x != y]", "[(* x y) for x in a for y in b if (cmp x != y)]"),
        ("[(x, y) for x in a if x for y in range(x)]", "[(tuple x y) for x in a if x for y in (call range x)]"),
        ("[[y for y in r] for r in m]", "[[y for y in r] for r in m]"),
        ("[k for k, v in d.items()]", "[k for (tuple k v) in (call (. d items))]"),
        ("{k: v for k, v in pairs}", "{k: v for (tuple k v) in pairs}"),
        ("{x: x * x for x in xs if x for y in ys}", "{x: (* x x) for x in xs if x for y in ys}"),
    ])
    func comprehensions(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test func expressionsMaySpanLinesInsideBrackets() throws {
        #expect(try tree("f(a,\n  b)") == "(call f a b)")
        #expect(try tree("[1,\n 2,\n]") == "[1 2]")
        #expect(try tree("{\n    'a': 1,\n    'b': 2,\n}") == "{\"a\": 1, \"b\": 2}")
    }

    @Test func locationsPointAtTheStart() throws {
        let sum = try Parser.parseExpression("a + b * c")
        guard case .binary(.add, let left, let right) = sum.kind else {
            Issue.record("expected an addition")
            return
        }
        #expect(sum.location == at(1, 1))
        #expect(left.location == at(1, 1))
        #expect(right.location == at(1, 5))

        let negation = try Parser.parseExpression("  -x")
        #expect(negation.location == at(1, 3))
        let tuple = try Parser.parseExpression("(1, 2)")
        #expect(tuple.location == at(1, 1))
        let list = try Parser.parseExpression("f([1])")
        guard case .call(_, let arguments) = list.kind else {
            Issue.record("expected a call")
            return
        }
        #expect(arguments[0].value.location == at(1, 3))
    }

    @Test func keywordArguments() throws {
        let call = try Parser.parseExpression("f(1, lr=0.1)")
        guard case .call(_, let arguments) = call.kind else {
            Issue.record("expected a call")
            return
        }
        #expect(arguments.map(\.label) == [nil, "lr"])
        #expect(arguments[1].value.kind == .number(0.1))
    }

    @Test func lambdaParameters() throws {
        let lambda = try Parser.parseExpression("lambda x, k=2: x")
        guard case .lambda(let parameters, _, _) = lambda.kind else {
            Issue.record("expected a lambda")
            return
        }
        #expect(parameters.map(\.name) == ["x", "k"])
        #expect(parameters[0].defaultValue == nil)
        #expect(parameters[1].defaultValue?.kind == .integer(2))
    }
}
