import Testing
@testable import NNScript

/// Names resolved once after parsing, by Python's rule: a function's locals are slots of its frame, closures
/// reach enclosing frames by depth, globals are found by a precomputed hash, and top level and class bodies
/// look names up as they run.
@Suite struct ResolverTests {
    /// The name expressions of `statement`'s right-hand side or expression, in order, with their bindings.
    private func names(in expr: Expr) -> [(String, NameBinding)] {
        switch expr.kind {
        case .name(let name): return [(name, expr.binding)]
        case .binary(_, let left, let right): return names(in: left) + names(in: right)
        case .call(let callee, let arguments): return names(in: callee) + arguments.flatMap { names(in: $0.value) }
        default: return []
        }
    }

    @Test func functionLocalsAreSlotsParametersFirstAndOtherNamesAreGlobal() throws {
        let program = try Parser.parse("def f(a, b=c):\n    t = a + b\n    for i in xs:\n        u = i\n    def g():\n        return t + i + q\n    return t\n")
        guard case .function(let definition) = program[0].kind else { Issue.record("not a def"); return }
        #expect(definition.locals == ["a", "b", "t", "i", "u", "g"])
        // The default is read where the function is defined: at top level, by name.
        if case .name("c")? = definition.parameters[1].defaultValue?.kind {
            #expect(definition.parameters[1].defaultValue?.binding.kind == .dynamic)
        } else {
            Issue.record("default is not the name c")
        }
        guard case .assign(_, let value) = definition.body[0].kind else { Issue.record("not an assignment"); return }
        let read = names(in: value)
        #expect(read.map { $0.0 } == ["a", "b"])
        #expect(read.map { $0.1.kind } == [.frame, .frame])
        #expect(read.map { $0.1.slot } == [0, 1] && read.map { $0.1.depth } == [0, 0])
        guard case .function(let inner) = definition.body[2].kind, case .return(let returned?) = inner.body[0].kind else {
            Issue.record("no inner def"); return
        }
        #expect(inner.locals.isEmpty)
        let free = names(in: returned)
        #expect(free.map { $0.0 } == ["t", "i", "q"])
        #expect(free.map { $0.1.kind } == [.frame, .frame, .global])
        #expect(free.map { $0.1.depth } == [1, 1, 0] && free.map { $0.1.slot } == [2, 3, 0])
        #expect(free[2].1.hash == NameIndex.hash("q"))
    }

