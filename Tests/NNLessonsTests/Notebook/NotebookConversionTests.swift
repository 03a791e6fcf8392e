import Foundation
import Testing
@testable import NNLessons

/// Lessons as notebooks: every lesson comes back byte for byte; outputs are split by kind; edits survive.
struct NotebookConversionTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")

    static func lessonFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: lessons, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func everyLessonSurvivesTheRoundTripByteForByte() throws {
        let files = try Self.lessonFiles()
        #expect(files.count >= 10)
        for file in files {
            let source = try LessonParser.read(file)
            let lesson = try LessonParser.parse(source, file: file.path)
            let notebook = NotebookConversion.notebook(lesson: lesson, source: source, outputs: [])
            let back = try NotebookConversion.markdown(notebook: notebook, file: file.lastPathComponent)
            #expect(back == source, "\(file.lastPathComponent) changed in the round trip")
            // The cells are the lesson's: one code cell per nn cell, with its recorded output as text.
            let object = try JSONSerialization.jsonObject(with: notebook) as? [String: Any]
            let cells = object?["cells"] as? [[String: Any]] ?? []
            #expect(cells.filter { $0["cell_type"] as? String == "code" }.count == lesson.cells.count)
        }
    }

    @Test func outputsAreSplitIntoPrintsValuesFiguresAndErrors() throws {
        let source = """
            # Kinds

            ```nn
            print("a")
            1 + 1
            plot([1.0, 2.0, 3.0], width=20, height=4)
            table([[1, "a<b"]], headers=["n", "s"])
            undefined_name
            ```

            ```output
            PLACEHOLDER
            ```

            """
        var lesson = try LessonParser.parse(source, file: "kinds.md")
        let outputs = NotebookOutput.record(lesson, folder: FileManager.default.temporaryDirectory)
        #expect(outputs.count == 1)
        let kinds = outputs[0].map { output -> String in
            switch output {
            case .stream(let text): "stream " + text
            case .result(let text): "result " + text
            case .figure(_, let svg): "figure " + String(svg?.prefix(4) ?? "")
            case .table(_, let html): "table " + String(html.prefix(7))
            case .error(let name, _, _): "error " + name
            }
        }
        #expect(kinds == ["stream a\n", "result 2", "figure <svg", "table <table>", "error NameError"])
        if case .table(_, let html) = outputs[0][3] { #expect(html.contains("<td>a&lt;b</td>")) }
        // Outputs that add up to the recorded text are kept apart; others fall back to the recorded text.
        let recorded = LessonReplay.normalise(outputs[0].map(\.text).joined())
        let real = source.replacingOccurrences(of: "PLACEHOLDER", with: recorded)
        lesson = try LessonParser.parse(real, file: "kinds.md")
        let notebook = try JSONSerialization.jsonObject(with: NotebookConversion.notebook(lesson: lesson, source: real, outputs: outputs)) as? [String: Any]
        let code = (notebook?["cells"] as? [[String: Any]])?.first { $0["cell_type"] as? String == "code" }
        let types = (code?["outputs"] as? [[String: Any]])?.compactMap { $0["output_type"] as? String }
        #expect(types == ["stream", "execute_result", "display_data", "display_data", "error"])
        let stale = try JSONSerialization.jsonObject(with: NotebookConversion.notebook(lesson: lesson, source: real, outputs: [[.stream("other\n")]])) as? [String: Any]
        let staleCode = (stale?["cells"] as? [[String: Any]])?.first { $0["cell_type"] as? String == "code" }
        #expect((staleCode?["outputs"] as? [[String: Any]])?.count == 1)
        #expect(((staleCode?["outputs"] as? [[String: Any]])?.first?["text"] as? [String])?.joined() == recorded + "\n")
    }

    @Test func anEditedCodeCellIsWrittenFromItsSourceAndOutputs() throws {
        let source = "# Edited\n\n```nn\n1 + 1\n```\n\n```output\n2\n```\n"
        let lesson = try LessonParser.parse(source, file: "edited.md")
        let data = NotebookConversion.notebook(lesson: lesson, source: source, outputs: [[.result("2")]])
        var notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var cells = try #require(notebook["cells"] as? [[String: Any]])
        let index = try #require(cells.firstIndex { $0["cell_type"] as? String == "code" })
        cells[index]["source"] = ["2 + 2"]
        cells[index]["outputs"] = [["output_type": "execute_result", "execution_count": 1, "data": ["text/plain": "4"], "metadata": [String: Any]()]]
        notebook["cells"] = cells
        let edited = try JSONSerialization.data(withJSONObject: notebook)
        let back = try NotebookConversion.markdown(notebook: edited, file: "edited.ipynb")
        #expect(back == "# Edited\n\n```python nn\n2 + 2\n```\n\n```output\n4\n```\n")
        #expect(try LessonParser.parse(back, file: "edited.md").cells.first?.expectedOutput == "4")

        // A cell whose text holds a fence of its own is written inside a longer one, so it comes back whole.
        cells[index]["source"] = ["s = \"\"\"\n", "```\n", "\"\"\"\n", "len(s)"]
        cells[index]["outputs"] = [["output_type": "stream", "name": "stdout", "text": "```\n"]]
        notebook["cells"] = cells
        let fenced = try NotebookConversion.markdown(notebook: try JSONSerialization.data(withJSONObject: notebook), file: "fenced.ipynb")
        #expect(fenced == "# Edited\n\n````python nn\ns = \"\"\"\n```\n\"\"\"\nlen(s)\n````\n\n````output\n```\n````\n")
        let cell = try #require(try LessonParser.parse(fenced, file: "fenced.md").cells.first)
        #expect(cell.source == "s = \"\"\"\n```\n\"\"\"\nlen(s)")
        #expect(cell.expectedOutput == "```")
    }

    @Test func notANotebookIsNamed() {
        #expect(throws: LessonError(file: "x.ipynb", line: 0, message: "the notebook is not JSON (an .ipynb file holds one JSON object)")) {
            try NotebookConversion.markdown(notebook: Data("[".utf8), file: "x.ipynb")
        }
        #expect(throws: LessonError(file: "x.ipynb", line: 0, message: "not an nbformat 4 notebook (no \"nbformat\": 4 with a \"cells\" list)")) {
            try NotebookConversion.markdown(notebook: Data(#"{"nbformat": 3}"#.utf8), file: "x.ipynb")
        }
    }
}
