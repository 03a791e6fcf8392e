import Foundation

/// The learner's folder of exercise files: `<workspace>/<id>.nn`.
public struct ExerciseWorkspace: Sendable {
    /// The folder.
    public var directory: URL
    /// How messages name it: as typed, or the default `nnlearn-exercises`.
    public var shownName: String

    public init(directory: URL, shownName: String? = nil) {
        self.directory = directory
        self.shownName = shownName ?? directory.path
    }

    /// `--workspace DIR` when given, else `$NNLEARN_WORKSPACE`, else `./nnlearn-exercises`.
    public static func resolve(_ option: String?, environment: [String: String], currentDirectory: URL) -> ExerciseWorkspace {
        let given = option.flatMap { $0.isEmpty ? nil : $0 } ?? environment["NNLEARN_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 }
        let name = given ?? "nnlearn-exercises"
        let expanded = (name as NSString).expandingTildeInPath
        let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : currentDirectory.appendingPathComponent(expanded)
        return ExerciseWorkspace(directory: url.standardizedFileURL, shownName: name)
    }

    /// The learner's file for an exercise.
    public func file(for id: String) -> URL { directory.appendingPathComponent(id + ".nn") }

    /// The file as messages show it: `nnlearn-exercises/perceptron_update.nn`.
    public func shownPath(for id: String) -> String {
        (shownName.hasSuffix("/") ? shownName : shownName + "/") + id + ".nn"
    }

    /// The ids among `known` that have a file in the workspace, in the order of `known`.
    public func startedIDs(among known: [String]) -> [String] {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        return known.filter { names.contains($0 + ".nn") }
    }
}
