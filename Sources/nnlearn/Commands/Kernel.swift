import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNKernel
import NNRepl
import NNScript

/// `nnlearn kernel --connection-file FILE`: the Jupyter kernel a front end starts.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Serve a Jupyter front end (JupyterLab, Notebook, VS Code) as its nnlearn kernel.",
        discussion: """
            Jupyter starts this itself with the connection file it wrote; `nnlearn jupyter install` \
            registers it. Messages whose signature does not match the file's key are dropped and logged \
            on standard error, never run.
            """
    )

    @Option(help: ArgumentHelp("The connection file Jupyter wrote: ports, address and signing key.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var connectionFile: String

    @OptionGroup var memory: MemoryLimitOption

    func run() throws {
        memory.apply()
        let kernel: JupyterKernel
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: connectionFile))
            let connection = try ConnectionInfo(json: data)
            kernel = try JupyterKernel(connection: connection, version: NNLearn.configuration.version,
                                       baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch let error as KernelError {
            StandardStream.write("nnlearn kernel: \(connectionFile): \(error)\n", to: 2)
            throw ExitCode(1)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            StandardStream.write("nnlearn kernel: no connection file \(connectionFile) (Jupyter writes it when it starts the kernel)\n", to: 2)
            throw ExitCode(1)
        } catch {
            StandardStream.write("nnlearn kernel: \(error)\n", to: 2)
            throw ExitCode(1)
        }
        // Ctrl-C in the terminal that runs the front end (interrupt_mode "signal") stops the running cell.
        InterruptSignal.install()
        // A parent that blocked SIGINT (some test runners and process managers do) must not disable the interrupt.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let status = kernel.run()
        if status != 0 { throw ExitCode(status) }
    }
}
