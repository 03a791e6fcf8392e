import Foundation
import NNScript

/// The kernelspec that lets Jupyter find nnlearn: `kernels/nnlearn/kernel.json` in a Jupyter data folder.
public struct KernelSpec: Equatable, Sendable {
    /// The kernel's name in Jupyter (`jupyter kernelspec list`, a notebook's metadata).
    public static let name = "nnlearn"

    /// The absolute path of the nnlearn binary Jupyter starts.
    public var executable: String
    /// How Jupyter interrupts a cell: `message` (an interrupt_request on control) or `signal` (SIGINT).
    public var interruptMode: String

    /// A spec starting `executable`, interrupted by messages unless told otherwise.
    public init(executable: String, interruptMode: String = "message") {
        self.executable = executable
        self.interruptMode = interruptMode
    }

    /// kernel.json: the command line, the display name, the language and the interrupt mode.
    public var json: Data {
        let object: [String: Any] = [
            "argv": [executable, "kernel", "--connection-file", "{connection_file}"],
            "display_name": "nnlearn", "language": "nnlearn", "interrupt_mode": interruptMode,
            "metadata": ["debugger": false],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }

    /// Where a kernelspec goes: the user's Jupyter data folder, or `PREFIX/share/jupyter` (a virtual
    /// environment's or a system prefix).
    public enum Location: Equatable, Sendable {
        case user
        case prefix(String)

        /// The `kernels/nnlearn` folder for this location.
        public func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
            kernelsFolder(environment: environment).appendingPathComponent(KernelSpec.name, isDirectory: true)
        }

        private func kernelsFolder(environment: [String: String]) -> URL {
            switch self {
            case .prefix(let prefix):
                return URL(fileURLWithPath: prefix, isDirectory: true).appendingPathComponent("share/jupyter/kernels", isDirectory: true)
            case .user:
                // Jupyter's own rule: JUPYTER_DATA_DIR, else the platform's data folder.
                if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
                    return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("kernels", isDirectory: true)
                }
                let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
                #if os(macOS)
                return home.appendingPathComponent("Library/Jupyter/kernels", isDirectory: true)
                #else
                let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
                    ?? home.appendingPathComponent(".local/share", isDirectory: true)
                return data.appendingPathComponent("jupyter/kernels", isDirectory: true)
                #endif
            }
        }
    }

    /// Writes kernel.json into `folder` (created if missing). An existing kernel.json is replaced only
    /// when it is nnlearn's own; the returned text says what was done.
    public func install(in folder: URL) throws(KernelError) -> String {
        let file = folder.appendingPathComponent("kernel.json")
        if FileManager.default.fileExists(atPath: file.path), !Self.isOwn(file) {
            throw KernelError("\(file.path) is another program's kernelspec; nnlearn leaves it alone (remove it first to replace it)")
        }
        do {
            try AtomicFile.write(json, to: file)
        } catch {
            throw KernelError("cannot write \(file.path): \(error.localizedDescription)")
        }
        return "Installed the nnlearn kernel in \(folder.path)"
    }

    /// Removes the kernelspec folder, only when its kernel.json is nnlearn's own.
    public static func uninstall(from folder: URL) throws(KernelError) -> String {
        let file = folder.appendingPathComponent("kernel.json")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw KernelError("no nnlearn kernel in \(folder.path)")
        }
        guard isOwn(file) else {
            throw KernelError("\(file.path) is not nnlearn's kernelspec; nnlearn leaves it alone")
        }
        do {
            try FileManager.default.removeItem(at: folder)
        } catch {
            throw KernelError("cannot remove \(folder.path): \(error.localizedDescription)")
        }
        return "Removed the nnlearn kernel from \(folder.path)"
    }

    /// Whether a kernel.json is one nnlearn wrote: language nnlearn, started as `… kernel --connection-file`.
    static func isOwn(_ file: URL) -> Bool {
        guard let data = try? Data(contentsOf: file), data.count < 1 << 20,
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let argv = object["argv"] as? [String] else { return false }
        return object["language"] as? String == "nnlearn" && argv.dropFirst().first == "kernel"
    }
}
