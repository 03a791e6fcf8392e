import Foundation

/// `:load FILE.nn`: runs a program in the session, so its definitions stay.
public enum LoadCommand {
    public static let command = ReplCommand(
        name: "load", usage: ":load FILE.nn",
        summary: "run a program file in this session; its variables stay",
        argumentCompletion: .files(extensions: ["nn"])
    ) { invocation, session in
        let path = invocation.arguments
        guard !path.isEmpty else { return session.fail("usage: :load FILE.nn") }
        let url = session.url(for: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "no such file"
            return session.fail("cannot load '\(path)': \(reason)")
        }
        let source = String(decoding: data, as: UTF8.self)
        return session.runCell(source, file: path, number: session.currentNumber) ? .success : .failure
    }
}

/// `:save FILE.md`: writes the session's cells and outputs as a Markdown lesson.
public enum SaveCommand {
    public static let command = ReplCommand(
        name: "save", usage: ":save FILE.md",
        summary: "save this session's cells and outputs as a Markdown lesson",
        details: "Each cell becomes a ```nn block followed by its output in an ```output block. The cells run again from a fresh start (seed 0) as they are saved, so `nnlearn replay` passes the file unchanged.",
        argumentCompletion: .files(extensions: ["md"])
    ) { invocation, session in
        var path = invocation.arguments
        guard !path.isEmpty else { return session.fail("usage: :save FILE.md") }
        if URL(fileURLWithPath: path).pathExtension.isEmpty { path += ".md" }
        let url = session.url(for: path)
        let title = url.deletingPathExtension().lastPathComponent
        let text = session.notebookWriter.markdown(title: title, cells: session.cells)
        do {
            // Atomic: a temporary file renamed into place, so an old file is never left half written.
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            return session.fail("cannot save '\(path)': \(error.localizedDescription)")
        }
        let count = session.cells.count
        session.console.line("Saved \(count) cell\(count == 1 ? "" : "s") to \(path).")
        return .success
    }
}

extension ReplSession {
    /// A path typed in a command, relative to the session's folder unless absolute or `~/…`.
    func url(for path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded) }
        return baseDirectory.appendingPathComponent(expanded)
    }
}
