import Foundation
import NNCore
import NNTerminal

/// Runs programs of the language: one session's variables, random stream and settings.
///
/// The REPL keeps one interpreter for a whole session; a lesson replay or an
/// exercise check starts a fresh one, so its outputs do not depend on history.
public final class Interpreter {
    /// The session's variables.
    public let globals: Scope
    /// Where output goes, how it looks and what programs may do: fixed when the interpreter is made.
    public let host: Host
    /// The global deterministic random stream, reset by `seed(n)`.
    @exclusivity(unchecked) public var random = RandomGenerator(seed: 0)
    /// Decimals shown when printing tensors.
    public var precision = 4
    /// The SVG of the last figure drawn, for savefig.
    var lastFigureSVG: (() -> String)?
    /// Whether anomaly detection (`anomaly(True)`) is on.
    @exclusivity(unchecked) public var detectsAnomalies = false
    /// The memory budget and stop check that the core's long kernels poll (see ``ResourceBudget``).
    public let budget: ResourceBudget
    /// The objects this interpreter's programs made that can be in reference cycles, and their collector.
    let heap = Heap()
    /// Whether plots, images and tables are drawn in plain ASCII.
    var asciiGraphics: Bool { host.graphics == .ascii }
    /// A running cell's capture of its output (see ``runCell(_:file:)``), in front of the host's sinks.
    @exclusivity(unchecked) var capture: OutputCapture?
    /// The files this interpreter wrote (resolved paths), which its programs may replace.
    var writtenFiles: Set<String> = []
    /// Told once when backward accumulates into gradients that were not zeroed.
    var warnedAboutAccumulation = false
    /// Told once when backward() starts from a loss that is nan or inf.
    var warnedAboutNonFiniteLoss = false
    /// How many times backward() has run in this interpreter: the step a NaN-watch note names.
    @exclusivity(unchecked) var backwardCalls = 0

    @exclusivity(unchecked) var steps = 0
    /// The running function call, nil at top level: super() reads its function and first argument,
    /// tracebacks its function's name.
    @exclusivity(unchecked) var currentCall: CallFrame?
    /// How many instances this interpreter has made: each one's `id()`.
    @exclusivity(unchecked) var instanceCount = 0
    /// Values given an `id()` other than instances, held so that their numbers stay theirs.
    var identities: [ObjectIdentifier: (object: AnyObject, id: Int)] = [:]
    @exclusivity(unchecked) var deadline: Date?
    @exclusivity(unchecked) var depth = 0
    /// The text of the running code (a cell, or a function's body): the functions it defines keep it,
    /// so an error raised in them from another cell is quoted from it.
    @exclusivity(unchecked) var currentSource: SourceText?
    /// What instances refer to the interpreter through (weakly, as it holds them).
    private(set) lazy var anchor = WeakAnchor(self)
    /// The deepest a chain of calls may go before a RecursionError.
    public static let maximumDepth = 400

    /// An interpreter with fresh variables, configured entirely by `host` (quiet by default).
    public init(host: Host = Host()) {
        self.host = host
        budget = ResourceBudget(memoryLimit: host.limits.memory)
        globals = Scope.make(parent: nil)
        globals.values = Library.globals()
        budget.stopCheck = { [unowned self] in self.stopError() }
    }

    deinit {
        // What only this interpreter held (its globals, functions and classes close over each other) is freed now.
        identities = [:]
        lastFigureSVG = nil
        if globals.heapLink.heap == nil { heap.add(globals, .scope) }
        let root = globals.heapLink.heap === heap ? globals.heapLink.index : nil
        heap.ownerReleased(root: root)
    }

    /// Names a user can see: variables first, then builtins.
    public var userVariables: [(name: String, value: Value)] {
        globals.values.entries.filter { entry in
            if case .builtin = entry.value { return Library.builtinNames.contains(entry.name) == false }
            if Library.isBuiltinObject(entry.name, entry.value) { return false }
            return !entry.name.hasPrefix("__")
        }.sorted { $0.name < $1.name }.map { ($0.name, $0.value) }
    }