    @Test func localsGlobalsAndRebinding() {
        #expect(output("x = 10\ndef f(y):\n    z = x + y\n    x2 = z * 2\n    return x2\nprint(f(1), x)") == "22 10\n")
        // Assigning a name in a function never touches the global of that name.
        #expect(output("n = 1\ndef f():\n    n = 5\n    return n\nprint(f(), n)") == "5 1\n")
        // A function sees the global as it is when it runs, not when it was defined.
        #expect(output("def f():\n    return k * 2\nk = 3\nprint(f())\nk = 4\nprint(f())") == "6\n8\n")
        // Parameters bound by keyword, by default and by *args / **kwargs are slots like any other local.
        #expect(output("def f(a, b=2, *rest, **named):\n    c = a + b\n    return c, rest, named\nprint(f(1), f(b=5, a=1), f(1, 2, 3, 4, k=9))")
                == "(3, (), {}) (6, (), {}) (3, (3, 4), {'k': 9})\n")
        #expect(output("def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(10))") == "3628800\n")
    }

    @Test func closuresSeeLaterRebindingOfTheEnclosingVariable() {
        #expect(output("def outer():\n    x = 1\n    def get():\n        return x\n    x = 2\n    return get\nprint(outer()())") == "2\n")
        // Each call has its own frame: two closures keep two different variables.
        #expect(output("def make(k):\n    def add(v):\n        return v + k\n    return add\na = make(1)\nb = make(10)\nprint(a(1), b(1), a(2))")
                == "2 11 3\n")
        // Three levels deep, reading both enclosing frames.
        #expect(output("def a(x):\n    def b(y):\n        def c(z):\n            return x * 100 + y * 10 + z\n        return c\n    return b\nprint(a(1)(2)(3))")
                == "123\n")
        // Lambdas made in a loop all see the loop variable's last value, as in Python.
        #expect(output("def f():\n    fs = []\n    for i in range(3):\n        fs.append(lambda: i)\n    return [g() for g in fs]\nprint(f())")
                == "[2, 2, 2]\n")
        #expect(output("fs = [lambda: i for i in range(3)]\nprint([g() for g in fs])") == "[2, 2, 2]\n")
        #expect(output("print([(lambda: i * 10)() for i in range(3)])") == "[0, 10, 20]\n")
        // A closure over a mutable local sees it change.
        #expect(output("def counter():\n    counts = {'n': 0}\n    def bump():\n        counts['n'] += 1\n        return counts['n']\n    return bump\nc = counter()\nc()\nc()\nprint(c())")
                == "1\n2\n3\n")
    }

    @Test func comprehensionsHaveTheirOwnFrame() {
        #expect(output("def scale(xs, k):\n    return [x * k for x in xs]\nprint(scale(range(1, 3), 3))") == "[3, 6]\n")
        #expect(output("def pairs(n):\n    return [(i, j) for i in range(n) for j in range(i) if j != 1]\nprint(pairs(3))")
                == "[(1, 0), (2, 0)]\n")
        #expect(output("def f(ks):\n    base = 10\n    return {k: base + v for k, v in ks}\nprint(f([('a', 1), ('b', 2)]))") == "{'a': 11, 'b': 12}\n")
        // The first iterable is read outside the comprehension, so it may share the loop variable's name.
        #expect(output("x = ['a', 'b']\nprint([x * 2 for x in x], x)") == "['aa', 'bb'] ['a', 'b']\n")
        #expect(output("def f(x):\n    return [x + 1 for x in x]\nprint(f((5, 6)))") == "[6, 7]\n")
        // Loop variables do not leak out.
        let leaked = run("ys = [i for i in range(3)]\nprint(i)")
        #expect(leaked.error?.kind == .name)
        #expect(leaked.error?.message == "name 'i' is not defined")
    }

    @Test func classBodiesLookNamesUpAsTheyRunAndMethodsSkipThem() {
        #expect(output("class A:\n    a = 1\n    b = a + 1\n    def helper():\n        return 3\n    c = helper()\nprint(A.a, A.b, A.c)") == "1 2 3\n")
        // A method does not see the class's attributes as variables, as in Python.
        let hidden = run("class A:\n    dims = 2\n    def get(self):\n        return dims\nA().get()")
        #expect(hidden.error?.kind == .name)
        #expect(hidden.error?.message == "name 'dims' is not defined")
        // A class made inside a function: its body and its methods see the function's locals.
        #expect(output("def make():\n    k = 3\n    class A:\n        v = k + 1\n        def get(self):\n            return k * 2\n    return A\nA = make()\nprint(A.v, A().get())")
                == "4 6\n")
        #expect(output("class A:\n    xs = range(1, 3)\n    ys = [x * 2 for x in xs]\nprint(A.ys)") == "[2, 4]\n")
    }

    @Test func readingALocalBeforeItIsAssignedIsAnUnboundLocalError() {
        let early = run("x = 1\ndef f():\n    print(x)\n    x = 2\nf()")
        #expect(early.error?.kind == .unboundLocal)
        #expect(early.error?.message == "cannot access local variable 'x' where it is not associated with a value")
        #expect(early.error?.hint?.contains("local in the whole function") == true)
        #expect(early.error?.location?.line == 3)
        // `total += 1` reads the local too.
        let augmented = run("total = 0\ndef add():\n    total += 1\nadd()")
        #expect(augmented.error?.kind == .unboundLocal)
        #expect(augmented.error?.message == "cannot access local variable 'total' where it is not associated with a value")
        // A branch that did not run leaves the local unbound.
        let branch = run("def f(flag):\n    if flag:\n        y = 1\n    return y\nprint(f(True))\nf(False)")
        #expect(branch.output.hasPrefix("1\n"))
        #expect(branch.error?.kind == .unboundLocal)
        #expect(branch.error?.hint == "assign 'y' before reading it")
        // A closure reading a variable its enclosing function has not assigned yet.
        let free = run("def outer():\n    def inner():\n        return y\n    r = inner()\n    y = 1\n    return r\nouter()")
        #expect(free.error?.kind == .name)
        #expect(free.error?.message == "cannot access free variable 'y' where it is not associated with a value in enclosing scope")
    }

    @Test func deletingALocalUnbindsIt() {
        let deleted = run("def f():\n    x = 1\n    del x\n    return x\nf()")
        #expect(deleted.error?.kind == .unboundLocal)
        #expect(deleted.error?.location?.line == 4)
        #expect(output("def f():\n    x = 1\n    del x\n    x = 2\n    return x\nprint(f())") == "2\n")
        let outer = run("y = 1\ndef f():\n    del y\nf()")
        #expect(outer.error?.message == "cannot delete 'y' here: it belongs to an enclosing scope")
        let twice = run("def f():\n    z = 1\n    del z\n    del z\nf()")
        #expect(twice.error?.kind == .unboundLocal)
        #expect(run("g = 1\ndel g\nprint(g)").error?.message == "name 'g' is not defined")
    }

    @Test func undefinedNamesSuggestTheNearestVisibleName() {
        let typo = run("def f():\n    value = 1\n    return valeu\nf()")
        #expect(typo.error?.kind == .name)
        #expect(typo.error?.message == "name 'valeu' is not defined")
        #expect(typo.error?.hint == "did you mean 'value'?")
        let global = run("learning_rate = 0.1\ndef f():\n    return learning_rat\nf()")
        #expect(global.error?.hint == "did you mean 'learning_rate'?")
    }

    @Test func laterCellsAddGlobalsThatEarlierFunctionsSee() throws {
        let interpreter = Interpreter()
        _ = try interpreter.run("def f():\n    return g() + offset")
        #expect(interpreter.runCell("f()", file: "cell").error?.message == "name 'g' is not defined")
        _ = try interpreter.run("def g():\n    return 5\noffset = 1")
        #expect(interpreter.runCell("print(f())", file: "cell").output == "6\n")
        _ = try interpreter.run("offset = 10")
        #expect(interpreter.runCell("print(f())", file: "cell").output == "15\n")
        #expect(interpreter.userVariables.map(\.name) == ["f", "g", "offset"])
    }

    @Test func treesBuiltByHandStillRunByName() throws {
        // No resolver pass: every name is found by name, and locals go into the frame's table.
        let at = SourceLocation(line: 1, column: 1)
        let body = [Stmt(.assign(targets: [Expr(.name("t"), at: at)], value: Expr(.binary(.add, Expr(.name("a"), at: at), Expr(.name("k"), at: at)), at: at)), at: at),
                    Stmt(.return(Expr(.name("t"), at: at)), at: at)]
        let definition = FunctionDefinition(name: "f", parameters: [Parameter("a")], body: body)
        let interpreter = Interpreter()
        _ = try interpreter.run("k = 2")
        _ = try interpreter.execute([Stmt(.function(definition), at: at)])
        #expect(interpreter.runCell("print(f(40))", file: "cell").output == "42\n")
    }
}
