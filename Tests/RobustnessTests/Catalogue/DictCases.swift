/// Dicts and starred arguments: what Python raises for them, with nnlearn's hints.
enum DictCases {
    /// Missing keys, unhashable keys, wrong operations, changes while looping, bad `*` and `**`.
    static let all: [BadInput] = [
        // Missing keys.
        BadInput("d = {\"lr\": 0.1}\nd[\"lrr\"]", .key, "key 'lrr' is not in the dict — did you mean 'lr'?"),
        BadInput("d = {\"a\": 1, \"b\": 2}\nprint(d[\"zzz\"])", .key, "its keys: 'a', 'b'"),
        BadInput("d = {1: \"one\"}\nd[\"1\"]", .key, "the dict has the key 1, an int, not a str"),
        BadInput("d = {}\nd[\"x\"] += 1", .key, "the dict is empty"),
        BadInput("d = {}\nd.pop(\"x\")", .key, "key 'x' is not in the dict"),
        BadInput("d = dict(a=1)\nd[\"a\", \"b\"]", .key, "key ('a', 'b') is not in the dict"),
        // Keys that can change cannot be keys.
        BadInput("d = {}\nd[zeros(1)] = 1", .type, "unhashable type: 'tensor' — key by its number instead: x.item()"),
        BadInput("d = {}\nd[[1, 2]] = 1", .type, "unhashable type: 'tensor' — a list of numbers is a tensor"),
        BadInput("d = {[]: 1}", .type, "unhashable type: 'list' — use a tuple"),
        BadInput("d = {{}: 1}", .type, "unhashable type: 'dict'"),
        BadInput("d = {(1, []): 1}", .type, "unhashable type: 'list'"),
        BadInput("print([] in {})", .type, "unhashable type: 'list'"),
        BadInput("{}.get(param([1.0]))", .type, "unhashable type: 'tensor'"),
        BadInput("d = {x: 1 for x in [[1], [2]]}", .type, "unhashable type: 'tensor'"),
        BadInput("d = {}\nd[1:2]", .type, "unhashable type: 'slice'"),
        BadInput("t = ()\nfor i in range(200):\n    t = (t,)\nd = {t: 1}", .limit, "a dict key may nest tuples at most 100 deep"),
        // Operations dicts do not have.
        BadInput("{\"a\": 1} + {\"b\": 2}", .type, "unsupported operand types for +: dict and dict — to merge dicts write {**a, **b}"),
        BadInput("d = {}\nd += {\"a\": 1}", .type, "unsupported operand types for +: dict and dict"),
        BadInput("{1: 2} < {1: 3}", .type, "'<' is not supported between dict and dict"),
        BadInput("d = {\"a\": 1}\nd(\"a\")", .type, "'d' is a dict, which cannot be called — to read a key, use brackets: d[key]"),
        BadInput("d = {\"lr\": 1}\nd.lr", .attribute, "dict has no attribute 'lr' — to read the key 'lr', write d[\"lr\"]"),
        BadInput("d = {}\nd.iteritems()", .attribute, "dict has no attribute 'iteritems'"),
        BadInput("d = {\"a\": 1}\nd.keys()[0]", .type, "a dict_keys cannot be indexed — make a list first: list(d.keys())[0]"),
        BadInput("d = {\"a\": 1}\nd[0]", .key, "key 0 is not in the dict"),
        BadInput("d = {}\nd.get()", .type, "get() missing required argument 'key'"),
        // Changing a dict while looping over it.
        BadInput("d = {\"a\": 1}\nfor k in d:\n    d[k + \"!\"] = 0", .runtime, "dictionary changed size during iteration — loop over a copy"),
        BadInput("d = {\"a\": 1, \"b\": 2}\nfor k in d:\n    d.pop(k)", .runtime, "dictionary changed size during iteration"),
        BadInput("d = {\"a\": 1}\nfor k, v in d.items():\n    d.clear()", .runtime, "dictionary changed size during iteration"),
        BadInput("d = {\"a\": 1}\nfor k in d:\n    d.pop(k)\n    d[\"b\"] = 1", .runtime, "dictionary keys changed during iteration"),
        BadInput("d = {\"a\": 1}\nx = [d.setdefault(k + \"2\") for k in d]", .runtime, "dictionary changed size during iteration"),
        // Building dicts from the wrong things.
        BadInput("dict(5)", .type, "dict() needs a dict or (key, value) pairs, not an int"),
        BadInput("dict([1, 2])", .type, "cannot convert element #0 (float) to a (key, value) pair"),
        BadInput("dict([(\"a\", 1, 2)])", .value, "element #0 has more than 2 items; a (key, value) pair needs 2"),
        BadInput("dict({}, {})", .type, "dict expected at most 1 argument, got 2"),
        BadInput("d = {}\nd.update(1)", .type, "update() needs a dict or (key, value) pairs, not an int"),
        BadInput("d = {**[1]}", .type, "'**' in a dict needs a dict, not a tensor"),
        // Starred arguments.
        BadInput("print(*5)", .type, "print() argument after * must be an iterable, not int"),
        BadInput("def f(a):\n    return a\nf(**[(\"a\", 1)])", .type, "f() argument after ** must be a dict, not list"),
        BadInput("def f(a):\n    return a\nf(**{1: 2})", .type, "keywords must be strings, not int"),
        BadInput("def f(a):\n    return a\nf(a=1, **{\"a\": 2})", .type, "f() got multiple values for keyword argument 'a'"),
        BadInput("def f(a):\n    return a\nf(*[1, 2])", .type, "f() takes 1 argument but 2 were given"),
        BadInput("relu(**{\"z\": 1})", .type, "relu() got an unexpected keyword argument 'z'"),
        BadInput("f = lambda a: a\nf(*tensor(1.0))", .type, "a scalar tensor cannot be iterated"),
    ]
}
