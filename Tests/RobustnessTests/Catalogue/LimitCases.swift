/// Programs that would exhaust memory, the stack or time: each must stop with a message instead.
enum LimitCases {
    /// Allocations beyond the element limit.
    static let huge: [BadInput] = [
        BadInput("zeros(1000000, 1000000)", .shape, "has too many elements"),
        BadInput("ones(100000, 100000, 100000)", .shape, "has too many elements"),
        BadInput("randn(10**9)", .shape, "has too many elements"),
        BadInput("zeros(100000, 1) @ zeros(1, 100000)", .shape, "matmul: shape [100000, 100000] has too many elements"),
        BadInput("zeros(100000, 1) + zeros(1, 100000)", .shape, "add: shape [100000, 100000] has too many elements"),
        BadInput("print(\"a\" * 10**12)", .value, "a string can be repeated a whole number of times"),
        BadInput("print(len(range(10**18)))", .type, "range() expects a whole number"),
        BadInput("arange(0, 1e300, 1)", .shape, "arange: 1e+300 values are too many"),
        BadInput("Dense(100000, 100000)", .shape, "has too many elements"),
        BadInput("m = MLP([2, 1])\nboundary(m, tensor([[float(\"nan\"), 1.0], [0.0, 1.0]]), tensor([0, 1]))",
                 .value, "boundary() needs finite coordinates"),
        BadInput("image(zeros(64), height=3037000500, width=3037000500)", .shape, "64 values do not make images of 3037000500×3037000500"),
        BadInput("image(zeros(64), height=-3037000500, width=-3037000500)", .shape, "do not make images"),
    ]

    /// Building past the memory budget (run with a 64 MB budget): a MemoryError naming what was built.
    static let memory: [BadInput] = [
        BadInput("\"a\".ljust(10**12)", .memory, "a string of 1000000000000 characters: needs 931.3 GB"),
        BadInput("\"a\".center(10**15)", .memory, "a string of 1000000000000000 characters"),
        BadInput("(\"a\" * 10**6) * 10**6", .memory, "a string of 1000000000000 characters"),
        BadInput("x = \"a\" * 1000000\ny = x * 100", .memory, "a string of 100000000 characters"),
        BadInput("x = \"a\" * 1000000\ny = x\nfor i in range(100):\n    y = y + x", .memory, "characters: needs"),
        BadInput("(\"a\" * 70000).replace(\"a\", \"b\" * 1000)", .memory, "a string of"),
        BadInput("\",\".join([\"a\" * 100000] * 1000)", .memory, "a string of"),
        BadInput("a = zeros(2000, 2000)\nb = zeros(2000, 2000)\nc = zeros(2000, 2000)", .memory,
                 "full: a [2000, 2000] tensor: needs 31 MB, more than this session's memory budget of 64 MB allows (61 MB in use)"),
        BadInput("xs = []\nfor i in range(20):\n    xs.append(ones(1000, 1000))", .memory, "memory budget of 64 MB"),
        BadInput("a = ones(2000, 2000)\nb = a + a\nc = a @ b", .memory, "matmul: a [2000, 2000] tensor"),
        BadInput("a = ones(3000, 1000)\nb = a * 2 + a", .memory, "a [3000, 1000] tensor: took this session's tensor data past its memory budget of 64 MB"),
        BadInput("str(zeros(2000, 2000).tolist())", .memory, "a list of 4002000 items"),
        BadInput("[\"a\"] * 10**7", .memory, "a list of 10000000 items"),
        BadInput("x = list(range(10**7))", .memory, "a list of"),
        BadInput("x = [\"a\"]\nx.extend(range(10**7))", .memory, "a list of"),
        BadInput("t = (\"a\",)\nfor i in range(30):\n    t = t + t", .memory, "a list of"),
    ]

    /// Deep recursion and deep nesting.
    static let deep: [BadInput] = [
        BadInput("def r(n):\n    return r(n + 1)\nr(0)", .recursion, "maximum recursion depth (400) exceeded in r()"),
        BadInput("f = lambda n: f(n)\nf(1)", .recursion, "maximum recursion depth"),
        BadInput("def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(0)", .recursion, "maximum recursion depth"),
        BadInput("print(" + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + ")",
                 .syntax, "expression nested too deeply"),
        BadInput("print(" + String(repeating: "[", count: 100_000) + "1" + String(repeating: "]", count: 100_000) + ")",
                 .syntax, "expression nested too deeply"),
        BadInput("print(" + String(repeating: "-", count: 100_000) + "1)", .syntax, "expression nested too deeply"),
        BadInput("print(" + String(repeating: "not ", count: 100_000) + "1)", .syntax, "expression nested too deeply"),
        BadInput("x = 2" + String(repeating: " ** 2", count: 100_000), .syntax, "expression nested too deeply"),
        BadInput("x = 1" + String(repeating: " + 1", count: 200_000), .syntax, "expression nested too deeply"),
        BadInput("f" + String(repeating: "(1)", count: 10_000), .syntax, "expression nested too deeply"),
        BadInput("x = zeros(2)" + String(repeating: "[0]", count: 10_000), .syntax, "expression nested too deeply"),
        BadInput("x = []; x.append(x); tensor(x)", .value, "a list that holds itself"),
        BadInput("x = []; x.append(x); concat(x)", .value, "a list that holds itself"),
        BadInput("x = []; x.append(x); stack(x)", .value, "a list that holds itself"),
        BadInput("x = []; x.append(x); image(x)", .value, "a list that holds itself"),
        BadInput("x = []\nfor i in range(1000):\n    x = [x]\ntensor(x)", .value, "lists nested more than 64 deep"),
        BadInput("a = ()\nb = ()\nfor i in range(3000):\n    a = (a, 1)\n    b = (b, 2)\nprint(a < b)", .recursion,
                 "maximum depth exceeded in comparison: the items are nested more than 1000 levels deep"),
        BadInput("a = []\nb = []\nfor i in range(3000):\n    a = [a, 1]\n    b = [b, 2]\nprint(a <= b)", .recursion, "maximum depth exceeded in comparison"),
        BadInput("a = ()\nb = ()\nfor i in range(3000):\n    a = (a, 1)\n    b = (b, 2)\nsorted([a, b])", .recursion, "maximum depth exceeded in comparison"),
    ]

    /// Endless loops, stopped by the step budget.
    static let endless: [BadInput] = [
        BadInput("while True:\n    pass", .limit, "took more than 200000 steps"),
        BadInput("while True: keep = keep", .limit, "is there a loop that never ends?"),
        BadInput("n = 0\nwhile n >= 0:\n    n += 1", .limit, "steps and was stopped"),
        BadInput("for i in range(10**9):\n    pass", .limit, "steps and was stopped"),
        BadInput("def f():\n    while True:\n        pass\nf()", .limit, "steps and was stopped"),
        BadInput("x = [0 for i in range(10**9)]", .limit, "steps and was stopped"),
    ]
}
