import Foundation
import NNScript
import Testing

/// Lesson code trying to write where it must not: through symbolic links, over files it did
/// not write, into dotfiles; and DOT labels trying to break out of their quotes.
@Suite("Writes by lesson code")
struct WriteCaseTests {
    /// A session whose only writable folder is a fresh `work` folder, beside an `outside` folder.
    struct Setup {
        let root: URL
        var work: URL { root.appendingPathComponent("work") }
        var outside: URL { root.appendingPathComponent("outside") }
        let interpreter: Interpreter

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-writes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("work/.ssh"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
            var files = FileAccess(base: root.appendingPathComponent("work"))
            files.writable = [root.appendingPathComponent("work")]
            interpreter = Survival.session(files: files)
        }

        func link(_ name: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent(name).path, withDestinationPath: destination)
        }

        func put(_ name: String, _ text: String, in folder: URL? = nil) throws {
            try Data(text.utf8).write(to: (folder ?? work).appendingPathComponent(name))
        }

        func read(_ name: String, in folder: URL? = nil) -> String? {
            FileManager.default.contents(atPath: (folder ?? work).appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let graph = "w = param([1.0, 2.0])\ny = (w * 2).sum()\n"
    static let figure = "plot([1.0, 2.0])\n"

    @Test("a new file through a symlinked folder that leads outside is refused", arguments: [
        (figure + "savefig('pwdir/x.svg')", "x.svg"),
        (graph + "dot(y, 'pwdir/x.dot')", "x.dot"),
    ])
    func throughDirectoryLink(_ source: String, _ name: String) throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.link("pwdir", to: setup.outside.path)
        let outcome = Survival.run(source, in: setup.interpreter)
        #expect(outcome.result.error?.kind == .file)
        #expect(outcome.result.error?.message.contains("symbolic links resolved") == true, "\(outcome.result.output)")
        #expect(!FileManager.default.fileExists(atPath: setup.outside.appendingPathComponent(name).path))
        #expect(outcome.after == "42\n")
    }

    @Test("dotfiles, dot-folders, '..', absolute paths outside and other extensions are refused", arguments: [
        (graph + "dot(y, '.ssh/authorized_keys')", "dotfile"),
        (graph + "dot(y, '.ssh/keys.dot')", "dot-folder"),
        (graph + "dot(y, '.local/state/nnlearn/progress.json')", "dotfile"),
        (graph + "dot(y, '.x.dot')", "dotfile"),
        (graph + "dot(y, 'notes.txt')", "dot writes .dot files"),
        (graph + "dot(y, '../x.dot')", "use a name without '..'"),
        (graph + "dot(y, '/tmp/x.dot')", "only into the current folder or the workspace"),
        (graph + "dot(y, 'missing/x.dot')", "its folder does not exist"),
        (figure + "savefig('sshlink/x.svg')", "dot-folder (symbolic links resolved)"),
    ])
    func refusedNames(_ source: String, _ expected: String) throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.put("authorized_keys", "ssh-ed25519 KEEP", in: setup.work.appendingPathComponent(".ssh"))
        try setup.link("sshlink", to: setup.work.appendingPathComponent(".ssh").path)
        let outcome = Survival.run(source, in: setup.interpreter)
        #expect(outcome.result.error?.kind == .file)
        #expect(outcome.result.error?.description.contains(expected) == true, "\(outcome.result.output)")
        #expect(setup.read("authorized_keys", in: setup.work.appendingPathComponent(".ssh")) == "ssh-ed25519 KEEP")
        #expect(outcome.after == "42\n")
    }

