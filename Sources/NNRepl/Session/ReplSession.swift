import Foundation
import NNCore
import NNScript
import NNLessons
import NNTerminal

/// One interactive session: an interpreter whose variables live across cells,
/// the notebook numbering, the recorded cells and the meta-commands.
///
/// The session knows nothing about terminals: it takes whole entries (from
/// ``EntryBuffer``) and writes to a ``ReplConsole``, so tests drive it directly
/// and the terminal and pipe front ends share it.
public final class ReplSession {
    /// How results are shown.
    public enum Style: Sendable {
        /// `Out[n]: value`, as in IPython.
        case notebook
        /// The bare value on its own line, as `nnlearn run` prints it.
        case plain
    }

    /// What became of one entry.
    public enum EntryResult: Equatable, Sendable {
        /// Nothing ran (a blank line).
        case nothing
        /// A cell or a command ran; false when it failed.
        case ran(succeeded: Bool)
        /// The learner asked to leave.
        case quit
    }

    /// The interpreter holding the session's variables (replaced by `:reset` and by each lesson opened).
    public internal(set) var interpreter: Interpreter
    /// Where everything is written.
    public let console: ReplConsole
    /// How results are shown.
    public let style: Style
    /// The meta-commands; register more to extend the REPL.
    public var commands: CommandRegistry
    /// The number of the next entry: `In [n]:`.
    public private(set) var nextNumber = 1
    /// Every code cell run so far as a lesson records it (errors named `cell N`), for `:save`.
    public private(set) var cells: [LessonCell] = []
    /// Lesson ids offered after `:lesson`.
    public var lessonIDs: any IdentifierSource = LessonFiles()
    /// Exercise ids offered after `:exercise` and `:grade`: those of the course's lessons.
    public var exerciseIDs: any IdentifierSource = ExerciseIDs()
    /// The folder relative paths in programs and commands start from.
    public let baseDirectory: URL
    /// Whether `fit` draws a progress bar (only on a terminal).
    public let drawsProgress: Bool
    /// Whether every `backward()` prints its trace (`:trace on`).
    public var tracesBackward = false
    /// Unicode or ASCII plots and tables, for every interpreter this session makes.
    public let graphics: NNScript.Host.Graphics
    /// The `Out[n]:` label of the cell running now; nil shows values bare (lesson cells, the plain style).
    private var resultLabel: String?
    /// True once any cell or command has failed (a pipe then exits with status 1).
    public private(set) var hadFailure = false
    /// Receives values and figures instead of the console (a notebook kernel sends them as rich output);
    /// nil writes their text.
    public var displaySink: ((Shown) -> Void)?
    /// Receives a cell's error and its rendering instead of standard error (a notebook kernel sends it
    /// as an error message); nil writes the rendering.
    public var errorSink: ((ScriptError, String) -> Void)?
    /// Where each whole entry is kept for Up and Ctrl-R: a typed cell or command as one entry, and a
    /// lesson cell the learner runs as one entry too. Nil keeps none (a pipe, a notebook kernel).
    public var history: HistoryStore?
    /// Whether a line editor reads the entries, so `:edit` can put a cell in it to change.
    public var hasLineEditor = false
    /// Text for the line editor to start the next entry with (set by `:edit`).
    public internal(set) var pendingEditorText: String?
    /// Whether each cell forgets a stop requested before it started (a Ctrl-C at the prompt). A notebook
    /// kernel clears the request itself when a request arrives, so an interrupt sent just before the
    /// cell starts still stops it.
    public var forgetsEarlierStops = true

    public init(console: ReplConsole, style: Style = .notebook, drawsProgress: Bool = false, graphics: NNScript.Host.Graphics = .unicode,
                baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                commands: CommandRegistry = StandardCommands.registry()) {
        self.console = console
        self.graphics = graphics
        self.style = style
        self.drawsProgress = drawsProgress
        self.baseDirectory = baseDirectory
        self.commands = commands
        interpreter = Interpreter()
        interpreter = makeInterpreter()
    }

    /// The lesson being stepped through, if one is open (`:lesson`).
    public internal(set) var lesson: LessonSession?

    /// Runs one whole entry: a cell of code or a meta-command.
    @discardableResult
    public func handle(_ entry: EntryBuffer.Outcome) -> EntryResult {
        switch entry {
        case .command(let text), .code(let text): history?.add(text)
        case .empty, .needsMore: break
        }
        switch entry {
        case .empty:
            // Inside a lesson, Enter on an empty line runs the cell shown or shows the next one.
            guard lesson != nil else { return .nothing }
            return .ran(succeeded: lessonStep { $0.advance() } == .success)
        case .needsMore:
            return .nothing
        case .command(let line):
            let outcome = runCommand(line)
            return outcome == .quit ? .quit : .ran(succeeded: outcome == .success)
        case .code(let source):
            if isQuitWord(source) { return .quit }
            return .ran(succeeded: runCell(source))
        }
    }

    /// Runs a cell of code as `In [n]`, writing its output as it happens.
    ///
    /// A pending Ctrl-C from the prompt is forgotten first, so only a Ctrl-C
    /// pressed while the cell runs interrupts it.
    @discardableResult
    public func runCell(_ source: String, file: String? = nil) -> Bool {
        runCell(source, file: file, number: takeNumber())
    }

