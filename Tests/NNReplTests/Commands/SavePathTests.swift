import Foundation
import NNRepl
import Testing

/// `:save` writes only into the session's folder and never replaces a file unless asked with `:save!`.
@Suite struct SavePathTests {
    @Test("paths leading out of the folder are refused", arguments: [
        ("/tmp/evil.md", "only into this session's folder"),
        ("../evil.md", "only into this session's folder"),
        ("~/evil.md", "only into this session's folder"),
        ("out/evil.md", "leads out of this session's folder"),
        (".bashrc.md", "dotfile"),
        ("notes.txt", "ending in .md"),
        ("nowhere/x.md", "its folder does not exist"),
    ])
    func refused(_ path: String, _ expected: String) throws {
        let fixture = try SessionFixture()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: fixture.folder.appendingPathComponent("out").path, withDestinationPath: outside.path)
        fixture.run("x = 1")
        let (outcome, _, error) = fixture.command(":save \(path)")
        #expect(outcome == .failure)
        #expect(error.contains(expected), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func anExistingFileIsReplacedOnlyWithSaveBang() throws {
        let fixture = try SessionFixture()
        let url = fixture.folder.appendingPathComponent("notes.md")
        try Data("my own notes\n".utf8).write(to: url)
        fixture.run("x = 1")
        let (outcome, _, error) = fixture.command(":save notes.md")
        #expect(outcome == .failure)
        #expect(error == "cannot save 'notes.md': the file exists; type :save! notes.md to replace it\n")
        #expect(try String(contentsOf: url, encoding: .utf8) == "my own notes\n")
        let (replaced, output, _) = fixture.command(":save! notes.md")
        #expect(replaced == .success)
        #expect(output == "Saved 1 cell to notes.md.\n")
        #expect(try String(contentsOf: url, encoding: .utf8).hasPrefix("# notes\n"))
    }

    @Test func saveBangThroughALinkLeadingOutIsRefused() throws {
        let fixture = try SessionFixture()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-save-\(UUID().uuidString).md")
        try Data("victim\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: fixture.folder.appendingPathComponent("link.md").path, withDestinationPath: outside.path)
        fixture.run("x = 1")
        let (outcome, _, error) = fixture.command(":save! link.md")
        #expect(outcome == .failure)
        #expect(error.contains("symbolic link that leads out"), "\(error)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "victim\n")
    }
}
