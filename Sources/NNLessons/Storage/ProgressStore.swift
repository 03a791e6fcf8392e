import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNScript

/// Reads and writes `progress.json` in the state directory, atomically and without ever crashing.
///
/// A file that cannot be decoded is moved aside to
/// `progress.json.corrupt-<timestamp>` and replaced by empty progress; the
/// store says so once through `notice`, so the learner knows and the old
/// file is kept for anyone who wants to repair it.
public final class ProgressStore {
    /// The file: `<state directory>/progress.json`.
    public let url: URL
    /// The progress as loaded and updated.
    public private(set) var progress: Progress
    /// A message for the learner about this load (a corrupt file set aside), shown once.
    public private(set) var notice: String?

    /// Loads the progress in `directory` (the XDG state directory by default).
    public init(directory: URL = StateDirectory.url(), now: Date = Date()) {
        url = directory.appendingPathComponent("progress.json")
        progress = Progress()
        progress = loadFromDisk(now: now)
    }

    /// The progress on disk now; a corrupt file is set aside (with a notice) and counts as empty.
    private func loadFromDisk(now: Date = Date()) -> Progress {
        guard let data = FileManager.default.contents(atPath: url.path) else { return Progress() }
        do {
            return try Self.decoder.decode(Progress.self, from: data)
        } catch {
            notice = setAside(at: now)
            return Progress()
        }
    }

    /// Reads the file, applies `change` and writes it back, all under an exclusive lock on
    /// `progress.json.lock`: two nnlearn processes updating at once (a lesson in one terminal,
    /// `grade` in another) both keep their update.
    private func update(_ change: (inout Progress) -> Void) throws {
        try withLock {
            var fresh = loadFromDisk()
            change(&fresh)
            progress = fresh
            try AtomicFile.write(Self.encoder.encode(fresh), to: url)
        }
    }

    /// Runs `body` holding the lock file's exclusive flock (released when the descriptor closes).
    private func withLock(_ body: () throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(url.path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFile.WriteError(message: "cannot lock \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFile.WriteError(message: "cannot lock \(url.path): \(String(cString: strerror(errno)))") }
        }
        try body()
    }

    /// Returns the notice (if any) and forgets it, so it is reported only once.
    public func takeNotice() -> String? {
        defer { notice = nil }
        return notice
    }

    /// Where the learner stands in a lesson that now has `cellCount` cells.
    public func status(of lessonID: String, cellCount: Int) -> LessonStatus {
        guard let entry = progress.lessons[lessonID] else { return .notStarted }
        if entry.completed != nil { return .done }
        return .inProgress(cell: min(entry.lastCell, cellCount), of: cellCount)
    }

    /// Records that the learner ran cell `cell` of `cellCount`; running the last cell completes the lesson.
    public func recordCell(_ cell: Int, of cellCount: Int, lesson lessonID: String, at date: Date = Date()) throws {
        try update { progress in
            var entry = progress.lessons[lessonID] ?? LessonProgress(lastCell: cell, cellCount: cellCount, updated: date)
            entry.lastCell = cell
            entry.cellCount = cellCount
            entry.updated = date
            if cell >= cellCount, entry.completed == nil { entry.completed = date }
            progress.lessons[lessonID] = entry
        }
    }

    /// Records one checked attempt at an exercise.
    public func recordAttempt(exercise id: String, passed: Bool, at date: Date = Date()) throws {
        try update { progress in
            var entry = progress.exercises[id] ?? ExerciseProgress(passed: false, attempts: 0, lastAttempt: date)
            // The count comes from a file anyone can edit: it saturates rather than overflowing.
            entry.attempts = entry.attempts < Int.max ? Swift.max(entry.attempts, 0) + 1 : Int.max
            entry.lastAttempt = date
            if passed {
                entry.passed = true
                if entry.passedAt == nil { entry.passedAt = date }
            }
            progress.exercises[id] = entry
        }
    }

    /// Forgets a lesson's progress (to start it again from the top).
    public func reset(lesson lessonID: String) throws {
        try update { $0.lessons[lessonID] = nil }
    }

    /// Writes this store's progress as it is (replacing the file's), atomically and under the lock.
    public func save() throws {
        try withLock { try AtomicFile.write(Self.encoder.encode(progress), to: url) }
    }

    /// Moves the unreadable file aside; returns the message for the learner.
    private func setAside(at date: Date) -> String {
        let stamp = Self.stamp.string(from: date)
        let folder = url.deletingLastPathComponent()
        // Never over an earlier copy: two corrupt files set aside within one second get -2, -3, … names.
        var aside = folder.appendingPathComponent("progress.json.corrupt-\(stamp)")
        var suffix = 1
        while FileManager.default.fileExists(atPath: aside.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: aside.path)) != nil {
            suffix += 1
            aside = folder.appendingPathComponent("progress.json.corrupt-\(stamp)-\(suffix)")
        }
        do {
            try FileManager.default.moveItem(at: url, to: aside)
            return "progress file was unreadable and was set aside as \(aside.lastPathComponent)"
        } catch {
            return "progress file \(url.path) was unreadable and could not be set aside; it will be overwritten"
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// `20261123T162946Z`: sortable, and free of characters file systems dislike.
    private static var stamp: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }
}
