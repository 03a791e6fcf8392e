import Foundation
import Testing
@testable import NNScript

/// Each builtin type's methods live in one table (name, signature, doc, body): the language reference
/// lists exactly the table's names, and a method called directly behaves as the same method read first.
@Suite struct MemberTableTests {
    /// The backticked names of one line of docs/language.md, as `name(` or `name`; `sum/mean` split.
    private func documentedNames(startingWith prefix: String, after marker: String? = nil, before end: String? = nil) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/language.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }, "no line starts with \(prefix)")
        var part = Substring(line)
        if let marker, let range = part.range(of: marker) { part = part[range.upperBound...] }
        if let end, let range = part.range(of: end) { part = part[..<range.lowerBound] }
        let quoted = part.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return quoted.flatMap { code in
            code.prefix { $0.isLetter || $0 == "_" || $0 == "/" }.split(separator: "/").map(String.init)
        }.filter { !$0.isEmpty }
    }

    @Test func theReferenceListsEveryTensorMemberAndNoOther() throws {
        let documented = try documentedNames(startingWith: "Attributes and methods: `shape`")
        #expect(Set(documented) == Set(TensorMembers.table.names))
        #expect(documented.count == TensorMembers.table.names.count)
    }

    @Test func theReferenceListsEveryListStringAndDictMethodAndNoOther() throws {
        #expect(try documentedNames(startingWith: "Lists have", before: "; dicts") == ListMembers.table.names)
        #expect(try documentedNames(startingWith: "Lists have", after: "strings have") == StringMembers.table.names)
        #expect(try documentedNames(startingWith: "- Methods: `keys()`", before: ". There is") == DictMembers.table.names)
        #expect(try documentedNames(startingWith: "Tuples have", before: ". As in") == TupleMembers.table.names)
    }

    @Test func everyMemberHasOneNameAndAHelpText() {
        func check<R>(_ table: MemberTable<R>) {
            #expect(Set(table.names).count == table.names.count, "a name appears twice: \(table.names)")
            for member in table.members { #expect(!member.doc.isEmpty, "\(member.name) has no help text") }
        }
        check(TensorMembers.table)
        check(ListMembers.table)
        check(StringMembers.table)
        check(DictMembers.table)
        check(TupleMembers.table)
        check(SetObject.members)
        check(OptimizerObject.members)
        check(ModelObject.members)
    }

    @Test func aMethodCalledDirectlyAgreesWithTheSameMethodReadFirst() {
        let source = """
        x = tensor([[1.0, -2.0], [3.0, 4.0]])
        f = x.sum
        print(f(axis=0), x.sum(axis=0), x.max(), x.relu().tolist())
        xs = []
        add = xs.append
        for n in [3, 1, 2, 5]:
            add(n)
        xs.sort(reverse=True)
        print(xs, "a-b".upper().split("-"), {"k": 1}.get("z", 7))
        s = set()
        s.add(2)
        s.add(2)
        opt = SGD([param([1.0])], lr=0.1)
        step = opt.step
        print(len(s), opt.lr, opt.steps, x.shape, help(x.sum))
        """
        #expect(output(source) == """
            tensor([4., 2.]) tensor([4., 2.]) tensor(4.) [[1.0, 0.0], [3.0, 4.0]]
            [5.0, 3.0, 2.0, 1.0] ['A', 'B'] 7
            sum(axis=…, keepdims=…)
            x.sum(axis=None, keepdims=False): over all elements or along one axis.
            1 0.1 0 (2, 2) None

            """)
    }

    @Test func directCallsReportMistakesAsBoundMethodsDid() {
        #expect(run("x = tensor([1.0])\nx.sum(axs=0)").error?.message == "sum() got an unexpected keyword argument 'axs'")
        #expect(run("x = tensor([1.0])\nx.sum(axs=0)").error?.hint == "did you mean 'axis'? The signature is sum(axis=…, keepdims=…)")
        #expect(run("xs = []\nxs.append()").error?.message == "append() missing required argument 'item'")
        #expect(run("x = tensor([1.0])\nx.sume()").error?.hint == "did you mean 'sum'?")
        #expect(run("x = tensor([1.0])\nx.shape()").error?.message.contains("cannot be called") == true)
        #expect(run("d = {'lr': 1}\nd.lr()").error?.hint == "to read the key 'lr', write d[\"lr\"]")
    }

    @Test func anInstanceFieldHidesItsClassMethodAndMethodsGetTheInstanceFirst() {
        let source = """
        class Counter:
            def __init__(self):
                self.n = 0
            def bump(self, by=1):
                self.n += by
                return self.n
        c = Counter()
        print(c.bump(), c.bump(by=5), Counter.bump(c))
        c.bump = lambda: "field"
        print(c.bump())
        """
        #expect(output(source) == "1 6 7\nfield\n")
        #expect(run("class A:\n    def m(self):\n        return 1\nA().m(2)").error?.message == "m() takes 1 argument but 2 were given")
    }
}
