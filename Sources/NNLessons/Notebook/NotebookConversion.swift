import Foundation

/// Lessons as Jupyter notebooks (nbformat 4.5) and back.
///
/// Prose becomes Markdown cells (exercise statements and scaffolds included, as the
/// lesson shows them), each `nn` cell a code cell with its outputs, and the kernelspec
/// is nnlearn's. Each code cell keeps the exact Markdown it came from in its metadata
/// (`nnlearn.markdown`), and the notebook keeps the front matter, so a lesson comes back
/// byte for byte; a code cell edited in Jupyter is written back from its source and
/// outputs instead.
public enum NotebookConversion {
    /// The notebook of a lesson whose text is `source`. `outputs[i]` are cell i+1's outputs (from
    /// ``NotebookOutput/record(_:folder:timeLimit:)``); a cell whose outputs do not add up to its
    /// recorded output keeps the recorded text as one stream.
    public static func notebook(lesson: Lesson, source: String, outputs: [[NotebookOutput]]) -> Data {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let starts = lesson.blocks.map { block -> Int in
            switch block {
            case .prose(let prose): prose.line
            case .cell(let cell): cell.line
            }
        }
        func segment(_ index: Int) -> String {
            let start = starts[index] - 1
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
            return lines[max(0, start)..<max(start, min(end, lines.count))].joined(separator: "\n")
        }
        var cells: [[String: Any]] = []
        for (index, block) in lesson.blocks.enumerated() {
            let id = "cell-\(index + 1)"
            switch block {
            case .prose:
                cells.append(["cell_type": "markdown", "id": id, "metadata": [String: Any](),
                              "source": NotebookJSON.lines(segment(index))])
            case .cell(let cell):
                let recorded = cell.number <= outputs.count ? outputs[cell.number - 1] : []
                let matches = LessonReplay.normalise(recorded.map(\.text).joined()) == cell.expectedOutput
                let kept = matches ? recorded : cell.expectedOutput.isEmpty ? [] : [.stream(cell.expectedOutput + "\n")]
                cells.append(["cell_type": "code", "id": id, "execution_count": cell.number,
                              "metadata": ["nnlearn": ["markdown": segment(index), "source": cell.source]],
                              "source": NotebookJSON.lines(cell.source),
                              "outputs": kept.map { $0.json(executionCount: cell.number) }])
            }
        }
        let preamble = starts.first.map { lines[0..<max(0, min($0 - 1, lines.count))].joined(separator: "\n") } ?? source
        var nnlearn: [String: Any] = ["lesson": lesson.id]
        if !(starts.first == 1) { nnlearn["preamble"] = preamble }
        let notebook: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": [
                "kernelspec": ["name": "nnlearn", "display_name": "nnlearn", "language": "nnlearn"],
                "language_info": ["name": "nnlearn", "file_extension": ".nn", "mimetype": "text/x-nnlearn",
                                  "pygments_lexer": "python", "codemirror_mode": "python"],
                "nnlearn": nnlearn,
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }

    /// The lesson Markdown of a notebook: cells nnlearn wrote come back as they were; a new or
    /// edited code cell is written as a `python nn` block with an `output` block of its text outputs.
    public static func markdown(notebook data: Data, file: String) throws(LessonError) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data), let notebook = object as? [String: Any] else {
            throw LessonError(file: file, line: 0, message: "the notebook is not JSON (an .ipynb file holds one JSON object)")
        }
        guard notebook["nbformat"] as? Int == 4, let cells = notebook["cells"] as? [[String: Any]] else {
            throw LessonError(file: file, line: 0, message: "not an nbformat 4 notebook (no \"nbformat\": 4 with a \"cells\" list)")
        }
        let metadata = (notebook["metadata"] as? [String: Any])?["nnlearn"] as? [String: Any]
        var segments: [String] = []
        if let preamble = metadata?["preamble"] as? String { segments.append(preamble) }
        for cell in cells {
            let source = NotebookJSON.text(cell["source"])
            switch cell["cell_type"] as? String {
            case "code":
                let own = (cell["metadata"] as? [String: Any])?["nnlearn"] as? [String: Any]
                if let markdown = own?["markdown"] as? String, own?["source"] as? String == source {
                    segments.append(markdown)
                } else {
                    let outputs = (cell["outputs"] as? [[String: Any]] ?? []).compactMap(NotebookOutput.init(json:))
                    let text = LessonReplay.normalise(outputs.map(\.text).joined())
                    var block = Fence.block(source, info: LessonParser.cellInfo) + "\n"
                    if !text.isEmpty { block += "\n" + Fence.block(text, info: "output") + "\n" }
                    segments.append(block)
                }
            default:
                segments.append(source)
            }
        }
        return segments.joined(separator: "\n")
    }
}
