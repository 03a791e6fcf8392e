import Testing
@testable import NNScript

/// The shortcuts a call takes (an operator's operand straight into the frame, functions made from one shared
/// template, builtins bound by position, tuple methods from their table) give what the general path gives.
@Suite struct CallPathTests {
    @Test func operatorsReachMethodsOfEveryShape() {
        let source = """
            class A:
                def __init__(self, x):
                    self.x = x
                def __add__(self, other, scale=10):
                    return self.x + other * scale
                def __mul__(self, *others):
                    return self.x * others[0]
                def __sub__(self, other):
                    return self.x - other
            a = A(2)
            print(a + 3, a * 4, a - 5)
            """
        #expect(output(source) == "32 8 -3\n")
    }

    @Test func anOperatorMethodWithTooFewParametersIsATypeError() {
        let (_, error) = run("""
            class A:
                def __add__(self):
                    return 1
            A() + 1
            """)
        #expect(error?.kind == .type)
        #expect(error?.message == "__add__() takes 1 argument but 2 were given")
    }

    @Test func functionsFromOneDefinitionKeepTheirOwnDefaultsAndVariables() {
        let source = """
            def make(n):
                def f(k=n * 2):
                    return n + k
                return f
            fs = [make(i) for i in range(3)]
            print([f() for f in fs], [f(100) for f in fs], fs[0].__name__ if False else "ok")
            g = [lambda i=i: i * i for i in range(4)]
            print([h() for h in g])
            """
        #expect(output(source) == "[0, 3, 6] [100, 101, 102] ok\n[0, 1, 4, 9]\n")
    }

    @Test func aRecursiveFunctionSeesItsLaterRebinding() {
        let source = """
            def outer():
                def f(n):
                    return 0 if n == 0 else 1 + f(n - 1)
                first = f(3)
                def f(n):
                    return -1
                return first, f(3)
            print(outer())
            """
        #expect(output(source) == "(3, -1)\n")
    }

    @Test func builtinsBoundByPositionCheckTheirArguments() {
        #expect(output("print(isinstance(1, int), sum([1, 2], 10), round(2.567, 2))") == "True 13.0 2.57\n")
        let (_, missing) = run("isinstance(1)")
        #expect(missing?.message == "isinstance() missing required argument 'classes'")
        let (_, extra) = run("len([1], [2])")
        #expect(extra?.kind == .type)
    }

    @Test func tupleMethodsAreCalledFromTheirTable() {
        #expect(output("t = (1, 2, 2, 3)\nprint(t.count(2), t.index(3), t.index(2, 2))") == "2 3 2\n")
        let (_, error) = run("(1, 2).index(5)")
        #expect(error?.message == "tuple.index(x): x not in tuple")
        let (_, unknown) = run("(1, 2).append(3)")
        #expect(unknown?.kind == .attribute)
    }

    @Test func fastPathsGiveWhatTheGeneralPathGives() {
        let source = """
            s = set((1, 2.0, 2, "a"))
            s.add(3)
            s.add(1.0)
            t = []
            t.append(len(s))
            t.append(item=len("abc"))
            print(s, t, len(set()), len(set(None)), set(["x", "x", "y"]), isinstance(s, set), isinstance(1, (str, float)))
            """
        #expect(output(source) == "{1, 2.0, 'a', 3} [4, 3] 0 0 {'x', 'y'} True False\n")
        let (_, unhashable) = run("set(([\"a\"], 2))")
        #expect(unhashable?.message == "unhashable type: 'list'")
        let (_, keywordless) = run("s = set()\ns.add()")
        #expect(keywordless?.message == "add() missing required argument 'item'")
        let (_, extra) = run("[].append(1, 2)")
        #expect(extra?.kind == .type)
        let (_, badClass) = run("isinstance(1, 2)")
        #expect(badClass?.kind == .type)
    }

