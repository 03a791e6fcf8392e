import CEditLine
import Foundation
import NNLessons
import NNScript

/// The entries typed in past sessions, kept in `$XDG_STATE_HOME/nnlearn/history`.
///
/// An entry is a whole cell (a block of several lines is one entry, its line
/// breaks kept) or a command. The list holds at most ``capacity`` entries, the newest. Saving merges this
/// session's lines into what is on disk at that moment (so two sessions at once
/// both keep their lines) and writes a temporary file that is renamed over the
/// old one, so a crash never leaves half a history.
public final class HistoryStore {
    /// The most lines kept.
    public static let capacity = 1000

    /// The history file.
    public let url: URL
    /// The lines of this session and the ones loaded, for libedit's Up, Down and Ctrl-R.
    let list: OpaquePointer
    private let capacity: Int
    /// Lines added in this session, in order.
    private var added: [String] = []
    /// False when an existing file could not be read: it is left alone rather than overwritten.
    private var mayWrite = true

    /// Why the file could not be read, if it could not; reported once by the caller.
    public private(set) var problem: String?

    /// Opens the history in `url`, loading it when the file exists.
    /// Nil only when libedit cannot allocate a history.
    public init?(url: URL, capacity: Int = HistoryStore.capacity) {
        guard let list = nn_history_open(Int32(capacity)) else { return nil }
        self.url = url
        self.list = list
        self.capacity = capacity
        load()
    }

    deinit { nn_history_close(list) }

    /// The history file for an environment: `StateDirectory/history`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        StateDirectory.url(environment: environment).appendingPathComponent("history")
    }

    /// The lines, oldest first.
    public var entries: [String] {
        (0..<nn_history_count(list)).compactMap { index in nn_history_entry(list, index).map { String(cString: $0) } }
    }

    /// Adds an entry (blank ones are not kept).
    public func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        nn_history_add(list, line)
        added.append(line)
    }

    /// Writes the history; returns a message when it could not be written.
    @discardableResult
    public func save() -> String? {
        guard mayWrite else { return nil }
        guard !added.isEmpty else { return nil }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return "cannot save history in \(folder.path): \(error.localizedDescription)"
        }
        guard let merged = nn_history_open(Int32(capacity)) else { return "cannot save history: out of memory" }
        defer { nn_history_close(merged) }
        if FileManager.default.fileExists(atPath: url.path), !isEmptyFile(url), nn_history_load(merged, url.path) != 0 {
            return "cannot save history: \(url.path) can no longer be read"
        }
        for line in added { nn_history_add(merged, line) }
        do {
            // Through AtomicFile: a linked history file is followed, its mode kept, a protected one left alone.
            try AtomicFile.replace(url) { _, temporary in
                guard nn_history_save(merged, temporary) == 0 else {
                    throw AtomicFile.WriteError(message: "libedit could not write it")
                }
            }
        } catch {
            return "cannot save history to \(url.path): \(error.localizedDescription)"
        }
        added = []
        return nil
    }

    private func load() {
        guard FileManager.default.fileExists(atPath: url.path), !isEmptyFile(url) else { return }
        if nn_history_load(list, url.path) != 0 {
            mayWrite = false
            problem = "cannot read the history file \(url.path); this session's lines will not be saved to it"
        }
    }

    /// libedit refuses a file without its header, and an empty file has none.
    private func isEmptyFile(_ url: URL) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        return size == 0
    }
}
