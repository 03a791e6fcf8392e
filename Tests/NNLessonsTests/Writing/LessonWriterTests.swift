import Foundation
import Testing
@testable import NNLessons

@Suite struct LessonWriterTests {
    @Test func writesHeadingCellsAndOutputBlocks() {
        let text = LessonWriter.markdown(title: "My session", cells: [
            .init(source: "x = 2\n", output: ""),
            .init(source: "print(x)\nx * 3", output: "2\n6\n"),
        ])
        #expect(text == "# My session\n\n```nn\nx = 2\n```\n\n```nn\nprint(x)\nx * 3\n```\n\n```output\n2\n6\n```\n")
    }

    @Test func fencesOutgrowBackticksInContent() {
        let text = LessonWriter.markdown(title: "T", cells: [.init(source: "s = \"\"\"\n````\n\"\"\"", output: "```\n")])
        #expect(text == "# T\n\n`````nn\ns = \"\"\"\n````\n\"\"\"\n`````\n\n````output\n```\n````\n")
    }

    @Test func recordedSessionsReplayUnchanged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cells = LessonWriter.record(sources: [
            "\nW = param([[1.0, 2.0]])\n\n",
            "y = (W * W).sum()\ny.backward()\nW.grad",
            "print(\"```\")",
            "randn(2)",
            "W.nope",
        ], folder: directory.url)
        #expect(cells[0] == .init(source: "W = param([[1.0, 2.0]])", output: ""))
        #expect(cells[1].output == "tensor([[2., 4.]])\n")
        let url = directory.url.appendingPathComponent("saved.md")
        try LessonWriter.write(title: "Saved", cells: cells, to: url)
        let before = directory.read("saved.md")

        final class Sink { var out = "" }
        let sink = Sink()
        let runner = ReplayRunner(mode: .quiet, write: { sink.out += $0 }, writeError: { sink.out += $0 })
        #expect(runner.run(files: [url.path]) == 0)
        #expect(sink.out == "5 passed, 0 failed\n")
        let update = ReplayRunner(mode: .update, write: { _ in }, writeError: { _ in })
        #expect(update.run(files: [url.path]) == 0)
        #expect(directory.read("saved.md") == before)
        #expect(try LessonParser.load(url).cells.count == 5)
    }
}
