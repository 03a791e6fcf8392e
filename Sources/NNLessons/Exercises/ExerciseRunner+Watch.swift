import Foundation
import NNScript

extension ExerciseRunner {
    /// `nnlearn grade --watch`: grades once, then again whenever a graded file changes, until Ctrl-C.
    ///
    /// Polls modification times every `interval` seconds, which works on every
    /// platform and file system without a file-watching API. `shouldStop` is
    /// asked between polls (Ctrl-C by default; tests pass their own).
    public func watch(_ ids: [String], interval: TimeInterval = 0.5,
                      shouldStop: () -> Bool = { Interruption.pressed.isRequested }) -> CommandResult {
        var (status, interrupted) = gradeAll(ids)
        let watched = ids.isEmpty ? workspace.startedIDs(among: catalog.ids) : ids.filter { catalog.ids.contains($0) }
        var stamps = modificationDates(watched)
        write("Watching \(watched.count) file\(watched.count == 1 ? "" : "s") for changes; Ctrl-C stops.\n")
        while !interrupted, !shouldStop() {
            Thread.sleep(forTimeInterval: interval)
            let now = modificationDates(watched)
            let changed = watched.filter { now[$0] != stamps[$0] }
            stamps = now
            guard !changed.isEmpty, !shouldStop() else { continue }
            write("\n— \(changed.joined(separator: ", ")) changed —\n")
            (status, interrupted) = gradeAll(changed)
        }
        write("Stopped watching.\n")
        return status
    }

    private func modificationDates(_ ids: [String]) -> [String: Date] {
        var dates: [String: Date] = [:]
        for id in ids {
            let attributes = try? FileManager.default.attributesOfItem(atPath: workspace.file(for: id).path)
            if let date = attributes?[.modificationDate] as? Date { dates[id] = date }
        }
        return dates
    }
}
