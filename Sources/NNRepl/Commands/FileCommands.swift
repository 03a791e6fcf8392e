import Foundation
import NNLessons
import NNScript

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
        let data: Data
        do {
            data = try StandardStream.readProgram(path: url.path)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "\(error)" : "no such file"
            return session.fail("cannot load '\(path)': \(reason)")
        }
        let source = String(decoding: data, as: UTF8.self)
        return session.runCell(source, file: path, number: session.currentNumber) ? .success : .failure
    }
}

/// `:save FILE.md`: writes the session's cells and outputs as a Markdown lesson.
///
/// Only into the session's folder (no absolute path, `~`, `..`, dotfile or symbolic
/// link leading out), and never over an existing file unless typed `:save! FILE.md`.
public enum SaveCommand {
    public static let command = ReplCommand(
        name: "save", aliases: ["save!"], usage: ":save FILE.md",
        summary: "save this session's cells and outputs as a Markdown lesson",
        details: "Each cell becomes a ```nn block followed by its output in an ```output block. Each output is what the cell printed when you ran it, never re-run: errors are renamed `cell N` as replay names them, and a cell you stopped with Ctrl-C is marked ```nn interrupted, which replay shows without running. A session run from its start (seed 0) therefore replays unchanged. The file goes into the session's folder; `:save! FILE.md` replaces an existing file.",
        argumentCompletion: .files(extensions: ["md"])
    ) { invocation, session in
        var path = invocation.arguments
        guard !path.isEmpty else { return session.fail("usage: :save FILE.md") }
        if URL(fileURLWithPath: path).pathExtension.isEmpty { path += ".md" }
        let url: URL
        switch session.savePath(path, replacing: invocation.name == "save!") {
        case .success(let target): url = target
        case .failure(let refusal): return session.fail("cannot save '\(path)': \(refusal.message)")
        }
        let title = url.deletingPathExtension().lastPathComponent
        let text = LessonWriter.markdown(title: title, cells: session.cells)
        do {
            // Atomic: a temporary file renamed into place, so an old file is never left half written.
            try AtomicFile.write(Data(text.utf8), to: url)
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

extension ReplSession {
    /// Where `:save` may write `path`: a `.md` file in the session's folder (symbolic links resolved),
    /// not a dotfile, and not an existing file unless `replacing` (`:save!`).
    func savePath(_ path: String, replacing: Bool) -> Result<URL, AtomicFile.WriteError> {
        func refuse(_ message: String) -> Result<URL, AtomicFile.WriteError> { .failure(AtomicFile.WriteError(message: message)) }
        let components = path.split(separator: "/")
        guard !path.hasPrefix("/"), !path.hasPrefix("~"), !components.contains("..") else {
            return refuse("lessons are saved only into this session's folder; give a name such as notes.md")
        }
        guard !components.contains(where: { $0.hasPrefix(".") && $0 != "." }) else {
            return refuse("nnlearn does not save to a dotfile or into a dot-folder")
        }
        guard path.hasSuffix(".md") else { return refuse("a session is saved as a Markdown lesson: give a name ending in .md") }
        let literal = baseDirectory.appendingPathComponent(path)
        guard let base = FileAccess.realPath(baseDirectory.path),
              let folder = FileAccess.realPath(literal.deletingLastPathComponent().path) else {
            return refuse("its folder does not exist")
        }
        guard folder == base || folder.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            return refuse("its folder leads out of this session's folder (through a symbolic link)")
        }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(literal.lastPathComponent)
        var status = stat()
        if lstat(url.path, &status) == 0 {
            guard replacing else { return refuse("the file exists; type :save! \(path) to replace it") }
            guard let target = try? AtomicFile.resolvedTarget(url),
                  target.path == base || target.path.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                return refuse("it is a symbolic link that leads out of this session's folder")
            }
            return .success(target)
        }
        return .success(url)
    }
}
