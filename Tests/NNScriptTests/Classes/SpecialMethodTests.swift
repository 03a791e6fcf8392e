import Testing
@testable import NNScript

/// Operators and builtins reach an instance's special methods, with Python's reflected-operand rule.
@Suite struct SpecialMethodTests {
    static let vec = """
        class Vec:
            def __init__(self, *xs):
                self.xs = list(xs)
            def __add__(self, other):
                if not isinstance(other, Vec):
                    return NotImplemented
                return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
            def __sub__(self, other):
                return self + other * -1
            def __mul__(self, k):
                return Vec(*[a * k for a in self.xs])
            def __rmul__(self, k):
                return self * k
            def __truediv__(self, k):
                return self * (1 / k)
            def __rtruediv__(self, k):
                return Vec(*[k / a for a in self.xs])
            def __pow__(self, k):
                return Vec(*[a ** k for a in self.xs])
            def __rpow__(self, k):
                return Vec(*[k ** a for a in self.xs])
            def __rsub__(self, k):
                return Vec(*[k - a for a in self.xs])
            def __radd__(self, k):
                return Vec(*[k + a for a in self.xs])
            def __matmul__(self, other):
                return sum([a * b for a, b in zip(self.xs, other.xs)])
            def __neg__(self):
                return self * -1
            def __len__(self):
                return len(self.xs)
            def __getitem__(self, i):
                return self.xs[i]
            def __setitem__(self, i, v):
                self.xs[i] = v
            def __iter__(self):
                return self.xs
            def __contains__(self, v):
                return v in self.xs
            def __eq__(self, other):
                return isinstance(other, Vec) and self.xs == other.xs
            def __hash__(self):
                return hash(tuple(self.xs))
            def __lt__(self, other):
                return len(self) < len(other)
            def __le__(self, other):
                return len(self) <= len(other)
            def __repr__(self):
                return f"Vec({self.xs})"
            def __str__(self):
                return "<" + ", ".join([str(x) for x in self.xs]) + ">"
            def __call__(self, k):
                return self.xs[k]
            def __bool__(self):
                return len(self.xs) > 0
        v = Vec(1, 2)
        w = Vec(3, 4)

        """

    @Test func arithmeticAndReflectedOperands() {
        #expect(output(Self.vec + "print(v + w, v - w, v * 3, 3 * v, w / 2, 12 / w, v ** 2, 2 ** v, 10 - v, 1 + v, -v, v @ w)")
                == "<4, 6> <-2, -2> <3, 6> <3, 6> <1.5, 2.0> <4.0, 3.0> <1, 4> <2, 4> <9, 8> <2, 3> <-1, -2> 11\n")
        #expect(output(Self.vec + "a = v\na += w\nprint(a, v)") == "<4, 6> <1, 2>\n")
        // __add__ returns NotImplemented for an int and there is no __radd__ on int: a TypeError.
        let declined = run(Self.vec + "v + 1")
        #expect(declined.error?.kind == .type)
        #expect(declined.output.contains("unsupported operand type(s) for +: 'Vec' and 'int'"))
        #expect(run("class V:\n    pass\n1 - V()").output.contains("unsupported operand type(s) for -: 'int' and 'V'\n    1 - V()\n    ^\nhint: define __rsub__ in class V"))
        #expect(run("class V:\n    pass\n-V()").output.contains("bad operand type for unary -: 'V'"))
    }

    @Test func aSubclassesReflectedMethodGoesFirst() {
        let source = """
            class A:
                def __add__(self, other):
                    return "A.add"
            class B(A):
                def __radd__(self, other):
                    return "B.radd"
            print(A() + B(), B() + A(), A() + A())
            """
        #expect(output(source) == "B.radd A.add A.add\n")
    }

    @Test func comparisons() {
        #expect(output(Self.vec + "print(v == Vec(1, 2), v != Vec(1, 2), v == w, v < Vec(1, 2, 3), Vec(1, 2, 3) > v, v <= w, v >= w)")
                == "True False False True True True True\n")
        // Without __eq__, == is identity; ordering is a TypeError.
        #expect(output("class A:\n    pass\na = A()\nprint(a == a, a == A(), a != A(), a is a)") == "True False True True\n")
        #expect(run("class A:\n    pass\nA() < A()").output.contains("TypeError: '<' is not supported between instances of 'A' and 'A'"))
    }

    @Test func containersAndProtocols() {
        #expect(output(Self.vec + "v[0] = 10\nprint(len(v), v[0], 2 in v, 7 in v, [x * 2 for x in v], list(v), v(1), sum(v))")
                == "2 10 True False [20, 4] [10, 2] 2 12\n")
        #expect(output(Self.vec + "print(bool(Vec()), 'yes' if v else 'no', not Vec(), hash(v) == hash((1, 2)))") == "False yes True True\n")
        #expect(output(Self.vec + "print(v, repr(v), str(v), f\"{v}\", [v], {'k': v})") == "<1, 2> Vec([1, 2]) <1, 2> <1, 2> [Vec([1, 2])] {'k': Vec([1, 2])}\n")
        // __len__ stands in for __bool__.
        #expect(output("class L:\n    def __len__(self):\n        return 0\nprint(bool(L()), 'yes' if L() else 'no')") == "False no\n")
    }

    @Test func hashingFollowsPython() {
        // The same numbers CPython gives (hash(1.5), hash(-1), tuples, whole floats equal to ints).
        #expect(output("print(hash(1.5), hash(-1), hash(2.0) == hash(2), hash((1, 2)), hash(1e300), hash(-2.5e-8), hash(True))")
                == "1152921504606846977 -2 True -3550055125485641917 1224995262755759164 -789396629831109982 1\n")
        #expect(run("class A:\n    def __eq__(self, o):\n        return True\nhash(A())").output.contains("TypeError: unhashable type: 'A'"))
        #expect(run("hash([1, 'a'])").output.contains("TypeError: unhashable type: 'list'"))
        #expect(output("class A:\n    pass\na = A()\nb = A()\nprint(hash(a) == hash(a), hash(a) == hash(b), id(a) == id(a), id(a) == id(b))") == "True False True False\n")
        #expect(run("id(3)").output.contains("TypeError: id() of an int"))
    }
}