    @Test("an existing file nnlearn did not write is kept; its own output is replaced")
    func overwriteOnlyOwnOutput() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.put("notes.dot", "digraph mine { a -> b }\n")
        try setup.put("art.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>\n")
        let foreign = Survival.run(Self.graph + "dot(y, 'notes.dot')", in: setup.interpreter)
        #expect(foreign.result.error?.message.contains("was not written by nnlearn") == true, "\(foreign.result.output)")
        #expect(setup.read("notes.dot") == "digraph mine { a -> b }\n")
        let art = Survival.run(Self.figure + "savefig('art.svg')", in: setup.interpreter)
        #expect(art.result.error?.message.contains("was not written by nnlearn") == true)
        #expect(setup.read("art.svg")?.contains("circle") == true)
        // Written in this run, then again: allowed. A fresh interpreter recognises nnlearn's mark.
        #expect(setup.interpreter.runCell(Self.graph + "dot(y, 'g.dot')\ndot(y * 3, 'g.dot')", file: "ok.nn").error == nil)
        #expect(setup.read("g.dot")?.hasPrefix("digraph nnlearn {\n") == true)
        #expect(setup.interpreter.runCell(Self.figure + "savefig('f.svg')\nsavefig('f.svg')", file: "ok.nn").error == nil)
        let later = Survival.session(files: setup.interpreter.host.files)
        #expect(later.runCell(Self.graph + "dot(y, 'g.dot')", file: "ok.nn").error == nil)
        #expect(later.runCell(Self.figure + "savefig('f.svg')", file: "ok.nn").error == nil)
    }

    @Test("a symlinked target is followed inside the folder and refused when it leads outside or nowhere")
    func linkedTargets() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.put("victim.svg", "<svg>not ours</svg>", in: setup.outside)
        try setup.link("out.svg", to: setup.outside.appendingPathComponent("victim.svg").path)
        try setup.link("dangling.svg", to: setup.work.appendingPathComponent("nothing.svg").path)
        let out = Survival.run(Self.figure + "savefig('out.svg')", in: setup.interpreter)
        #expect(out.result.error?.message.contains("only into the current folder or the workspace") == true, "\(out.result.output)")
        #expect(setup.read("victim.svg", in: setup.outside) == "<svg>not ours</svg>")
        let dangling = Survival.run(Self.figure + "savefig('dangling.svg')", in: setup.interpreter)
        #expect(dangling.result.error?.message.contains("symbolic link to a missing file") == true)
        #expect(!FileManager.default.fileExists(atPath: setup.work.appendingPathComponent("nothing.svg").path))
        // A link to nnlearn's own figure inside the folder: the figure is replaced, the link stays a link.
        #expect(setup.interpreter.runCell(Self.figure + "savefig('real.svg')", file: "ok.nn").error == nil)
        try setup.link("alias.svg", to: "real.svg")
        #expect(setup.interpreter.runCell("plot([3.0, 1.0])\nsavefig('alias.svg')", file: "ok.nn").error == nil)
        let kind = try FileManager.default.attributesOfItem(atPath: setup.work.appendingPathComponent("alias.svg").path)[.type] as? FileAttributeType
        #expect(kind == .typeSymbolicLink)
    }

    @Test("DOT labels are escaped: a crafted label cannot start a line of its own")
    func dotLabelsEscaped() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let source = "w = param([1.0], label='a\"]\\nssh-ed25519 AAAA attacker\\n\\\\')\ndot(w * 2, 'g.dot')"
        let result = setup.interpreter.runCell(source, file: "ok.nn")
        #expect(result.error == nil, "\(result.output)")
        let text = setup.read("g.dot") ?? ""
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("ssh-ed25519") })
        #expect(text.contains(#"label="a\"]\nssh-ed25519 AAAA attacker\n\\\n"#), "\(text)")
    }

    @Test("code being graded may not read the reference solutions")
    func solutionsHidden() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let solutions = setup.work.appendingPathComponent("solutions")
        try FileManager.default.createDirectory(at: solutions, withIntermediateDirectories: true)
        try setup.put("answer.csv", "a\n1\n", in: solutions)
        let hiding = Survival.session(files: FileAccess(base: setup.work, hidden: [solutions]))
        let outcome = Survival.run("load_csv('solutions/answer.csv')", in: hiding)
        #expect(outcome.result.error?.message.contains("reading 'solutions/answer.csv' is not allowed") == true, "\(outcome.result.output)")
        #expect(outcome.after == "42\n")
    }
}
