/// Placeholders for the lesson commands, so that their names
/// complete and tell the learner they are coming instead of "unknown command".
///
/// The lessons feature replaces them by registering commands with the same
/// names (``CommandRegistry/register(_:)``); the argument completion here
/// (lesson ids) is already wired to the session's ``ReplSession/lessonIDs``.
public enum PlannedCommands {
    /// `:lesson ID`, `:next`, `:back`, `:run`, `:goto N`, `:cells`, `:where`.
    public static let lessons: [ReplCommand] = [
        planned("lesson", ":lesson ID", "open a lesson", .lessonIDs),
        planned("next", ":next", "show the next cell of the lesson"),
        planned("back", ":back", "go back one cell"),
        planned("run", ":run", "run the lesson's current cell"),
        planned("goto", ":goto N", "jump to cell N of the lesson"),
        planned("cells", ":cells", "list the lesson's cells"),
        planned("where", ":where", "show where you are in the lesson"),
    ]

    /// Every placeholder still planned (the exercise commands are ``ExerciseCommands``).
    public static var all: [ReplCommand] { lessons }

    private static func planned(_ name: String, _ usage: String, _ summary: String,
                                _ completion: ArgumentCompletion = .nothing) -> ReplCommand {
        ReplCommand(name: name, usage: usage, summary: summary, argumentCompletion: completion, isListed: false) { _, session in
            session.fail(":\(name) is not available in this version of nnlearn yet")
        }
    }
}
