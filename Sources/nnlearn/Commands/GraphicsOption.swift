import ArgumentParser
import NNScript

/// `--ascii`: plots, images and tables in plain ASCII, whatever the terminal's locale.
struct GraphicsOption: ParsableArguments {
    @Flag(name: .customLong("ascii"), help: "Draw plots, images and tables in plain ASCII (the default when the locale is not UTF-8).")
    var ascii = false

    /// Makes the choice every interpreter's.
    func apply() {
        if ascii { Host.Graphics.chosenASCII = true }
    }
}
