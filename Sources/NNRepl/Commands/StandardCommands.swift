/// The meta-commands every session starts with.
public enum StandardCommands {
    /// The commands in the order `:help` lists them.
    public static func registry() -> CommandRegistry {
        CommandRegistry([
            HelpCommand.command, VarsCommand.command, ResetCommand.command, TimeCommand.command,
            PrecisionCommand.command, MemoryCommand.command, TraceCommand.command, LoadCommand.command, SaveCommand.command,
            QuitCommand.command,
        ] + LessonCommands.all + ExerciseCommands.commands())
    }
}
