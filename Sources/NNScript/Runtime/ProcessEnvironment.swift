import Foundation

/// The few environment variables a command reads, looked up one by one.
///
/// `ProcessInfo.processInfo.environment` copies the whole environment into a dictionary, which
/// showed in the start-up of `nnlearn run`; the start-up path reads only the variables it needs.
public enum ProcessEnvironment {
    /// The variables among `names` that are set, by name.
    public static func values(of names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
