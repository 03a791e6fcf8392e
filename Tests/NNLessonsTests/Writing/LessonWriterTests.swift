import Foundation
import Testing
@testable import NNLessons

@Suite struct LessonWriterTests {
    @Test func writesHeadingCellsAndOutputBlocks() {
        let text = LessonWriter.markdown(title: "My session", cells: [
            LessonCell(number: 1, source: "x = 2\n", output: ""),
            LessonCell(number: 2, source: "print(x)\nx * 3", output: "2\n6\n"),
        ])
        #expect(text == "# My session\n\n```python nn\nx = 2\n```\n\n```python nn\nprint(x)\nx * 3\n```\n\n```output\n2\n6\n```\n")
    }

    @Test func fencesOutgrowBackticksInContent() {
        let text = LessonWriter.markdown(title: "T", cells: [LessonCell(number: 1, source: "s = \"\"\"\n````\n\"\"\"", output: "```\n")])
        #expect(text == "# T\n\n`````python nn\ns = \"\"\"\n````\n\"\"\"\n`````\n\n````output\n```\n````\n")
    }

    @Test func capturedSessionsReplayUnchanged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A session as the REPL runs it: one interpreter, errors named In[n]; nothing is run again to save it.
        let session = LessonReplay.makeInterpreter(folder: directory.url)
        let sources = ["\nW = param([[1.0, 2.0]])\n\n", "y = (W * W).sum()\ny.backward()\nW.grad", "print(\"```\")", "randn(2)", "W.nope"]
        var cells = sources.enumerated().map { index, source in
            let result = session.runCell(source, file: "In[\(index + 1)]")
            return LessonWriter.captured(source: source, output: "\u{1B}[1m\u{1B}[0m" + result.output, file: "In[\(index + 1)]",
                                         number: index + 1, interrupted: false)
        }
        #expect(cells[0] == LessonCell(number: 1, source: "W = param([[1.0, 2.0]])", output: ""))
        #expect(cells[1].expectedOutput == "tensor([[2., 4.]])\n")
        #expect(cells[4].expectedOutput.hasPrefix("cell 5:1:"))
        // Ctrl-C stopped this one: it is marked, and replay shows it without running it.
        cells.insert(LessonWriter.captured(source: "while True:\n    pass", output: "In[6]:2:5: error: KeyboardInterrupt: interrupted\n",
                                           file: "In[6]", number: 6, interrupted: true), at: 5)
        let url = directory.url.appendingPathComponent("saved.md")
        try LessonWriter.write(title: "Saved", cells: cells, to: url)
        let before = directory.read("saved.md")
        #expect(before?.contains("```python nn interrupted\nwhile True:\n    pass\n```\n\n```output\ncell 6:2:5: error: KeyboardInterrupt: interrupted\n```") == true)

        final class Sink { var out = "" }
        let sink = Sink()
        let runner = ReplayRunner(mode: .quiet, write: { sink.out += $0 }, writeError: { sink.out += $0 })
        #expect(runner.run(files: [url.path]) == .succeeded)
        #expect(sink.out == "– \(url.path):43: cell 6 was interrupted (Ctrl-C) when it was saved: not run, its recorded output kept\n5 passed, 0 failed, 1 skipped\n")
        let update = ReplayRunner(mode: .update, write: { _ in }, writeError: { _ in })
        #expect(update.run(files: [url.path]) == .succeeded)
        #expect(directory.read("saved.md") == before)
        let lesson = try LessonParser.load(url)
        #expect(lesson.cells.map(\.interrupted) == [false, false, false, false, false, true])
    }
}
