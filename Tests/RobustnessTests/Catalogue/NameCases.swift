/// Unknown names, attributes and keywords; wrong numbers of arguments.
enum NameCases {
    /// Names and attributes that do not exist.
    static let unknown: [BadInput] = [
        BadInput("undefined_name", .name, "name 'undefined_name' is not defined"),
        BadInput("prnt(1)", .name, "did you mean 'print'?"),
        BadInput("with open(\"f\") as f: pass", .name, "name 'open' is not defined"),
        BadInput("print(help(\"nope\"))", .name, "no help for 'nope'"),
        BadInput("x = tensor([1.0]); x.nope", .attribute, "tensor has no attribute 'nope'"),
        BadInput("\"abc\".nope()", .attribute, "str has no attribute 'nope'"),
        BadInput("(1).real", .attribute, "int has no attribute 'real'"),
        BadInput("None.x", .attribute, "None has no attribute 'x'"),
        BadInput("x = []; x.remove(1)", .attribute, "list has no attribute 'remove'"),
        BadInput("m = MLP([2, 1]); m.nope", .attribute, "no attribute 'nope'"),
    ]

    /// Calls with too many, too few or unknown arguments.
    static let arity: [BadInput] = [
        BadInput("len()", .type, "len() missing required argument 'x'"),
        BadInput("len(1, 2)", .type, "takes at most 1 positional argument but 2 were given"),
        BadInput("def g(a):\n    return a\ng(1, 2)", .type, "g() takes 1 argument but 2 were given"),
        BadInput("def g(a):\n    return a\ng()", .type, "g() missing required argument 'a'"),
        BadInput("def g(a):\n    return a\ng(b=3)", .type, "g() got an unexpected keyword argument 'b'"),
        BadInput("f = lambda x: x; f(1, 2)", .type, "<lambda>() takes 1 argument but 2 were given"),
        BadInput("str(tensor([1.0]), 2)", .type, "str() takes at most 1 positional argument"),
        BadInput("print(1, foo=2)", .type, "print() got an unexpected keyword argument 'foo'"),
        BadInput("zeros(2, 3).sum(1, 2, 3)", .type, "sum"),
    ]
}
