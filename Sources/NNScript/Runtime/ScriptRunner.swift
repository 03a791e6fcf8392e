import Foundation

/// Runs a whole program as `nnlearn run` does: output to stdout, errors rendered to stderr.
public enum ScriptRunner {
    /// Runs `source`; returns false when it stopped with an error.
    public static func run(_ source: String, file: String, base: URL) -> Bool {
        LargeStack.run {
            let stdout: (String) -> Void = { Swift.print($0, terminator: "") }
            let interpreter = Interpreter(host: Host(output: stdout, display: { stdout($0.text + "\n") },
                                                     graphics: Host.Graphics.detect(),
                                                     files: FileAccess(base: base), interrupt: Interruption.shared,
                                                     input: Host.standardInput(output: stdout)))
            do {
                _ = try interpreter.run(source)
                return true
            } catch let error as ScriptError {
                StandardStream.write(error.render(source: source, file: file) + "\n", to: 2)
            } catch {
                StandardStream.write("\(file): error: \(error)\n", to: 2)
            }
            return false
        }
    }
}
