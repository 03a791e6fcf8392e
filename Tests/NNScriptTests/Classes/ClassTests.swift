import Testing
@testable import NNScript

/// Classes as in Python: definitions, instances, inheritance, super(), attributes and the builtins about them.
@Suite struct ClassTests {
    static let point = """
        class Point:
            \"\"\"A point in the plane.\"\"\"
            dims = 2
            def __init__(self, x, y=0):
                self.x = x
                self.y = y
            def norm2(self):
                return self.x ** 2 + self.y ** 2
        class P3(Point):
            def __init__(self, x, y, z):
                super().__init__(x, y)
                self.z = z
            def norm2(self):
                return super().norm2() + self.z ** 2

        """

    @Test func instancesMethodsAndClassAttributes() {
        #expect(output(Self.point + "p = Point(3, 4)\nprint(p.norm2(), p.x, p.dims, Point.dims, Point(1).y, p)")
                == "25 3 2 2 0 <Point object>\n")
        #expect(output(Self.point + "print(Point.__doc__, Point.__name__, Point, Point(1).norm2)")
                == "A point in the plane. Point <class 'Point'> <bound method Point.norm2>\n")
        #expect(output(Self.point + "p = Point(1, 2)\np.x = 10\np.label = 'a'\nprint(p.norm2(), p.label, Point.norm2(p))") == "104 a 104\n")
        // Class attributes are shared until an instance sets its own.
        #expect(output(Self.point + "a = Point(0)\nb = Point(0)\na.dims = 3\nPoint.dims = 5\nprint(a.dims, b.dims)") == "3 5\n")
    }

    @Test func inheritanceAndSuper() {
        #expect(output(Self.point + "q = P3(1, 2, 2)\nprint(q.norm2(), q.x, q.z, isinstance(q, Point), isinstance(Point(1), P3))")
                == "9 1 2 True False\n")
        #expect(output(Self.point + "q = P3(1, 2, 2)\nprint(super(P3, q).norm2(), type(q) == P3, type(q).__name__)") == "5 True P3\n")
        // A method found in the base class runs with the subclass's instance.
        #expect(output("class A:\n    def who(self):\n        return self.name()\n    def name(self):\n        return 'A'\nclass B(A):\n    def name(self):\n        return 'B'\nprint(B().who(), A().who())")
                == "B A\n")
    }

    @Test func builtinsAboutObjects() {
        #expect(output(Self.point + "p = Point(1)\nprint(hasattr(p, 'x'), hasattr(p, 'z'), getattr(p, 'z', -1), getattr(p, 'x'))") == "True False -1 1\n")
        #expect(output(Self.point + "p = Point(1)\nsetattr(p, 'z', 7)\nprint(p.z, isinstance(2, (int, float)), isinstance(2.5, int), isinstance(True, int), isinstance('s', str))")
                == "7 True False True True\n")
        #expect(output("print(isinstance([1, 'a'], list), isinstance({}, dict), isinstance(set(), set), isinstance(zeros(2), tensor), type(3))")
                == "True True True True int\n")
        #expect(output(Self.point + "print(bool(Point(1)), repr('a'), repr(Point(0)))") == "True 'a' <Point object>\n")
    }

    @Test func helpShowsTheDocstringAndMethods() {
        #expect(output(Self.point + "help(P3)") == """
            class P3(Point)
            methods:
              __init__(self, x, y, z)
              norm2(self)
            class attributes: dims

            """)
        #expect(output(Self.point + "help(Point(1))").hasPrefix("class Point\nA point in the plane.\nmethods:\n  __init__(self, x, y=…)\n"))
    }

    @Test func attributeNamesForCompletion() throws {
        let interpreter = Interpreter()
        _ = try interpreter.run(Self.point + "q = P3(1, 2, 3)")
        let q = try #require(interpreter.globals.lookup("q"))
        #expect(Interpreter.memberNames(of: q) == ["x", "y", "z", "norm2", "dims"])
        #expect(interpreter.userVariables.map(\.name) == ["P3", "Point", "q"])
        #expect(q.typeName == "P3")
    }

    @Test func methodsDefinedInAClassSeeTheEnclosingScopeNotTheClassBody() {
        #expect(run("class A:\n    k = 1\n    def f(self):\n        return k\nA().f()").output.contains("NameError: name 'k' is not defined"))
        #expect(output("k = 5\nclass A:\n    k = 1\n    def f(self):\n        return k + self.k\nprint(A().f())") == "6\n")
    }

    @Test func methodArgumentsBindAsInPython() {
        let source = """
            class A:
                def m(self, a, b=2, *rest, c=3, **extra):
                    return (a, b, rest, c, sorted(extra))
                def each(*args):
                    return len(args)
                def __call__(self, x, y=10):
                    return x + y
            a = A()

            """
        #expect(output(source + "print(a.m(1), a.m(1, 5, 6, 7, c=4, z=0), A.m(a, a=9), a.m(b=1, a=0))")
                == "(1, 2, (), 3, []) (1, 5, (6, 7), 4, ['z']) (9, 2, (), 3, []) (0, 1, (), 3, [])\n")
        // The instance is the first of *args, through the instance, a bound method and the class.
        #expect(output(source + "f = a.each\nprint(a.each(), a.each(1, 2), f(1), A.each(), a(1), a(1, y=2), a(x=3))") == "1 3 2 0 11 3 13\n")
        #expect(run(source + "a.m(1, self=2)").output.contains("TypeError: m() got multiple values for argument 'self'"))
        #expect(run(source + "a.m()").output.contains("TypeError: m() missing required argument 'a'"))
        #expect(run(source + "a(1, 2, 3)").output.contains("TypeError: __call__() takes 3 arguments but 4 were given"))
        // A method taken from a class that is gone no longer knows its class: super() says so instead of failing.
        #expect(run("class A:\n    def m(self):\n        return super()\nf = A.m\ndel A\nf(1)").output.contains("RuntimeError: super() outside a method"))
    }

    @Test func mistakesAreExplained() {
        let typo = run(Self.point + "p = Point(1)\np.nrom2()")
        #expect(typo.error?.kind == .attribute)
        #expect(typo.output.contains("AttributeError: 'Point' object has no attribute 'nrom2'"))
        #expect(typo.output.contains("hint: did you mean 'norm2'?"))
        #expect(run(Self.point + "Point.zz").output.contains("AttributeError: type object 'Point' has no attribute 'zz'"))
        let noSelf = run("class A:\n    def m():\n        return 1\nA().m()").output
        #expect(noSelf.contains("TypeError: m() takes 0 arguments but 1 were given"))
        #expect(noSelf.contains("hint: a method receives the instance as its first argument: write def m(self) in class A"))
        let unbound = run(Self.point + "Point.norm2()").output
        #expect(unbound.contains("norm2() missing required argument 'self'"))
        #expect(unbound.contains("hint: norm2 is a method of Point: call it on an instance, p.norm2(…), or pass one: Point.norm2(p, …)"))
        #expect(run("class A:\n    def __init__(self):\n        return 3\nA()").output.contains("TypeError: __init__() should return None, not an int"))
        #expect(run("class A:\n    pass\nA(1)").output.contains("TypeError: A() takes no arguments"))
        #expect(run("class B(list):\n    pass").output.contains("a class can derive only from a class, not from a builtin function"))
        #expect(run("x = super()").output.contains("RuntimeError: super() outside a method"))
        #expect(run("def f():\n    return super()\nclass A:\n    def m(self):\n        return f()\nA().m()").output.contains("super() outside a method"))
        #expect(run("class A:\n    pass\nA()()").output.contains("TypeError: 'A' object is not callable"))
        #expect(run("class A:\n    pass\nA()[0]").output.contains("TypeError: 'A' object is not subscriptable"))
        #expect(run("class A:\n    pass\nlen(A())").output.contains("TypeError: object of type 'A' has no len()"))
        #expect(run("class A:\n    pass\nfor x in A():\n    pass").output.contains("TypeError: 'A' object is not iterable"))
        #expect(run("class A:\n    def __repr__(self):\n        return 1\nprint(A())").output == "<A object: __repr__ failed with TypeError: __repr__ returned an int, not a string>\n")
        #expect(run("class A:\n    def m(self):\n        return self.m()\nA().m()").error?.kind == .recursion)
    }
}
