import Foundation

/// Reads lesson Markdown into a ``Lesson``: front matter, prose, `nn` cells and their `output` blocks.
public enum LessonParser {
    /// Parses a lesson's text; `file` names it in diagnostics and gives the default id and order.
    public static func parse(_ source: String, file: String) throws(LessonError) -> Lesson {
        let lines = SourceLines(source)
        let matter = try FrontMatter.parse(lines, file: file)
        var builder = BlockBuilder(file: file)
        var exercises = ExerciseBlockCollector()
        var index = matter.lineCount
        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence.opening(line) else {
                builder.addProseLine(line, at: index + 1)
                exercises.addProseLine(line, isFenced: false)
                index += 1
                continue
            }
            guard let close = (index + 1..<lines.count).first(where: { fence.isClosed(by: lines[$0]) }) else {
                throw LessonError(file: file, line: index + 1, message: "unclosed code fence opened at line \(index + 1)")
            }
            let content = (index + 1..<close).map { fence.content(lines[$0]) }.joined(separator: "\n")
            if let kind = ExerciseBlockCollector.kind(of: fence) {
                exercises.addBlock(kind, fence: fence, content: content, line: index + 1)
            } else {
                exercises.addFencedLines((index...close).map { lines[$0] })
            }
            if let options = fence.cellOptions {
                builder.addCell(source: content, line: index + 1, closingLine: close + 1,
                                interrupted: options.first == Substring(Self.interruptedMark))
                index = close + 1
                continue
            }
            switch fence.language {
            case "output":
                try builder.addOutput(RecordedOutput(text: content, line: index + 1, closingLine: close + 1))
            default:
                // Other languages, and exercise and check blocks, stay prose untouched: replay leaves them alone.
                for fenced in index...close { builder.addProseLine(lines[fenced], at: fenced + 1, isFenced: true) }
            }
            index = close + 1
        }
        let blocks = builder.finish()
        var lesson = try lesson(from: blocks, matter: matter, file: file, heading: builder.firstHeading)
        lesson.exerciseBlocks = exercises.blocks
        return lesson
    }

    /// The info string nnlearn writes on a code cell's fence: forges highlight it as Python, and
    /// ```` ```nn ```` alone is read as a cell too.
    public static let cellInfo = "python nn"

    /// The word after `nn` that marks a cell Ctrl-C stopped when it was saved.
    public static let interruptedMark = "interrupted"

    /// Reads and parses a lesson file; unreadable or non-UTF-8 files are diagnostics too.
    public static func load(_ url: URL, name: String? = nil) throws(LessonError) -> Lesson {
        try parse(read(url, name: name), file: name ?? url.path)
    }

    /// A lesson file's text; `name` is how diagnostics call it (the path by default).
    public static func read(_ url: URL, name: String? = nil) throws(LessonError) -> String {
        let file = name ?? url.path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path) else {
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "permission denied"
            throw LessonError(file: file, line: 0, message: "cannot read the lesson: \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(file: file, line: 0, message: "the lesson is not UTF-8 text")
        }
        return text
    }

    private static func lesson(
        from blocks: [LessonBlock], matter: FrontMatter, file: String, heading: String?
    ) throws(LessonError) -> Lesson {
        let base = (file as NSString).lastPathComponent
        let stem = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
        let id = matter.fields["id"].flatMap { $0.isEmpty ? nil : $0 } ?? stem
        var order = Int(stem.prefix { $0.isASCII && $0.isNumber })
        if let text = matter.fields["order"] {
            guard let value = Int(text) else {
                throw LessonError(file: file, line: matter.fieldLines["order"] ?? 1,
                                  message: "front matter 'order' must be a whole number, not '\(text)'")
            }
            order = value
        }
        let title = matter.fields["title"].flatMap { $0.isEmpty ? nil : $0 } ?? heading ?? id
        var prerequisites = matter.lists["prerequisites"] ?? []
        if prerequisites.isEmpty, let written = matter.fields["prerequisites"] {
            // A plain `prerequisites: a, b` is accepted as well as the list forms.
            prerequisites = written.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        return Lesson(id: id, title: title, order: order, prerequisites: prerequisites, metadata: matter.fields,
                      file: file, blocks: blocks)
    }
}
