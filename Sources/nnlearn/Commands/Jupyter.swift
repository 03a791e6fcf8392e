import ArgumentParser
import Foundation
import NNKernel
import NNScript

/// `nnlearn jupyter install|uninstall`: registers the kernel with Jupyter.
struct JupyterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jupyter",
        abstract: "Register nnlearn as a Jupyter kernel, or remove it.",
        subcommands: [Install.self, Uninstall.self]
    )

    /// Where the kernelspec goes.
    struct Where: ParsableArguments {
        @Flag(help: "In your own Jupyter data folder (the default).")
        var user = false

        @Option(help: ArgumentHelp("Under PREFIX/share/jupyter, such as a virtual environment's folder.", valueName: "prefix"),
                completion: .directory)
        var prefix: String?

        func validate() throws {
            if user && prefix != nil { throw ValidationError("--user and --prefix exclude each other: choose one.") }
        }

        var folder: URL { (prefix.map { .prefix($0) } ?? KernelSpec.Location.user).folder() }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Write the kernelspec that starts this nnlearn binary, so Jupyter lists the nnlearn kernel.")

        @OptionGroup var location: Where

        @Option(help: ArgumentHelp("The nnlearn binary the kernel starts (default: this one), for packagers.", valueName: "path"),
                completion: .file())
        var executable: String?

        func validate() throws {
            if let executable, !executable.hasPrefix("/") { throw ValidationError("--executable takes an absolute path.") }
        }

        func run() throws {
            let spec = KernelSpec(executable: executable ?? Self.executablePath)
            do {
                StandardStream.write(try spec.install(in: location.folder) + "\n", to: 1)
            } catch {
                StandardStream.write("nnlearn jupyter install: \(error)\n", to: 2)
                throw ExitCode(1)
            }
        }

        /// The absolute path of the running binary, links resolved, so the kernelspec survives a changed PATH.
        static var executablePath: String {
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
            return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().path
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "uninstall", abstract: "Remove the nnlearn kernelspec.")

        @OptionGroup var location: Where

        func run() throws {
            do {
                StandardStream.write(try KernelSpec.uninstall(from: location.folder) + "\n", to: 1)
            } catch {
                StandardStream.write("nnlearn jupyter uninstall: \(error)\n", to: 2)
                throw ExitCode(1)
            }
        }
    }
}
