import Foundation

/// Where nnlearn keeps a learner's state: $XDG_STATE_HOME/nnlearn, or ~/.local/state/nnlearn.
public enum StateDirectory {
    /// The directory for an environment (created by the writers that need it).
    public static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("nnlearn")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/nnlearn")
    }
}