    @Test func setsAndDictsPastTheirIndexThresholdKeepOrderAndMembership() {
        let source = """
            s = set()
            for i in range(20):
                s.add(i % 12)
            s.remove(3)
            s.discard(100)
            print(len(s), 3 in s, 11 in s, list(s)[:4], list(s)[-2:])
            small = set(range(5))
            small.remove(0)
            small.add(0)
            print(list(small), 4 in small, 9 in small)
            d = {}
            for i in range(10):
                d[i * 2] = i
            del d[4]
            d[4] = "back"
            print(d[18], d[4], list(d)[-1], 6 in d, 5 in d, len(d))
            """
        #expect(output(source) == "11 False True [0, 1, 2, 4] [10, 11]\n[1, 2, 3, 4, 0] True False\n9 back 4 True False 10\n")
    }

    @Test func aFunctionNamingNothingLeavesItsMakersFrameToReferenceCounting() throws {
        let interpreter = Interpreter()
        let result = interpreter.runCell("""
            class Node:
                def __init__(self, name):
                    self.name = name
                    self.hook = lambda: None
                    self.answer = lambda: 42
            node = Node("n")
            print(node.hook(), node.answer(), node.name)
            """, file: "hooks.nn")
        #expect(result.output == "None 42 n\n")
        weak var watched: Instance?
        do {
            guard case .object(let node as Instance)? = interpreter.globals.lookup("node") else { Issue.record("no node"); return }
            watched = node
        }
        #expect(watched != nil)
        #expect(interpreter.runCell("node = None", file: "drop.nn").succeeded)
        // No frame holds the instance: nothing is left for the collector.
        #expect(watched == nil)
    }

    @Test func aFunctionThatNamesSomethingStillSeesItsMakersFrame() {
        let source = """
            def outer():
                value = 3
                quiet = lambda: None
                def inner():
                    return value + 1
                return quiet(), inner(), (lambda: [value for _ in range(2)])()
            print(outer())
            """
        #expect(output(source) == "(None, 4, [3, 3])\n")
        let (_, misspelt) = run("def outer():\n    value = 3\n    return lambda: valeu\nouter()()")
        #expect(misspelt?.hint == "did you mean 'value'?")
    }

    @Test func argumentsGoStraightIntoTheFrameOfEveryKindOfCallee() {
        let source = """
            class Node:
                count = 0
                def __init__(self, value, scale=2):
                    self.value = value * scale
                def __call__(self, x, y=1):
                    return self.value + x + y
                def add(self, other, extra=0):
                    return self.value + other + extra
            def f(a, b=10):
                return a + b
            square = lambda x, power=2: x ** power
            n = Node(3)
            print(f(1), f(1, 2), square(3), square(2, 3), n.value, Node(3, 1).value, n(1), n(1, 5), n.add(1), n.add(1, 2))
            """
        #expect(output(source) == "11 3 9 8 6 3 8 12 7 9\n")
    }

    @Test func argumentsRunBeforeTheInstanceIsMade() {
        // id() numbers instances in creation order: the argument's instance comes first, as in Python.
        let source = """
            class Node:
                def __init__(self, child=None):
                    self.child = child
            outer = Node(Node())
            print(id(outer.child) < id(outer))
            """
        #expect(output(source) == "True\n")
    }

    @Test func anInitializerReplacedWhileTheArgumentsRunIsTheOneCalled() {
        let source = """
            class Node:
                def __init__(self, x):
                    self.x = x
            def other(self, x):
                self.x = -x
            def swap():
                Node.__init__ = other
                return 5
            print(Node(swap()).x)
            """
        #expect(output(source) == "-5\n")
    }

    @Test func callsThatDoNotFitTheFrameStillExplainThemselves() {
        let (_, missing) = run("def f(a, b):\n    return a\nf(1)")
        #expect(missing?.message == "f() missing required argument 'b'")
        let (_, extra) = run("def f(a):\n    return a\nf(1, 2)")
        #expect(extra?.message == "f() takes 1 argument but 2 were given")
        let (_, returned) = run("class A:\n    def __init__(self):\n        return 1\nA()")
        #expect(returned?.message == "__init__() should return None, not an int")
        let (_, noSelf) = run("class A:\n    def m():\n        return 1\nA().m()")
        #expect(noSelf?.kind == .type)
        #expect(output("def f(a, *rest, k=0):\n    return a, rest, k\nprint(f(1, 2, 3, k=4), f(*(5, 6)))") == "(1, (2, 3), 4) (5, (6,), 0)\n")
    }
}
