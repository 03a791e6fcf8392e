import Foundation
import Testing
@testable import NNLessons

@Suite struct MalformedLessonTests {
    @Test func unclosedFence() {
        let error = parseError("# T\n\n```nn\nx = 1\n``\n", file: "lessons/01-a.md")
        #expect(error == LessonError(file: "lessons/01-a.md", line: 3, message: "unclosed code fence opened at line 3"))
        #expect(error?.description == "lessons/01-a.md:3: error: unclosed code fence opened at line 3")
    }

    @Test func unclosedFenceOfAnotherLanguageToo() {
        // A shorter run cannot close a longer fence.
        #expect(parseError("text\n````python\nx\n```\n")?.description == "l.md:2: error: unclosed code fence opened at line 2")
    }

    @Test func outputWithNoCellBeforeIt() {
        #expect(parseError("# T\n```output\n1\n```\n")?.description
            == "l.md:2: error: output block at line 2 does not follow a code cell")
        // Prose between a cell and an output block detaches it.
        #expect(parseError("```nn\nx\n```\nWords.\n```output\n1\n```\n")?.description
            == "l.md:5: error: output block at line 5 does not follow a code cell")
        // So does another fenced block.
        #expect(parseError("```nn\nx\n```\n```sh\nls\n```\n```output\n1\n```\n")?.line == 7)
    }

    @Test func twoOutputBlocksForOneCell() {
        #expect(parseError("```nn\nx\n```\n\n```output\n1\n```\n\n```output\n2\n```\n")?.description
            == "l.md:9: error: second output block for the code cell at line 1 (the first is at line 5)")
    }

    @Test func frontMatterNeverClosed() {
        #expect(parseError("---\nid: a\n\n# Title\n")?.description
            == "l.md:1: error: front matter opened at line 1 is never closed: end it with a line '---'")
    }

    @Test func frontMatterLinesMustBeKeyValue() {
        #expect(parseError("---\nid: a\njust words\n---\n")?.description
            == "l.md:3: error: front matter line is not 'key: value': 'just words'")
        #expect(parseError("---\n: value\n---\n")?.description
            == "l.md:2: error: front matter line has no key before ':': ': value'")
    }

    @Test func orderMustBeAWholeNumber() {
        #expect(parseError("---\nid: a\norder: first\n---\n")?.description
            == "l.md:3: error: front matter 'order' must be a whole number, not 'first'")
    }
}

@Suite struct UnreadableLessonTests {
    @Test func filesThatCannotBeReadAreDiagnostics() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.url.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(throws: LessonError(file: "sub", line: 0, message: "cannot read the lesson: it is a directory")) {
            try LessonParser.load(folder, name: "sub")
        }
        #expect(throws: LessonError(file: "gone.md", line: 0, message: "cannot read the lesson: no such file")) {
            try LessonParser.load(directory.url.appendingPathComponent("gone.md"), name: "gone.md")
        }
        let binary = directory.url.appendingPathComponent("bin.md")
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: binary)
        #expect(throws: LessonError(file: "bin.md", line: 0, message: "the lesson is not UTF-8 text")) {
            try LessonParser.load(binary, name: "bin.md")
        }
    }
}
