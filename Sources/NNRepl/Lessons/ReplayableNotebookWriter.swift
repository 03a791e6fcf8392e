import Foundation
import NNLessons

/// Writes a session as a lesson that `nnlearn replay` passes unchanged.
///
/// The cells' code is run again in a fresh interpreter at seed 0 and those
/// outputs are recorded: what a session printed depends on its history (the
/// random stream's position, `In[n]` in error locations), a lesson's must not.
public struct ReplayableNotebookWriter: NotebookWriter {
    /// Where the lesson's relative paths point, as in the session.
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func markdown(title: String, cells: [RecordedCell]) -> String {
        LessonWriter.markdown(title: title, cells: LessonWriter.record(sources: cells.map(\.source), folder: folder))
    }
}
