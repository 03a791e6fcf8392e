import NNTerminal

/// How an exercise is shown to the learner, the same in `nnlearn start` and the REPL's `:exercise`.
public enum ExerciseText {
    /// The title line, the statement rendered as lesson prose is, and the builtins the answer may not use.
    public static func statement(of exercise: Exercise, colour: ColourPolicy = .plain, width: Int = 80) -> String {
        var text = colour.paint(exercise.title, .bold) + " (exercise \(exercise.id), lesson \(exercise.lessonID))\n\n"
        if !exercise.statement.isEmpty {
            text += MarkdownRenderer(width: width, colour: colour).render(exercise.statement) + "\n\n"
        }
        if !exercise.forbidden.isEmpty {
            let names = exercise.forbidden.map { "`\($0)`" }.joined(separator: ", ")
            text += "Not available in your answer, since the exercise asks you to write it yourself: \(names).\n\n"
        }
        return text
    }

    /// After a pass: `n of N exercises passed` and the next exercise to try, begun with `begin(id)`.
    ///
    /// The next one is the first not yet passed after this exercise in course order, else the first not passed.
    public static func afterPass(_ exercise: Exercise, catalog: ExerciseCatalog, passed: Set<String>,
                                 begin: (String) -> String) -> String {
        let ids = catalog.ids
        let count = ids.filter(passed.contains).count
        var text = "\(exercise.id) passed: \(count) of \(ids.count) exercises passed."
        let position = ids.firstIndex(of: exercise.id) ?? 0
        let later = ids[(position + 1)...] + ids[..<position]
        if let next = later.first(where: { !passed.contains($0) }), let found = try? catalog.exercise(next) {
            text += " Next: \(found.title) (lesson \(found.lessonID)): \(begin(next))"
        } else {
            text += " That is every exercise of the course."
        }
        return text + "\n"
    }
}
