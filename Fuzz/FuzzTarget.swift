import Foundation
import NNScript

/// libFuzzer's entry point: the input, read as UTF-8 (invalid bytes become U+FFFD), goes
/// through the lexer, the parser and, when it parses, the interpreter under a step and time budget.
///
/// Every input must end in output or a diagnostic; a trap, a stack overflow or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzTarget.run(source)
    return 0
}

/// Runs one input the way a REPL session would, with files and writes disabled.
enum FuzzTarget {
    static func run(_ source: String) {
        let interpreter = Interpreter(host: Host(files: FileAccess(mayWrite: false), limits: Host.Limits(steps: 100_000, time: 2)))
        // A first cell that holds state, then the input, then a cell that uses the state.
        _ = interpreter.runCell("keep = 41", file: "setup.nn")
        _ = interpreter.runCell(source, file: "fuzz.nn")
        let after = interpreter.runCell("keep + 1", file: "after.nn")
        // A fuzzed cell may rebind `keep`; anything else that loses the session is a bug.
        if after.error == nil, after.displays != ["42"], source.contains("keep") == false {
            fatalError("the session lost its state: keep + 1 gave \(after.displays)")
        }
    }
}
