import Foundation
import NNRepl
import Testing

@Suite struct CompleterTests {
    @Test func completesABuiltinToItsOnlyMatch() throws {
        let fixture = try SessionFixture()
        let completer = Completer(session: fixture.session)
        #expect(completer.complete("softm") == Completion(insertion: "ax"))
        #expect(completer.complete("y = sigm") == Completion(insertion: "oid"))
    }

    @Test func insertsTheCommonPrefixAndListsSeveralMatches() throws {
        let fixture = try SessionFixture()
        let completion = Completer(session: fixture.session).complete("soft")
        #expect(completion.insertion == "")
        #expect(completion.candidates == ["softmax", "softplus"])
        let clips = Completer(session: fixture.session).complete("clip_g")
        #expect(clips == Completion(insertion: "rad_", candidates: ["clip_grad_norm", "clip_grad_value"]))
    }

    @Test func completesVariablesInScope() throws {
        let fixture = try SessionFixture()
        fixture.run("weights = tensor([1.0])", "def train_step(x):\n    return x\n")
        let completer = Completer(session: fixture.session)
        #expect(completer.complete("print(wei") == Completion(insertion: "ghts"))
        #expect(completer.complete("train_") == Completion(insertion: "step"))
        #expect(completer.complete("undefined_thing") == .none)
    }

    @Test func completesAttributesAfterADot() throws {
        let fixture = try SessionFixture()
        fixture.run("W = tensor([1.0, 2.0], requires_grad=True)", "(W * W).sum().backward()", "layer = Dense(2, 3)")
        let completer = Completer(session: fixture.session)
        #expect(completer.complete("W.gr") == Completion(insertion: "ad"))
        #expect(completer.complete("W.s").candidates == ["shape", "sigmoid", "sin", "softmax", "split", "sqrt", "std", "sum"])
        // A dotted chain through an object's attribute to a tensor.
        #expect(completer.complete("layer.W.requ") == Completion(insertion: "ires_grad"))
        #expect(completer.complete("W.grad.sh") == Completion(insertion: "ape"))
        #expect(completer.complete("layer.act") == Completion(insertion: "ivation"))
    }

    @Test func completesDictMethodsAfterADot() throws {
        let fixture = try SessionFixture()
        fixture.run("config = {\"lr\": 0.1, \"epochs\": 10}")
        let completer = Completer(session: fixture.session)
        #expect(completer.complete("config.ke") == Completion(insertion: "ys"))
        #expect(completer.complete("config.set") == Completion(insertion: "default"))
        #expect(completer.complete("config.c") == Completion(insertion: "", candidates: ["clear", "copy"]))
    }

    @Test func neverCallsAFunctionToComplete() throws {
        let fixture = try SessionFixture()
        fixture.run("calls = []", "def make():\n    calls.append(1)\n    return tensor([1.0])\n")
        let completer = Completer(session: fixture.session)
        #expect(completer.complete("make().gr") == .none)
        #expect(completer.complete("make(1).gr") == .none)
        #expect(completer.complete("make.gr") == .none)
        fixture.session.runCell("len(calls)")
        #expect(fixture.captured.output == "Out[3]: 0\n")
    }

    @Test func completesCommandsAndTheirArguments() throws {
        let fixture = try SessionFixture()
        let completer = Completer(session: fixture.session)
        #expect(completer.complete(":va") == Completion(insertion: "rs"))
        #expect(completer.complete(":pre") == Completion(insertion: "cision"))
        #expect(completer.complete(":ed") == Completion(insertion: "it"))
        #expect(completer.complete(":trace o") == Completion(insertion: "", candidates: ["off", "on"]))
        #expect(completer.complete(":trace of") == Completion(insertion: "f"))
        #expect(completer.complete(":help softm") == Completion(insertion: "ax"))
        #expect(completer.complete(":help :ti") == Completion(insertion: "me"))
        #expect(completer.complete(":time softm") == Completion(insertion: "ax"))
        #expect(completer.complete(":nosuch x") == .none)
    }

    @Test func completesLessonAndExerciseIdsFromPluggableSources() throws {
        let fixture = try SessionFixture()
        fixture.session.lessonIDs = FixedIdentifiers(["01-tensors", "02-autodiff", "10-training"])
        fixture.session.exerciseIDs = FixedIdentifiers(["relu-backward", "softmax-stable"])
        let completer = Completer(session: fixture.session)
        #expect(completer.complete(":lesson 02") == Completion(insertion: "-autodiff"))
        #expect(completer.complete(":lesson 0") == Completion(insertion: "", candidates: ["01-tensors", "02-autodiff"]))
        #expect(completer.complete(":exercise re") == Completion(insertion: "lu-backward"))
        #expect(completer.complete(":grade soft") == Completion(insertion: "max-stable"))
    }

    @Test func listsLessonFilesByStem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["02-autodiff.md", "01-tensors.md", "notes.txt"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        #expect(LessonFiles(folder: folder).identifiers() == ["01-tensors", "02-autodiff"])
        #expect(LessonFiles(folder: folder.appendingPathComponent("missing")).identifiers() == [])
    }

    @Test func completesFilePathsForLoadAndSave() throws {
        let fixture = try SessionFixture()
        try FileManager.default.createDirectory(at: fixture.folder.appendingPathComponent("programs"), withIntermediateDirectories: true)
        try Data().write(to: fixture.folder.appendingPathComponent("programs/xor.nn"))
        try Data().write(to: fixture.folder.appendingPathComponent("programs/readme.txt"))
        try Data().write(to: fixture.folder.appendingPathComponent("session.md"))
        let completer = Completer(session: fixture.session)
        #expect(completer.complete(":load pro") == Completion(insertion: "grams/"))
        #expect(completer.complete(":load programs/") == Completion(insertion: "xor.nn"))
        #expect(completer.complete(":save se") == Completion(insertion: "ssion.md"))
    }

    @Test func indentsOnAnEmptyLineAndLeavesStringsAlone() throws {
        let fixture = try SessionFixture()
        let completer = Completer(session: fixture.session)
        #expect(completer.complete("") == .none)
        #expect(completer.complete("", atEntryStart: false) == Completion(insertion: "    "))
        #expect(completer.complete("    ", atEntryStart: false) == Completion(insertion: "    "))
        #expect(completer.complete("print(\"softm") == .none)
        #expect(completer.complete("x = 1 # softm") == .none)
        #expect(completer.complete("3.1") == .none)
        // On a continuation line a colon does not start a command.
        #expect(completer.complete(":va", atEntryStart: false) == .none)
    }

    @Test func laysCandidatesOutInColumns() {
        let names = ["shape", "sigmoid", "softmax", "sqrt", "std", "sum"]
        #expect(CandidateList.render(names, width: 20) == "shape    sqrt\nsigmoid  std\nsoftmax  sum")
        #expect(CandidateList.render(names, width: 30) == "shape    softmax  std\nsigmoid  sqrt     sum")
        #expect(CandidateList.render(["a", "b", "c"], width: 80, limit: 2) == "a  b\n… and 1 more")
    }
}
