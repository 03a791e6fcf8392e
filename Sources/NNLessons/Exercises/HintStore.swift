import Foundation
import NNScript

/// Remembers how many hints of each exercise the learner has seen, in `<state>/hints.json`.
///
/// A file of its own rather than a field of `progress.json`, so the progress
/// schema stays as it is. An unreadable file counts as no hints seen (it only
/// decides which hint comes next) and is replaced on the next write.
public final class HintStore {
    /// The file: `<state directory>/hints.json`.
    public let url: URL
    /// Per exercise id, how many hints were shown.
    public private(set) var shown: [String: Int] = [:]

    public init(directory: URL) {
        url = directory.appendingPathComponent("hints.json")
        if let data = FileManager.default.contents(atPath: url.path),
           let decoded = try? JSONDecoder().decode([String: Int].self, from: data) {
            shown = decoded
        }
    }

    /// How many hints of `id` were shown.
    public func count(for id: String) -> Int { shown[id] ?? 0 }

    /// Notes that one more hint of `id` was shown, and writes the file atomically.
    public func recordShown(_ id: String) throws {
        shown[id, default: 0] += 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(shown), to: url)
    }
}