    /// Writes text to the program's output: the running cell's capture and the host.
    public func write(_ text: String) {
        if let capture {
            capture.output += text
            guard capture.forwards else { return }
        }
        host.output(text)
    }

    /// Prints a line through the output sink.
    public func printLine(_ text: String) { write(text + "\n") }

    /// Shows a top-level expression's value: captured by a running cell, and given to the host's display.
    func showResult(_ value: Value) {
        if let capture {
            let text = Display.repr(value, interpreter: self)
            capture.output += text + "\n"
            capture.displays.append(text)
            guard capture.forwards else { return }
            host.display?(Shown(kind: .result, text: text))
        } else if let display = host.display {
            display(Shown(kind: .result, text: Display.repr(value, interpreter: self)))
        }
    }

    /// Shows a figure: its text in the output (or the host's display, with its SVG), and keeps it for savefig.
    func showFigure(_ text: String, svg: @escaping () -> String) {
        lastFigureSVG = svg
        if let capture {
            capture.output += text + "\n"
            guard capture.forwards else { return }
        }
        if let display = host.display { display(Shown(kind: .figure, text: text, svg: svg)) } else { host.output(text + "\n") }
    }

    /// Shows a table: its text in the output, or the host's display with its HTML.
    public func showTable(_ text: String, html: @escaping () -> String) {
        if let capture {
            capture.output += text + "\n"
            guard capture.forwards else { return }
        }
        if let display = host.display { display(Shown(kind: .table, text: text, html: html)) } else { host.output(text + "\n") }
    }

    /// Runs `body` with every output dropped (for `:time`, which runs code many times).
    public func muted<T>(_ body: () throws -> T) rethrows -> T {
        let saved = capture
        capture = OutputCapture(forwards: false)
        defer { capture = saved }
        return try body()
    }

    /// Runs source text; returns the values of its top-level expression statements (None excluded).
    ///
    /// Every statement that completed before an error keeps its effect, so a
    /// learner's earlier definitions survive a mistake. Locations in the text,
    /// errors' included, carry `id`.
    public func run(_ source: String, id: SourceID = .unnamed) throws -> [Value] {
        let program: [Stmt]
        do { program = try Parser.parse(source, id: id) } catch {
            throw ScriptError(syntax: error)
        }
        return try execute(program)
    }

    /// Runs parsed statements at top level.
    public func execute(_ program: [Stmt]) throws -> [Value] {
        steps = 0
        depth = 0
        deadline = host.limits.time.map { Date().addingTimeInterval($0) }
        budget.clearPending()
        // Tensors made by this program are charged to this interpreter's budget, and the core's long kernels poll it.
        return try ResourceBudget.local.withValue(budget) { try Heap.install(heap) { try executeStatements(program) } }
    }

    private func executeStatements(_ program: [Stmt]) throws -> [Value] {
        var shown: [Value] = []
        for statement in program {
            // Per statement, so that anomaly(True) takes effect from the next statement on.
            try Anomaly.detecting(detectsAnomalies) {
                if case .expression(let expr) = statement.kind {
                    let value = try evaluate(expr, in: globals)
                    if budget.hasPending { try checkpoint(at: statement.location) }
                    if case .none = value { return }
                    globals.values["_"] = value
                    shown.append(value)
                    showResult(value)
                } else {
                    _ = try execute(statement, in: globals)
                    // Whatever a statement built past the memory budget is reported before the next one.
                    if budget.hasPending { try checkpoint(at: statement.location) }
                }
            }
        }
        return shown
    }

