import Testing
@testable import NNScript

/// `f(*items)` and `f(**entries)`, as in Python, for functions, builtins and methods.
@Suite struct CallUnpackingTests {
    @Test func starredItemsBecomePositionalArguments() {
        let source = """
        def f(a, b, c=0):
            return a * 100 + b * 10 + c
        pair = (1, 2)
        print(f(*pair), f(*pair, 3), f(0, *(5,)), f(*range(3)), f(*{2: "x", 3: "y"}))
        print(*["a", "b"], *("c",), sep="-")
        print(*"ab", *[])
        print(max(*range(5)), zeros(*(2, 3)).shape)
        """
        #expect(output(source) == "120 123 50 12 230\na-b-c\na b\n4 (2, 3)\n")
    }

    @Test func aDictSpreadsIntoKeywordArguments() {
        let source = """
        def f(a, b, c=0):
            return a * 100 + b * 10 + c
        options = {"b": 2, "c": 3}
        print(f(1, **options), f(**{"a": 1, "b": 0}), f(*(1,), c=9, **{"b": 1}))
        print("x", "y", **{"sep": "+", "end": "!\\n"})
        m = MLP(**{"sizes": [2, 3, 1], "seed": 0})
        print(m.parameter_count)
        """
        #expect(output(source) == "123 100 119\nx+y!\n13\n")
    }
}
