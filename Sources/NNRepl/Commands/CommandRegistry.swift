import NNScript

/// The meta-commands a session knows, in the order `:help` lists them.
public struct CommandRegistry {
    /// Every command, in registration order.
    public private(set) var commands: [ReplCommand] = []

    public init(_ commands: [ReplCommand] = []) {
        for command in commands { register(command) }
    }

    /// Adds a command, or replaces the one with the same name (keeping its place in the list).
    public mutating func register(_ command: ReplCommand) {
        if let index = commands.firstIndex(where: { $0.name == command.name }) {
            commands[index] = command
        } else {
            commands.append(command)
        }
    }

    /// The command with this name or alias.
    public func command(named name: String) -> ReplCommand? {
        commands.first { $0.name == name } ?? commands.first { $0.aliases.contains(name) }
    }

    /// Every name and alias, for completion.
    public var names: [String] {
        commands.flatMap { [$0.name] + $0.aliases }
    }

    /// The known command closest to a misspelt name, or the only one it begins.
    public func suggestion(for name: String) -> String? {
        if let closest = Diagnostic.closestName(to: name, among: names) { return closest }
        let extending = names.filter { !name.isEmpty && $0.hasPrefix(name) }
        return extending.count == 1 ? extending[0] : nil
    }
}