    /// Counts a step and stops the program when interrupted, over its budget or out of memory.
    @inline(__always)
    func tick(_ location: SourceLocation) throws {
        steps &+= 1
        if budget.hasPending { try checkpoint(at: location) }
        if heap.isDue { try collectGarbage(at: location) }
        guard steps & 255 == 0 else { return }
        if let error = stopError() { throw error.located(location) }
        if let stepLimit = host.limits.steps, steps > stepLimit {
            throw ScriptError(.limit, "the program took more than \(stepLimit) steps and was stopped", at: location,
                              hint: "is there a loop that never ends?")
        }
    }

    /// Throws when the memory budget ran out, Ctrl-C was pressed or the time is up: for long builtins, per block of work.
    func checkpoint(at location: SourceLocation) throws {
        do { try budget.checkpoint() } catch let error as CoreError { throw ScriptError(error, at: location) } catch let error as ScriptError {
            throw error.located(location)
        }
    }

    /// The error that stops the program now (Ctrl-C, past the deadline), if any; consumes a Ctrl-C.
    func stopError() -> ScriptError? {
        if let interrupt = host.interrupt, interrupt.isRequested {
            interrupt.clear()
            return ScriptError(.interrupted, "interrupted", hint: "variables keep the values they had at this point")
        }
        if let deadline, Date() > deadline {
            return ScriptError(.limit, "the program ran longer than \(Display.number(host.limits.time ?? 0)) seconds and was stopped",
                               hint: "is there a loop that never ends?")
        }
        return nil
    }

    /// Refuses to build a string of `length`·`times` + `plus` bytes that would not fit the memory budget.
    func reserveText(_ length: Int, times: Int = 1, plus extra: Int = 0, at location: SourceLocation) throws {
        let (product, overflow) = length.multipliedReportingOverflow(by: times)
        let (total, overflowAgain) = product.addingReportingOverflow(extra)
        // Small strings cost nothing to check; only large ones ask the budget.
        guard overflow || overflowAgain || total > 1 << 16 else { return }
        try reserve(overflow || overflowAgain ? Int.max : total,
                    for: "a string of \(overflow || overflowAgain ? "more than \(Int.max)" : "\(total)") characters", at: location)
    }

    /// Refuses to build a list or tuple of `count`·`times` + `plus` items that would not fit the memory budget.
    func reserveItems(_ count: Int, times: Int = 1, plus extra: Int = 0, at location: SourceLocation) throws {
        let (product, overflow) = count.multipliedReportingOverflow(by: times)
        let (total, overflowAgain) = product.addingReportingOverflow(extra)
        guard overflow || overflowAgain || total > 1 << 12 else { return }
        let bytes = overflow || overflowAgain ? Int.max : total.multipliedReportingOverflow(by: MemoryLayout<Value>.stride).partialValue
        try reserve(bytes, for: "a list of \(total) items", at: location)
    }

    /// Whether printing must stop: a stop was asked for, or `length` bytes of text leave no room in the budget.
    func stopsPrinting(_ length: Int) -> Bool {
        if length > budget.memoryLimit &- budget.usedBytes { budget.overdraw("the text of a value (\(length) characters so far)") }
        return budget.poll()
    }

    /// For lists growing one item at a time: asks the budget every 65,536 items.
    @inline(__always)
    func checkGrowth(_ count: Int, at location: SourceLocation) throws {
        if count & 0xFFFF == 0, count > 0 { try reserveItems(count, at: location) }
    }

    /// Refuses to build a string or list of `bytes` that would not fit the memory budget.
    func reserve(_ bytes: Int, for what: @autoclosure () -> String, at location: SourceLocation) throws {
        budget.scriptBytes = heap.bytes
        do { try budget.reserve(bytes, for: what()) } catch let error as CoreError { throw ScriptError(error, at: location) }
    }
}

/// What a running cell wrote, in order; `forwards` passes it on to the host as well.
final class OutputCapture {
    @exclusivity(unchecked) var output = ""
    @exclusivity(unchecked) var displays: [String] = []
    let forwards: Bool

    init(forwards: Bool) { self.forwards = forwards }
}
