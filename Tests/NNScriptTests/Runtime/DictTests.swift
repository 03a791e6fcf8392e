import Testing
@testable import NNScript

/// Dicts as in Python: literals, lookups, methods, views, iteration order, printing and aliasing.
@Suite struct DictTests {
    @Test func literalsPrintAsPythonDoes() {
        let source = """
        print({}, {"a": 1, "b": 2.5, 3: "three", (1, 2): None, True: "t"})
        print({"lr": 0.1, "sizes": (2, 4, 1), "names": ["x", "y"], "inner": {"k": 'it\\'s'}})
        {"w": tensor([1.0, 2.0]), "b": 0}
        """
        #expect(output(source) == """
            {} {'a': 1, 'b': 2.5, 3: 'three', (1, 2): None, True: 't'}
            {'lr': 0.1, 'sizes': (2, 4, 1), 'names': ['x', 'y'], 'inner': {'k': "it's"}}
            {'w': tensor([1., 2.]), 'b': 0}

            """)
    }

    @Test func tensorsInsideADictPrintAsInsideAList() {
        #expect(output("print({'W': param([[1.0, 2.0], [3.0, 4.0]])})") == """
            {'W': tensor([[1., 2.],
                    [3., 4.]], requires_grad=True)}

            """)
        #expect(output("print([param([[1.0, 2.0], [3.0, 4.0]])])") == """
            [tensor([[1., 2.],
                    [3., 4.]], requires_grad=True)]

            """)
    }

    @Test func readingWritingAndMembership() {
        let source = """
        d = {"a": 1}
        d["b"] = 2
        d["a"] += 10
        d[1, 2] = "pair"
        print(d, d["a"], d[(1, 2)], len(d))
        print("a" in d, "z" in d, "z" not in d, 1 in {1.0: 0}, (1, 2) in d)
        """
        #expect(output(source) == "{'a': 11, 'b': 2, (1, 2): 'pair'} 11 pair 3\nTrue False True True True\n")
    }

    @Test func equalNumbersAreOneKeyAndTheFirstKeyStays() {
        #expect(output("d = {1: 'int'}\nd[1.0] = 'float'\nd[True] = 'bool'\nprint(d, len(d), d[1.0])") == "{1: 'bool'} 1 bool\n")
        #expect(output("print({'a': 1, 'a': 2, 'b': 3})") == "{'a': 2, 'b': 3}\n")
        #expect(output("f = lambda x: x\nd = {f: 'f', None: 'none', 0.5: 'half'}\nprint(d[f], d[None], d[0.5])") == "f none half\n")
    }

    @Test func iterationFollowsInsertionOrder() {
        let source = """
        d = {"z": 1, "a": 2}
        d["m"] = 3
        for k in d:
            print(k, d[k])
        for k, v in d.items():
            print(k, v)
        print(list(d), sorted(d), list(d.values()), tuple(d.items())[0], sum(d.values()))
        a, b, c = d
        print(a, b, c, [k for k in d], enumerate(d))
        """
        #expect(output(source) == """
            z 1
            a 2
            m 3
            z 1
            a 2
            m 3
            ['z', 'a', 'm'] ['a', 'm', 'z'] [1, 2, 3] ('z', 1) 6
            z a m ['z', 'a', 'm'] [(0, 'z'), (1, 'a'), (2, 'm')]

            """)
    }

    @Test func methods() {
        let source = """
        cfg = {"lr": 0.1, "epochs": 10}
        print(cfg.get("lr"), cfg.get("momentum"), cfg.get("momentum", 0.9), cfg.get(key="lr", default=1))
        print(cfg.pop("epochs"), cfg, cfg.pop("epochs", None), cfg.pop("epochs", 5))
        print(cfg.setdefault("lr", 1.0), cfg.setdefault("seed"), cfg.setdefault("batch", 32), cfg)
        cfg.update({"lr": 0.5}, epochs=3)
        cfg.update([("a", 1)])
        cfg.update(b=2)
        print(cfg)
        copy = cfg.copy()
        copy["lr"] = 1
        print(cfg["lr"], copy["lr"], copy == cfg)
        copy.clear()
        print(copy, len(copy))
        """
        #expect(output(source) == """
            0.1 None 0.9 0.1
            10 {'lr': 0.1} None 5
            0.1 None 32 {'lr': 0.1, 'seed': None, 'batch': 32}
            {'lr': 0.5, 'seed': None, 'batch': 32, 'epochs': 3, 'a': 1, 'b': 2}
            0.5 1 False
            {} 0

            """)
    }

    @Test func viewsAreLive() {
        let source = """
        d = {"a": 1}
        keys, values, items = d.keys(), d.values(), d.items()
        d["b"] = 2
        print(keys, values, items)
        print(len(keys), "b" in keys, 2 in values, ("a", 1) in items, list(keys))
        print(type(keys), type(d))
        """
        #expect(output(source) == """
            dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)])
            2 True True True ['a', 'b']
            dict_keys dict

            """)
    }

    @Test func dictBuiltin() {
        let source = """
        print(dict(), dict(lr=0.1, epochs=10), dict([("x", 1), ("y", 2)]), dict({"a": 1}, b=2))
        print(dict(zip(["p", "q"], range(2))), dict(**{"k": 1}), dict(enumerate(["a", "b"])))
        """
        #expect(output(source) == """
            {} {'lr': 0.1, 'epochs': 10} {'x': 1, 'y': 2} {'a': 1, 'b': 2}
            {'p': 0, 'q': 1} {'k': 1} {0: 'a', 1: 'b'}

            """)
    }

    @Test func aliasesShareOneDictAsListsDo() {
        let source = """
        d = {}
        e = d
        e["x"] = 1
        def add(table, key):
            table[key] = len(table)
        add(d, "y")
        nested = {"inner": d}
        nested["inner"]["z"] = 0
        print(d, e is d, e == d, d.copy() is d)
        """
        #expect(output(source) == "{'x': 1, 'y': 1, 'z': 0} True True False\n")
    }

    @Test func equalityTruthinessAndTypes() {
        let source = """
        print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 2} == {1.0: 2}, {1: 2} != {1: 3}, {} == {}, {"a": ["x"]} == {"a": ["x"]})
        print({} == [], not {}, not {"a": 0}, "yes" if {"k": 1} else "no", type({}), str({"a": None}))
        """
        #expect(output(source) == "True True True True True\nFalse True False yes dict {'a': None}\n")
    }

    @Test func dictsThatHoldThemselvesPrintAndCompare() {
        #expect(output("d = {}\nd['me'] = d\nprint(d, d == d, d['me'] is d)") == "{'me': {...}} True True\n")
        #expect(output("d = {'xs': []}\nd['xs'].append(d)\nprint(d)") == "{'xs': [{...}]}\n")
    }

    @Test func comprehensionsBuildDicts() {
        let source = """
        print({k: k * k for k in range(4) if k != 2})
        words = ["apple", "bob", "avocado"]
        print({w[0]: w for w in words}, {(i, j): i * j for i in range(2) for j in range(2)})
        print({**{"a": 1, "b": 2}, "b": 3, **{"c": 4}})
        """
        #expect(output(source) == """
            {0: 0, 1: 1, 3: 9}
            {'a': 'avocado', 'b': 'bob'} {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1}
            {'a': 1, 'b': 3, 'c': 4}

            """)
    }

    @Test func fStringsShowDicts() {
        #expect(output("d = {'lr': 0.1}\nprint(f\"{d} {d['lr']:.2f} { {'a': 1}['a'] } {{d}}\")") == "{'lr': 0.1} 0.10 1 {d}\n")
    }

    @Test func completionOffersTheMethods() {
        #expect(Interpreter.memberNames(of: .dict(DictStorage())) == ["keys", "values", "items", "get", "pop", "setdefault", "update", "copy", "clear"])
        #expect(output("help({})") == "dict: methods keys, values, items, get, pop, setdefault, update, copy, clear\n")
    }
}