    /// Runs a cell under a number already taken (by the command that runs it, as `:load` does).
    func runCell(_ source: String, file: String?, number: Int) -> Bool {
        if forgetsEarlierStops { Interruption.clear() }
        resultLabel = style == .notebook ? outputLabel(number) : nil
        defer { resultLabel = nil }
        let name = file ?? "In[\(number)]"
        let result = interpreter.runCell(source, file: name)
        console.endProgress()
        if let rendered = result.renderedError {
            if let errorSink, let error = result.error { errorSink(error, rendered) } else { console.error(rendered) }
        }
        // Leading blank lines only pad line numbers (piped input); a notebook cell starts at its code.
        cells.append(LessonWriter.captured(source: source, output: result.output, file: name, number: cells.count + 1,
                                           interrupted: result.error?.kind == .interrupted))
        if !result.succeeded { hadFailure = true }
        return result.succeeded
    }

    /// Runs a meta-command line such as `:precision 3`.
    @discardableResult
    public func runCommand(_ line: String) -> CommandOutcome {
        _ = takeNumber()
        guard let invocation = CommandInvocation(parsing: line) else {
            return fail("not a command: \(line)")
        }
        guard let command = commands.command(named: invocation.name) else {
            let typed = invocation.name.isEmpty ? ":" : ":" + invocation.name
            let hint = commands.suggestion(for: invocation.name).map { "did you mean :\($0)? " } ?? ""
            return fail("unknown command \(typed): \(hint)(:help lists the commands)")
        }
        let outcome = command.run(invocation, self)
        if outcome == .failure { hadFailure = true }
        return outcome
    }

    /// The text `:edit` left for the line editor's next entry, once.
    public func takeEditorText() -> String? {
        defer { pendingEditorText = nil }
        return pendingEditorText
    }

    /// Forgets every variable (`:reset`); settings such as precision and tracing stay.
    public func reset() {
        let precision = interpreter.precision
        interpreter = makeInterpreter()
        interpreter.precision = precision
    }

    /// Reports a command's failure on standard error and returns `.failure`.
    public func fail(_ message: String) -> CommandOutcome {
        console.error(message)
        hadFailure = true
        return .failure
    }

    /// The number of the entry running now (a command's own number).
    var currentNumber: Int { nextNumber - 1 }

    /// The `Out[n]:` label, red like IPython's when colour is on.
    func outputLabel(_ number: Int) -> String {
        let colour = console.colour
        return colour.paint("Out[", .red) + colour.paint("\(number)", .boldRed) + colour.paint("]: ", .red)
    }

    private func takeNumber() -> Int {
        defer { nextNumber += 1 }
        return nextNumber
    }

    /// `exit` and `quit` leave the session, as in IPython, unless they name a variable.
    private func isQuitWord(_ source: String) -> Bool {
        let word = source.trimmingSpaces
        let name = word.hasSuffix("()") ? String(word.dropLast(2)) : word
        guard name == "exit" || name == "quit" else { return false }
        return !interpreter.userVariables.contains { $0.name == name }
    }

    /// A fresh interpreter hosted by the session: output to the console, values labelled `Out[n]:`,
    /// the progress bar on a terminal, `:trace`, files relative to `folder` (the base folder by default), Ctrl-C.
    func makeInterpreter(folder: URL? = nil) -> Interpreter {
        let console = self.console
        let progress: ((Double, Double, String) -> Void)? = drawsProgress ? { fraction, seconds, status in
            // Short runs finish before a bar would help; drawing it would only flicker.
            guard seconds > 0.5 else { return }
            console.progress(ProgressBar.render(fraction: fraction, status: status, width: TerminalSize.columns()))
        } : nil
        let host = Host(
            output: { console.out($0) }, display: { [weak self] in self?.show($0) }, progress: progress,
            trace: { [weak self] loss, interpreter in
                // Through the interpreter's writer, so the trace is part of the cell's output.
                if self?.tracesBackward == true { interpreter.printLine(loss.traceReport(precision: interpreter.precision)) }
            },
            colour: console.colour, graphics: graphics, files: FileAccess(base: folder ?? baseDirectory), interrupt: Interruption.shared,
            input: console.input)
        return Interpreter(host: host)
    }

    /// Shows a command's table: to the display sink with its HTML (a notebook kernel), else as text.
    public func showTable(_ text: String, html: @escaping () -> String) {
        if let displaySink { return displaySink(Shown(kind: .table, text: text, html: html)) }
        console.out(text + "\n")
    }

    /// Shows a value as `Out[n]:` while a numbered cell runs (bare otherwise), and a figure as its text.
    private func show(_ shown: Shown) {
        if let displaySink { return displaySink(shown) }
        guard shown.kind == .result, let label = resultLabel else { return console.out(shown.text + "\n") }
        // A value spanning several lines starts below the label, as IPython prints it.
        console.out(label + (shown.text.contains("\n") ? "\n" : "") + shown.text + "\n")
    }
}
