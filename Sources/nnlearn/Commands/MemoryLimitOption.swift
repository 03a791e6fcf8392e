import ArgumentParser
import NNCore
import NNScript

/// `--memory-limit SIZE`: the memory budget of every interpreter this process starts.
struct MemoryLimitOption: ParsableArguments {
    @Option(name: .customLong("memory-limit"), help: ArgumentHelp(
        "The most memory a program's tensors, strings and lists may take, such as 4G or 512M (default 2G; replay 1G, grading 512M).",
        valueName: "size"))
    var memoryLimit: String?

    func validate() throws {
        if let memoryLimit, ResourceBudget.bytes(parsing: memoryLimit) == nil {
            throw ValidationError("--memory-limit takes a size such as 2G, 512M or 1.5G.")
        }
    }

    /// Makes the chosen budget every interpreter's.
    func apply() {
        if let memoryLimit { Host.Limits.chosenMemory = ResourceBudget.bytes(parsing: memoryLimit) }
    }
}
