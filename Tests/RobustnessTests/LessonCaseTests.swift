import Foundation
import NNLessons
import NNScript
import Testing

/// Malformed lesson Markdown is a LessonError with a line, never a crash; bad cells replay as errors.
@Suite("Bad lessons")
struct LessonCaseTests {
    static let fence = "```"

    /// Markdown and the words (and line) of the LessonError it must give.
    static let malformed: [(String, String, Int)] = [
        ("# T\n\n\(fence)nn\nx = 1\n", "unclosed code fence opened at line 3", 3),
        ("# T\n\n\(fence)output\n1\n\(fence)\n", "output block at line 3 does not follow a code cell", 3),
        ("# T\n\n\(fence)nn\nprint(1)\n\(fence)\n\n\(fence)output\n1\n\(fence)\n\(fence)output\n1\n\(fence)\n",
         "second output block for the code cell at line 3", 10),
        ("---\ntitle: T\n", "front matter opened at line 1 is never closed", 1),
        ("---\nnot a field\n---\n# T\n", "front matter line is not 'key: value'", 2),
        ("---\n: value\n---\n# T\n", "front matter line has no key before ':'", 2),
        ("---\norder: first\n---\n# T\n", "front matter 'order' must be a whole number, not 'first'", 2),
        ("# T\n\n````nn\nx = 1\n```\n", "unclosed code fence", 3),
    ]

    @Test("malformed lesson Markdown is a located LessonError", arguments: malformed)
    func malformedLesson(_ source: String, _ expected: String, _ line: Int) {
        #expect(throws: LessonError.self) { try LessonParser.parse(source, file: "bad.md") }
        do {
            _ = try LessonParser.parse(source, file: "bad.md")
        } catch {
            #expect(error.message.contains(expected), "\(error)")
            #expect(error.line == line)
            #expect(error.description.hasPrefix("bad.md:\(line): error:"))
        }
    }

    @Test("unreadable and non-UTF-8 lesson files are LessonErrors")
    func unreadableLesson() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("binary.md")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
        #expect(throws: LessonError(file: "binary.md", line: 0, message: "the lesson is not UTF-8 text")) {
            try LessonParser.load(binary, name: "binary.md")
        }
        #expect(throws: LessonError(file: "gone.md", line: 0, message: "cannot read the lesson: no such file")) {
            try LessonParser.load(folder.appendingPathComponent("gone.md"), name: "gone.md")
        }
        #expect(throws: LessonError(file: "dir", line: 0, message: "cannot read the lesson: it is a directory")) {
            try LessonParser.load(folder, name: "dir")
        }
    }

    @Test("cells with bad code replay as recorded errors and later cells still run")
    func badCellsReplay() throws {
        let fence = Self.fence
        let source = """
            # T

            \(fence)nn
            keep = 41
            zeros(2, 3) @ zeros(2, 3)
            \(fence)

            \(fence)nn
            while True:
                pass
            \(fence)

            \(fence)nn
            print(keep + 1)
            \(fence)

            \(fence)output
            42
            \(fence)
            """
        let lesson = try LessonParser.parse(source, file: "bad.md")
        let interpreter = Interpreter(host: Host(files: FileAccess(base: FileManager.default.temporaryDirectory), limits: Host.Limits(steps: 100_000)))
        let outputs = lesson.cells.map { interpreter.runCell($0.source, file: "cell \($0.number)") }
        #expect(outputs.count == 3)
        #expect(outputs[0].error?.kind == .shape)
        #expect(outputs[0].output.contains("cell 1:2:1: error: ShapeError: matmul"))
        #expect(outputs[1].error?.kind == .limit)
        #expect(outputs[2].output == "42\n")
    }
}
