import Foundation
import NNLessons

/// Writes a session as a lesson of what the learner saw: each cell's captured output, never run again.
///
/// Errors are renamed `cell N` as replay names them and terminal colour is
/// dropped, so a session run from its start replays unchanged; a cell Ctrl-C
/// stopped is marked interrupted, which replay shows as recorded without
/// running it (where it stopped depends on the moment). See docs/lesson-format.md.
public struct ReplayableNotebookWriter: NotebookWriter {
    /// Where the lesson's relative paths point, as in the session.
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func markdown(title: String, cells: [RecordedCell]) -> String {
        LessonWriter.markdown(title: title, cells: cells.enumerated().map { index, cell in
            LessonWriter.captured(source: cell.source, output: cell.output, file: cell.file, number: index + 1,
                                  interrupted: cell.interrupted)
        })
    }
}
