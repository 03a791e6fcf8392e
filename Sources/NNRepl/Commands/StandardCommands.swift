/// The meta-commands every session starts with.
public enum StandardCommands {
    /// The commands in the order `:help` lists them, with placeholders for
    /// the lesson commands that a later feature registers over.
    public static func registry() -> CommandRegistry {
        CommandRegistry([
            HelpCommand.command, VarsCommand.command, ResetCommand.command, TimeCommand.command,
            PrecisionCommand.command, TraceCommand.command, LoadCommand.command, SaveCommand.command,
            QuitCommand.command,
        ] + PlannedCommands.lessons + ExerciseCommands.commands())
    }
}
