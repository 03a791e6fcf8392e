import Foundation
import NNScript
import NNTerminal

/// The lessons in a folder, in course order, and how to find one by id, number or file.
public struct LessonCatalog {
    /// One Markdown file of the folder: its lesson, or why it could not be read.
    public struct Entry {
        public var url: URL
        public var lesson: Result<Lesson, LessonError>
    }

    /// The folder searched.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The course's `lessons` folder, found as ``ResourceRoot`` says.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        ResourceRoot.locate(environment: environment, executable: ResourceRoot.runningExecutable, checkout: ResourceRoot.checkout)
            .lessonsDirectory(fallback: ResourceRoot.checkout)
    }

    /// Every `*.md` file except README.md, sorted by order (lessons without one last), then id.
    ///
    /// Names are shown relative to the folder's parent (`lessons/00-tour.md`).
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let entries = names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.map { name -> Entry in
            let url = directory.appendingPathComponent(name)
            let shown = directory.lastPathComponent + "/" + name
            return Entry(url: url, lesson: Result { () throws(LessonError) in try LessonParser.load(url, name: shown) })
        }
        return entries.sorted { Self.sortKey($0) < Self.sortKey($1) }
    }

    private static func sortKey(_ entry: Entry) -> SortKey {
        switch entry.lesson {
        case .success(let lesson): SortKey(order: lesson.order ?? Int.max, id: lesson.id)
        case .failure: SortKey(order: Int.max, id: entry.url.lastPathComponent)
        }
    }

    private struct SortKey: Comparable {
        var order: Int
        var id: String
        static func < (a: SortKey, b: SortKey) -> Bool { (a.order, a.id) < (b.order, b.id) }
    }

    /// The lesson a learner named: a path to a file, a number (its order), or an id.
    public func find(_ query: String) throws(LessonError) -> (lesson: Lesson, url: URL) {
        if query.hasSuffix(".md") || query.contains("/") {
            let url = URL(fileURLWithPath: query)
            return (try LessonParser.load(url, name: query), url)
        }
        let lessons = entries().compactMap { entry -> (Lesson, URL)? in
            guard case .success(let lesson) = entry.lesson else { return nil }
            return (lesson, entry.url)
        }
        if let number = Int(query), let match = lessons.first(where: { $0.0.order == number }) { return match }
        if let match = lessons.first(where: { $0.0.id == query }) { return match }
        // The file's name without `.md` too, which README, completion and `nnlearn lessons` may show.
        if let match = lessons.first(where: { $0.1.deletingPathExtension().lastPathComponent == query }) { return match }
        // A malformed lesson that was asked for by name deserves its own diagnostic.
        for entry in entries() where entry.url.deletingPathExtension().lastPathComponent == query {
            if case .failure(let error) = entry.lesson { throw error }
        }
        throw LessonError(file: query, line: 0, message: "no lesson '\(query)' in \(directory.path); `nnlearn lessons` lists them")
    }

    /// The table `nnlearn lessons` prints: number, id, title and progress; unreadable files after it.
    public func listing(progress: ProgressStore?, colour: ColourPolicy = .plain) -> String {
        var rows: [[String]] = []
        var problems: [String] = []
        for entry in entries() {
            switch entry.lesson {
            case .success(let lesson):
                let status = progress?.status(of: lesson.id, cellCount: lesson.cells.count) ?? .notStarted
                rows.append([lesson.order.map(String.init) ?? "", lesson.id, lesson.title, status.description])
            case .failure(let error):
                problems.append(error.description)
            }
        }
        guard !rows.isEmpty || !problems.isEmpty else { return "No lessons in \(directory.path).\n" }
        var text = ""
        if !rows.isEmpty {
            let table = Table(headers: ["#", "id", "title", "progress"], rows: rows, alignments: [.right, nil, nil, nil])
            text += table.render(colour: colour)
            if !text.hasSuffix("\n") { text += "\n" }
        }
        return text + problems.map { $0 + "\n" }.joined()
    }
}
