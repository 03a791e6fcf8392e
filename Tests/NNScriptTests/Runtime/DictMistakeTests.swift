import Testing
@testable import NNScript

/// Mistakes with dicts and starred arguments: Python's error kinds, located, with a hint.
@Suite struct DictMistakeTests {
    @Test func aMissingKeySuggestsTheNearestKey() {
        let (text, error) = run("config = {\"lr\": 0.1, \"epochs\": 10}\nconfig[\"lrr\"]")
        #expect(error?.kind == .key)
        #expect(text == """
            test.nn:2:1: error: KeyError: key 'lrr' is not in the dict
                config["lrr"]
                ^
            hint: did you mean 'lr'?

            """)
    }

    @Test func aMissingKeyListsTheKeysOrNamesAKeyOfAnotherType() {
        #expect(run("d = {'a': 1, 'b': 2}\nd['zzz']").output.contains(
            "KeyError: key 'zzz' is not in the dict\n    d['zzz']\n    ^\nhint: its keys: 'a', 'b'; d.get(key, default) gives a default for a missing key"))
        #expect(run("d = {1: 'one'}\nd['1']").output.contains("hint: the dict has the key 1, an int, not a str"))
        #expect(run("d = {}\nd.pop('x')").output.contains("KeyError: key 'x' is not in the dict\n    d.pop('x')\n    ^\nhint: the dict is empty"))
        let many = run("d = {i: i for i in range(20)}\nd[99]").output
        #expect(many.contains("hint: its keys: 0, 1, 2, 3, 4, 5, 6, 7, … (20 in all);"))
    }

    @Test func unhashableKeysSayWhatToUse() {
        let (text, error) = run("counts = {}\nw = param([0.5])\ncounts[w] = 1")
        #expect(error?.kind == .type)
        #expect(text == """
            test.nn:3:8: error: TypeError: unhashable type: 'tensor'
                counts[w] = 1
                       ^
            hint: key by its number instead: x.item()

            """)
        #expect(run("d = {}\nd[[1, 2]]").output.contains("hint: a list of numbers is a tensor; key by a number (x.item()) or by a tuple"))
        #expect(run("d = {[]: 1}").output.contains("TypeError: unhashable type: 'list'\n    d = {[]: 1}\n         ^\nhint: use a tuple, which cannot change: tuple(items)"))
        #expect(run("{}.get({})").output.contains("TypeError: unhashable type: 'dict'"))
        #expect(run("zeros(1) in {}").output.contains("TypeError: unhashable type: 'tensor'"))
    }

    @Test func changingADictWhileLoopingOverItIsARuntimeError() {
        let (text, error) = run("d = {'a': 1, 'b': 2}\nfor k in d:\n    d.pop(k)")
        #expect(error?.kind == .runtime)
        #expect(text == """
            test.nn:2:10: error: RuntimeError: dictionary changed size during iteration
                for k in d:
                         ^
            hint: loop over a copy of the keys instead: for key in list(d):

            """)
        #expect(run("d = {'a': 1}\nfor k in d:\n    d.pop(k)\n    d['b'] = 2").output.contains("RuntimeError: dictionary keys changed during iteration"))
        #expect(run("d = {'a': 1}\nfor v in d.values():\n    d['n'] = v").output.contains("RuntimeError: dictionary changed size during iteration"))
        #expect(output("d = {'a': 1, 'b': 2}\nfor k in list(d):\n    d.pop(k)\nfor k in d:\n    d[k] = 0\nprint(d)") == "{}\n")
        #expect(output("d = {'a': 1}\nfor k in d:\n    d[k] = 5\n    d['new'] = 1\n    break\nprint(d)") == "{'a': 5, 'new': 1}\n")
    }

    @Test func wrongOperations() {
        #expect(run("{'a': 1} + {'b': 2}").output.contains("TypeError: unsupported operand types for +: dict and dict\n    {'a': 1} + {'b': 2}\n    ^\nhint: to merge dicts write {**a, **b}, or update a copy: c = a.copy(); c.update(b)"))
        #expect(run("d = {}\nd('a')").output.contains("TypeError: 'd' is a dict, which cannot be called\n    d('a')\n    ^\nhint: to read a key, use brackets: d[key]"))
        #expect(run("d = {'lr': 1}\nd.lr").output.contains("AttributeError: dict has no attribute 'lr'\n    d.lr\n      ^~\nhint: to read the key 'lr', write d[\"lr\"]"))
        #expect(run("d = {}\nd.has_key('a')").output.contains("AttributeError: dict has no attribute 'has_key'"))
        #expect(run("{1: 2} < {3: 4}").output.contains("TypeError: '<' is not supported between dict and dict"))
        #expect(run("d = {'a': 1}\nd[0:1]").output.contains("TypeError: unhashable type: 'slice'"))
        #expect(run("d = {'a': 1}\nd.keys()[0]").output.contains("TypeError: a dict_keys cannot be indexed\n    d.keys()[0]\n    ^\nhint: make a list first: list(d.keys())[0]"))
    }

    @Test func badSourcesForDictAndUpdate() {
        #expect(run("dict([1, 2])").output.contains("TypeError: cannot convert element #0 (float) to a (key, value) pair"))
        #expect(run("dict([('a', 1, 2)])").output.contains("ValueError: element #0 has more than 2 items; a (key, value) pair needs 2"))
        #expect(run("dict([('a',)])").output.contains("ValueError: element #0 has 1 item; a (key, value) pair needs 2"))
        #expect(run("dict({}, {})").output.contains("TypeError: dict expected at most 1 argument, got 2"))
        #expect(run("d = {}\nd.update(5)").output.contains("TypeError: update() needs a dict or (key, value) pairs, not an int"))
        #expect(run("x = {**[1]}").output.contains("TypeError: '**' in a dict needs a dict, not a tensor"))
    }

    @Test func badStarredArguments() {
        let define = "def f(a, b=0):\n    return a + b\n"
        #expect(run(define + "f(*5)").output.contains("TypeError: f() argument after * must be an iterable, not int"))
        #expect(run(define + "f(**[1])").output.contains("TypeError: f() argument after ** must be a dict, not tensor"))
        #expect(run(define + "f(**{1: 2})").output.contains("TypeError: keywords must be strings, not int"))
        #expect(run(define + "f(b=1, **{'b': 2})").output.contains("TypeError: f() got multiple values for keyword argument 'b'"))
        #expect(run(define + "f(1, **{'a': 2})").output.contains("TypeError: f() got multiple values for argument 'a'"))
        #expect(run(define + "f(*[1, 2, 3])").output.contains("TypeError: f() takes 2 arguments but 3 were given"))
        #expect(run("softmax(**{'dim': 0, 'x': [1.0]})").output.contains("hint: did you mean 'axis'?"))
    }
}
