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
