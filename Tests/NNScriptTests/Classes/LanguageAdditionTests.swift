import Testing
@testable import NNScript

/// What class code reaches for: del, *args and **kwargs, sets, and the builtins reversed, any, all, map, filter, sum(start).
@Suite struct LanguageAdditionTests {
    @Test func deleteNamesItemsKeysAndAttributes() {
        #expect(output("x = 1\ndel x\nprint('x' in [n for n in ['y']])\nx") .contains("NameError: name 'x' is not defined"))
        #expect(output("xs = ['a', 'b', 'c', 'd', 'e']\ndel xs[0], xs[-1]\nprint(xs)\ndel xs[::2]\nprint(xs)") == "['b', 'c', 'd']\n['c']\n")
        #expect(output("d = {'a': 1, 'b': 2}\ndel d['a']\nprint(d)") == "{'b': 2}\n")
        #expect(output("class A:\n    pass\na = A()\na.x = 1\na.y = 2\ndel a.x\nprint(hasattr(a, 'x'), a.y)") == "False 2\n")
        #expect(run("d = {}\ndel d['k']").error?.kind == .key)
        #expect(run("xs = ['a']\ndel xs[3]").output.contains("IndexError"))
        #expect(run("del zz").output.contains("NameError: name 'zz' is not defined"))
        #expect(run("x = zeros(3)\ndel x[0]").output.contains("TypeError: a tensor does not support item deletion"))
        #expect(run("class A:\n    pass\ndel A().x").output.contains("AttributeError: 'A' object has no attribute 'x'"))
        #expect(run("x = 1\ndef f():\n    del x\nf()").output.contains("cannot delete 'x' here: it belongs to an enclosing scope"))
    }

    @Test func variadicParameters() {
        let define = "def f(a, *args, k=1, **kw):\n    return (a, args, k, kw)\n"
        #expect(output(define + "print(f(1), f(1, 2, 3, k=4, z=5, y=6), f(*(1, 2), **{'q': 0}))")
                == "(1, (), 1, {}) (1, (2, 3), 4, {'z': 5, 'y': 6}) (1, (2,), 1, {'q': 0})\n")
        #expect(output("def g(*args):\n    return len(args)\nprint(g(), g(1, 2, 3), (lambda *xs: sum(xs))(1, 2))") == "0 3 3\n")
        #expect(output("def h(x, *rest, key):\n    return key\nprint(h(1, 2, key=3))") == "3\n")
        #expect(run("def h(x, *rest, key):\n    return key\nh(1, 2)").output.contains("h() missing required argument 'key'"))
        #expect(run("def f(a, **kw):\n    return kw\nf(1, a=2)").output.contains("f() got multiple values for argument 'a'"))
        #expect(run("def f(a):\n    return a\nf(1, b=2)").output.contains("f() got an unexpected keyword argument 'b'"))
        #expect(output("def f(*args, **kwargs):\n    pass\nhelp(f)").hasPrefix("f(*args, **kwargs)\n"))
    }

    @Test func sets() {
        #expect(output("s = set()\ns.add('b')\ns.add('a')\ns.add('b')\nprint(s, len(s), 'a' in s, 'z' in s, 'z' not in s, [x for x in s])")
                == "{'b', 'a'} 2 True False True ['b', 'a']\n")
        #expect(output("s = {3, 1, 3, 'x'}\ns.discard(1)\ns.remove('x')\nprint(s, set(), set(('p', 'q')), type(s))") == "{3} set() {'p', 'q'} set\n")
        #expect(output("s = {1, 2}\ns.update((2, 5))\nt = s.copy()\nt.add(9)\nprint(s, t, s.pop(), s)") == "{2, 5} {1, 2, 5, 9} 1 {2, 5}\n")
        #expect(output("class A:\n    pass\na = A()\nseen = set()\nseen.add(a)\nseen.add(a)\nprint(len(seen), a in seen, A() in seen)") == "1 True False\n")
        #expect(output("class A:\n    pass\na, b = A(), A()\nprint({a, b} == {b, a}, {a} == {b}, {1, 2} == {2, 1.0}, {1} != {1, 2}, set() == set(), {1} == [1])")
                == "True False True True True False\n")
        #expect(run("s = set()\ns.remove('k')").error?.kind == .key)
        #expect(run("s = {[1, 'a']}").output.contains("unhashable type: 'list'"))
        #expect(run("{s for s in 'ab'}").error?.kind == .syntax)
    }

    @Test func iterationBuiltins() {
        #expect(output("print(reversed(['a', 'b', 'c']), reversed(range(3)), any([0, 0]), any([0, 'x']), all([]), all([1, 0]))")
                == "['c', 'b', 'a'] [2, 1, 0] False True True False\n")
        #expect(output("print(map(lambda x: x * 2, range(3)), map(lambda a, b: a + b, ['a', 'b'], ['c', 'd']), filter(lambda x: x > 1, range(4)), filter(None, [0, 1, '', 'a']))")
                == "[0, 2, 4] ['ac', 'bd'] [2, 3] [1, 'a']\n")
        #expect(output("print(sum(range(4)), sum(range(4), 10), sum([['a'], ['b']], []), sum(zeros(3) + 1))") == "6 16 ['a', 'b'] tensor(3.)\n")
        #expect(run("map(len)").output.contains("map() needs at least one iterable"))
    }
}
