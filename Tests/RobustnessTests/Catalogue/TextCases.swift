/// Strange text: Unicode and emoji, very long lines, NUL bytes, binary garbage.
enum TextCases {
    /// Characters that cannot start or continue a name, and control characters.
    static let characters: [BadInput] = [
        BadInput("😀 = 1", .syntax, "invalid character '😀' in identifier"),
        BadInput("x = 1 😀 2", .syntax, "invalid character '😀'"),
        BadInput("x = 1\u{0}\nprint(x)", .syntax, "invalid control character U+0000"),
        BadInput("\u{0}\u{1}\u{2}", .syntax, "invalid control character U+0000"),
        BadInput("print('a\u{0}b')", .syntax, "invalid control character U+0000"),
        BadInput("x = 1\u{7}", .syntax, "invalid control character"),
        BadInput(String(decoding: garbage, as: UTF8.self), .syntax, "invalid"),
        BadInput("x = " + String(repeating: "y", count: 1_000_000), .name, "is not defined"),
        BadInput("x = 1 +" + String(repeating: " ", count: 1_000_000), .syntax, "expected an expression after '+'"),
        BadInput("x = [" + String(repeating: "1, ", count: 300_000) + "", .syntax, "unclosed '['"),
    ]

    /// Bytes from a seeded generator, decoded as a learner's editor might (invalid UTF-8 becomes U+FFFD).
    static let garbage: [UInt8] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<3000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }()
}

/// NaN and infinity are values, not errors: the exact text printed.
enum ValueCases {
    /// Programs that print nan, inf or -inf.
    static let all: [ValueCase] = [
        ValueCase("print(tensor(1.0) / 0)", "tensor(inf)\n"),
        ValueCase("print(tensor(-1.0) / 0)", "tensor(-inf)\n"),
        ValueCase("print(tensor(0.0) / 0)", "tensor(nan)\n"),
        ValueCase("print(log(tensor(0.0)))", "tensor(-inf)\n"),
        ValueCase("print(log(0))", "-inf\n"),
        ValueCase("print(float(\"nan\"))", "nan\n"),
        ValueCase("print(float(\"inf\") - float(\"inf\"))", "nan\n"),
        ValueCase("print(tensor(float(\"inf\")) - tensor(float(\"inf\")))", "tensor(nan)\n"),
        ValueCase("print(exp(1000))", "inf\n"),
        ValueCase("print(exp(tensor(1000.0)))", "tensor(inf)\n"),
        ValueCase("print(1e308 * 10)", "inf\n"),
        ValueCase("print(2 ** 100000)", "inf\n"),
        ValueCase("print((-8) ** 0.5)", "nan\n"),
        ValueCase("print(tensor(-8.0) ** 0.5)", "tensor(nan)\n"),
        ValueCase("print(sqrt(tensor(-1.0)))", "tensor(nan)\n"),
        ValueCase("print(round(float(\"inf\")))", "inf\n"),
        ValueCase("print(f\"{float('nan'):d}\")", "nan\n"),
        ValueCase("print(9223372036854775807 + 1)", "9.223372036854776e+18\n"),
        ValueCase("print(softmax(tensor([1000.0, 0.0])))", "tensor([1., 0.])\n"),
        ValueCase("print(tensor([1.0, float(\"nan\")]).sum())", "tensor(nan)\n"),
        // Found crashing before: labels and pixels that are not finite or too large.
        ValueCase("print(accuracy(tensor([[0.9]]), tensor([[1e300]])))", "0.0\n"),
        ValueCase("print(arange(1e308, -1e308, 1))", "tensor([])\n"),
        ValueCase("image(ones(64) * float(\"nan\"))", String(repeating: "\n", count: 8)),
        // Unicode names work.
        ValueCase("α = 1\nprint(α + 1)", "2\n"),
        ValueCase("größe = 3\nprint(größe * 2)", "6\n"),
        ValueCase("\u{FEFF}print(1)", "1\n"),
        ValueCase("print(1)\r\nprint(2)\r", "1\n2\n"),
        // Lists that hold themselves print and compare as in Python.
        ValueCase("x = []\nx.append(x)\nprint(x)", "[[...]]\n"),
        ValueCase("x = []\nx.append(x)\nprint(x == x, x in x)", "True True\n"),
        ValueCase("x = []\nx.append(x)\ny = []\ny.append(y)\nprint(x == y)", "False\n"),
        ValueCase("x = []\nfor i in range(1000):\n    x = [x]\nprint(len(str(x)))", "205\n"),
        // Dicts that hold themselves too, and keys that are not plain numbers.
        ValueCase("d = {}\nd[\"me\"] = d\nprint(d, d == d, d in [d])", "{'me': {...}} True True\n"),
        ValueCase("d = {}\nd[\"x\"] = d\ne = {}\ne[\"x\"] = e\nprint(d == e)", "False\n"),
        ValueCase("d = {}\nfor i in range(1000):\n    d = {\"x\": d}\nprint(len(str(d)))", "705\n"),
        // Found crashing before: a dict reached again through one of its views.
        ValueCase("d = {}\nxs = [d.values()]\nd[\"x\"] = xs\nprint(xs)", "[dict_values([[...]])]\n"),
        ValueCase("d = {\"a\": 1}\nd[\"v\"] = d.items()\nprint(d)", "{'a': 1, 'v': dict_items([...])}\n"),
        ValueCase("print({float(\"nan\"): 1}, {float(\"inf\"): 1, -0.0: 2, 0: 3})", "{nan: 1} {inf: 1, -0.0: 3}\n"),
    ]
}
