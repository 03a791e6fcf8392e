import NNLessons

/// `:lesson`, `:next`, `:back`, `:run`, `:rerun`, `:goto N`, `:edit`, `:cells`, `:where`: stepping through a lesson in the REPL.
public enum LessonCommands {
    public static let all: [ReplCommand] = [
        ReplCommand(name: "lesson", aliases: ["lessons"], usage: ":lesson [ID]", summary: "open a lesson (by id, number or file), or list them",
                    details: "A lesson you took part of before resumes after the last cell you ran. Enter then runs the cell shown, or shows the next one.",
                    argumentCompletion: .lessonIDs) { invocation, session in
            guard let query = invocation.words.first else {
                let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory())
                session.console.out(catalog.listing(progress: ProgressStore(), colour: session.console.colour))
                return .success
            }
            return session.openLesson(query, restart: invocation.words.dropFirst().contains("--restart"))
        },
        ReplCommand(name: "next", aliases: ["n"], usage: ":next", summary: "show the lesson's next cell (Enter does this too)") { _, session in
            session.lessonStep { $0.next() }
        },
        ReplCommand(name: "back", usage: ":back", summary: "show the previous cell again") { _, session in
            session.lessonStep { $0.back() }
        },
        ReplCommand(name: "run", usage: ":run", summary: "run the current cell (again)") { _, session in
            session.lessonStep { $0.run() }
        },
        ReplCommand(name: "rerun", usage: ":rerun", summary: "start afresh: earlier cells run again silently, then the current one",
                    details: "For when experiments have muddled the variables; your own code is not replayed.") { _, session in
            session.lessonStep { $0.rerun() }
        },
        ReplCommand(name: "goto", usage: ":goto N", summary: "jump to cell N (earlier cells that have not run, run first)") { invocation, session in
            guard let number = invocation.words.first.flatMap({ Int($0) }) else {
                return session.fail(":goto needs a cell number, such as :goto 3")
            }
            return session.lessonStep { $0.goto(number) }
        },
        ReplCommand(name: "edit", usage: ":edit [N]", summary: "put the lesson's cell in the editor to change and run",
                    details: """
                        The cell is the one on screen: the cell shown and not yet run, or the one you just ran; \
                        :edit N takes cell N. Its code is in the next prompt, all its lines, to change as you like; \
                        Enter on the last line runs it as your own code in the lesson's variables (the lesson's cell \
                        itself stays as written: :run runs it). Enter on a line above the last, or Esc Enter anywhere, \
                        starts a new line; Up and Down move between the lines, and past the first or last through the \
                        history, where every cell you run is one entry; Ctrl-C drops the edit.
                        """) { invocation, session in
            session.editLessonCell(invocation.words.first)
        },
        ReplCommand(name: "cells", usage: ":cells", summary: "the lesson's outline: ▸ the current cell, ✓ those that ran") { _, session in
            guard let lesson = session.lesson else { return session.fail("no lesson is open: :lesson ID opens one") }
            session.console.line(lesson.cells())
            return .success
        },
        ReplCommand(name: "where", usage: ":where", summary: "where you are in the lesson") { _, session in
            guard let lesson = session.lesson else { return session.fail("no lesson is open: :lesson ID opens one") }
            session.console.line(lesson.where())
            return .success
        },
    ]
}
