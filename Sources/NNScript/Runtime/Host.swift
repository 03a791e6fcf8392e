import Foundation
import NNCore
import NNTerminal

/// What an interpreter receives from the program that runs it: where output goes, how it looks, what it may do.
///
/// The one way to configure an interpreter: each front end (`nnlearn run`, the REPL,
/// lesson replay, the grader, a notebook kernel) builds a `Host` and hands it to
/// ``Interpreter/init(host:)``; a new front end needs only a new `Host`. The default
/// host is quiet: output is dropped, values are not shown, files follow the trust model
/// from the current folder, Ctrl-C is ignored and only the memory budget limits a program.
public struct Host {
    /// Receives text written by `print` and reports, as it is produced.
    public var output: (String) -> Void
    /// Receives top-level expressions' values (a notebook's Out) and figures; nil shows no
    /// values and writes a figure's text to ``output``.
    public var display: ((Shown) -> Void)?
    /// Told of training progress by `fit` (fraction done, seconds so far, status line), for a progress bar.
    public var progress: ((Double, Double, String) -> Void)?
    /// Receives the results of `check` and `check_close` (the grader); nil prints them as ✓/✗ lines.
    public var checks: ((CheckResult) -> Void)?
    /// Called after every `backward()` with the loss and the interpreter (the REPL's `:trace on`).
    public var trace: ((Tensor, Interpreter) -> Void)?
    /// Colour for plots and tables.
    public var colour: ColourPolicy
    /// Unicode blocks and braille, or plain ASCII, for plots, images and tables.
    public var graphics: Graphics
    /// Where programs may read and write files (the trust model).
    public var files: FileAccess
    /// How many steps, how long and how much memory a program may take.
    public var limits: Limits
    /// The stop request that stops this interpreter's programs (Ctrl-C's, or a test's own); nil ignores stops.
    public var interrupt: InterruptRequest?
    /// Reads a line for `input(prompt)`, showing the prompt as the front end does; nil: this front end has no
    /// input (a lesson replay, the grader), and `input()` says so.
    public var input: ((String) -> InputLine)?

    /// A host with the given parts; every one left out keeps the quiet default.
    public init(
        output: @escaping (String) -> Void = { _ in }, display: ((Shown) -> Void)? = nil,
        progress: ((Double, Double, String) -> Void)? = nil, checks: ((CheckResult) -> Void)? = nil,
        trace: ((Tensor, Interpreter) -> Void)? = nil, colour: ColourPolicy = .plain, graphics: Graphics = .unicode,
        files: FileAccess = FileAccess(), limits: Limits = Limits(), interrupt: InterruptRequest? = nil,
        input: ((String) -> InputLine)? = nil
    ) {
        self.output = output
        self.display = display
        self.progress = progress
        self.checks = checks
        self.trace = trace
        self.colour = colour
        self.graphics = graphics
        self.files = files
        self.limits = limits
        self.interrupt = interrupt
        self.input = input
    }

    /// What a front end's reader gives `input()`.
    public enum InputLine: Sendable, Equatable {
        /// The line typed, without its line break.
        case line(String)
        /// The input ended (Ctrl-D, a closed pipe): `input()` raises EOFError.
        case end
        /// The front end cannot ask now (a notebook that does not allow stdin); why, for the error.
        case unavailable(String)
    }

    /// Reads `input()`'s line from the process's standard input after writing the prompt to `output`
    /// (`nnlearn run`, the REPL).
    public static func standardInput(output: @escaping (String) -> Void) -> (String) -> InputLine {
        { prompt in
            output(prompt)
            return Swift.readLine(strippingNewline: true).map(InputLine.line) ?? .end
        }
    }

    /// How plots, images and tables are drawn.
    public enum Graphics: Sendable, Equatable {
        /// Unicode blocks, shades and braille.
        case unicode
        /// Plain ASCII, for terminals without UTF-8.
        case ascii

        /// ASCII when the learner asked for it (`--ascii`) for this process; set once at start-up.
        public nonisolated(unsafe) static var chosenASCII = false

        /// What a terminal with this environment shows: ASCII when chosen, or when the locale
        /// (`LC_ALL`, else `LC_CTYPE`, else `LANG`, as the C library reads them) does not name UTF-8.
        public static func detect(environment: [String: String]) -> Graphics {
            if chosenASCII { return .ascii }
            let locale = localeVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
            let normalized = locale.lowercased().filter { $0 != "-" }
            return normalized.contains("utf8") ? .unicode : .ascii
        }

        /// What this process's terminal shows, as ``detect(environment:)`` with the process's locale variables.
        public static func detect() -> Graphics {
            detect(environment: ProcessEnvironment.values(of: localeVariables))
        }

        private static let localeVariables = ["LC_ALL", "LC_CTYPE", "LANG"]
    }

    /// What a program may take before it is stopped.
    public struct Limits: Sendable, Equatable {
        /// The most steps a program may take (nil: no limit).
        public var steps: Int?
        /// The wall-clock seconds a program may run (nil: no limit); the clock restarts for every run.
        public var time: TimeInterval?
        /// The most bytes of live tensor data, and of any one new string or list.
        public var memory: Int

        /// The memory budget the learner chose for this process (`--memory-limit`); nil keeps each front end's
        /// default (2 GB; replay 1 GB, grading 512 MB). Set once at start-up, before any interpreter runs.
        public nonisolated(unsafe) static var chosenMemory: Int?

        /// Limits with the given parts; memory defaults to the learner's `--memory-limit`, else ``ResourceBudget/defaultLimit``.
        public init(steps: Int? = nil, time: TimeInterval? = nil, memory: Int? = nil) {
            self.steps = steps
            self.time = time
            self.memory = memory ?? Limits.memory(default: ResourceBudget.defaultLimit)
        }

        /// `memory` unless the learner chose a budget for the process (`--memory-limit`).
        public static func memory(default memory: Int) -> Int { chosenMemory ?? memory }
    }
}

/// Something shown beside the text stream: a top-level expression's value or a figure.
public struct Shown {
    /// What was shown.
    public enum Kind: Sendable, Equatable {
        /// The value of a top-level expression (a notebook's Out).
        case result
        /// A plot or chart drawn by a builtin.
        case figure
        /// A table (`summary()`, `table()`, `:vars`), which a notebook can show as HTML.
        case table
    }

    /// Whether this is a value or a figure.
    public let kind: Kind
    /// The plain-text form, as a terminal shows it, without a final line break.
    public let text: String
    /// Builds the figure's SVG document; nil for values.
    let makeSVG: (() -> String)?
    /// Builds the table's HTML; nil for values and figures.
    let makeHTML: (() -> String)?

    /// A shown item; `svg` builds a figure's SVG and `html` a table's HTML when a front end asks for them.
    public init(kind: Kind, text: String, svg: (() -> String)? = nil, html: (() -> String)? = nil) {
        self.kind = kind
        self.text = text
        makeSVG = svg
        makeHTML = html
    }

    /// The figure as an SVG document, for front ends that show pictures; nil for values.
    public var svg: String? { makeSVG?() }

    /// The table as HTML, for front ends that show it as a table; nil for values and figures.
    public var html: String? { makeHTML?() }
}
