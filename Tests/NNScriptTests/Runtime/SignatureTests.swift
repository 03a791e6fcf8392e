import Testing
@testable import NNScript

/// Builtin signatures written as in Python, parsed into parameters.
@Suite struct SignatureTests {
    private func describe(_ signature: Signature) -> String {
        signature.parameters.map { $0.isRequired ? $0.name : $0.name + "=" }.joined(separator: ",")
            + " | *\(signature.variadic ?? "-") at \(signature.positionalCount) | **\(signature.keywordCollector ?? "-")"
    }

    @Test func readsEveryForm() {
        #expect(describe(Signature("")) == " | *- at 0 | **-")
        #expect(describe(Signature("x")) == "x | *- at 1 | **-")
        #expect(describe(Signature("x, axis=, keepdims=")) == "x,axis=,keepdims= | *- at 3 | **-")
        #expect(describe(Signature("*shape")) == " | *shape at 0 | **-")
        #expect(describe(Signature("f, *tensors")) == "f | *tensors at 1 | **-")
        #expect(describe(Signature("*source, **entries")) == " | *source at 0 | **entries")
        #expect(describe(Signature("a, *rest, key=, flag")) == "a,key=,flag | *rest at 1 | **-")
        // Blanks around names and empty pieces are ignored; names keep their non-ASCII letters.
        #expect(describe(Signature("  x ,\tβ= ,, *  ")) == "x,β= | * at 2 | **-")
    }

    @Test func rendersForHelp() {
        #expect(Signature("x, axis=, *rest, **extra").render("f") == "f(x, axis=…, *rest, **extra)")
        #expect(Signature("f, *tensors, axis=").render("g") == "g(f, *tensors, axis=…)")
    }
}
