/// Placeholders for the lesson and exercise commands, so that their names
/// complete and tell the learner they are coming instead of "unknown command".
///
/// The lessons and exercises features replace them by registering commands
/// with the same names (``CommandRegistry/register(_:)``); the argument
/// completion here (lesson ids, exercise ids) is already wired to the
/// session's ``ReplSession/lessonIDs`` and ``ReplSession/exerciseIDs``.
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

    /// `:exercise ID` and `:grade [ID]`.
    public static let exercises: [ReplCommand] = [
        planned("exercise", ":exercise ID", "start an exercise", .exerciseIDs),
        planned("grade", ":grade [ID]", "check your solution to an exercise", .exerciseIDs),
    ]

    public static var all: [ReplCommand] { lessons + exercises }

    private static func planned(_ name: String, _ usage: String, _ summary: String,
                                _ completion: ArgumentCompletion = .nothing) -> ReplCommand {
        ReplCommand(name: name, usage: usage, summary: summary, argumentCompletion: completion, isListed: false) { _, session in
            session.fail(":\(name) is not available in this version of nnlearn yet")
        }
    }
}
