/// A meta-command of the REPL, such as `:vars` or `:precision 3`.
///
/// Commands are values registered in a ``CommandRegistry``; registering one
/// with the name of an existing command replaces it. That is how lessons and
/// exercises plug in their own `:lesson`, `:next`, `:grade`… commands.
public struct ReplCommand: Sendable {
    /// The name typed after the colon.
    public var name: String
    /// Other names that run the same command (`:q` for `:quit`).
    public var aliases: [String]
    /// How to type it, for help: `:precision N`.
    public var usage: String
    /// One line for the `:help` list.
    public var summary: String
    /// More text for `:help name`; may be empty.
    public var details: String
    /// What Tab offers after the command name.
    public var argumentCompletion: ArgumentCompletion
    /// Whether `:help` lists the command (placeholders for later features are hidden).
    public var isListed: Bool
    /// Runs the command in a session.
    public var run: @Sendable (CommandInvocation, ReplSession) -> CommandOutcome

    public init(name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
                argumentCompletion: ArgumentCompletion = .nothing, isListed: Bool = true,
                run: @escaping @Sendable (CommandInvocation, ReplSession) -> CommandOutcome) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.details = details
        self.argumentCompletion = argumentCompletion
        self.isListed = isListed
        self.run = run
    }

    /// The text of `:help name`.
    public var helpText: String {
        var text = usage + "\n" + summary
        if !details.isEmpty { text += "\n\n" + details }
        if !aliases.isEmpty { text += "\n\nAlso: " + aliases.map { ":" + $0 }.joined(separator: ", ") }
        return text
    }
}

/// How a command ended.
public enum CommandOutcome: Equatable, Sendable {
    case success
    /// The command could not do its work; in a pipe this makes the exit status 1.
    case failure
    /// End the session.
    case quit
}

/// What Tab completion offers for a command's arguments.
public enum ArgumentCompletion: Sendable {
    /// No completion.
    case nothing
    /// Fixed words, such as `on` and `off`.
    case words([String])
    /// Code, completed as at the prompt (for `:time`).
    case code
    /// Names `:help` knows: builtins, variables and commands.
    case helpTopics
    /// Paths of files with one of these extensions (and folders).
    case files(extensions: [String])
    /// The session's lesson ids (``ReplSession/lessonIDs``).
    case lessonIDs
    /// The session's exercise ids (``ReplSession/exerciseIDs``).
    case exerciseIDs
    /// Identifiers from another source.
    case identifiers(any IdentifierSource)
}
