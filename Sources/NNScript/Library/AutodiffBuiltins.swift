import Foundation
import NNCore

/// Backward passes and the reports that explain them.
enum AutodiffBuiltins {
    static let all: [Builtin] = [
        Builtin("backward", Signature("loss, upstream="), doc: """
            backward(loss): applies the chain rule from a scalar loss back to every parameter, filling .grad.
            Gradients add up across calls: zero them (opt.zero_grad()) before each step.
            """) { args, interpreter in
            try interpreter.backward(try args.tensor("loss"), upstream: args.has("upstream") ? try args.tensor("upstream") : nil)
            return .none
        },
        Builtin("trace", Signature("x"), doc: """
            trace(x): the graph that computed x in forward order: each node's op, inputs, shape, value and gradient.
            Name nodes with x.label("z1") to read it easily.
            """) { args, interpreter in
            interpreter.printLine(try args.tensor("x").traceReport(precision: interpreter.precision))
            return .none
        },
        Builtin("explain", Signature("loss"), doc: """
            explain(loss): the backward pass written out, one chain-rule step per line with its numbers,
            e.g. dL/dz2 = dL/da2 ⊙ σ'(z2) = [[-0.5015]].
            """) { args, interpreter in
            interpreter.printLine(try args.tensor("loss").explainReport(precision: interpreter.precision))
            return .none
        },
        Builtin("gradcheck", Signature("f, *tensors"), doc: """
            gradcheck(f, *tensors): compares autodiff's gradients of f(*tensors) with central finite
            differences (f(x + ε) − f(x − ε))/2ε, ε = 1e-6; reports the largest error per input.
            """) { args, interpreter in
            let function = args.named["f"] ?? .none
            let inputs = try args.rest.map { try Convert.tensor($0, context: "gradcheck() input", at: args.location) }
            guard !inputs.isEmpty else {
                throw ScriptError(.type, "gradcheck(f, *tensors) needs at least one tensor to check", at: args.location)
            }
            let result = try Gradcheck.check({ tensors in
                let value = try interpreter.invoke(function, tensors.map { .tensor($0) }, at: args.location)
                return try Convert.tensor(value, context: "the checked function's result", at: args.location)
            }, at: inputs)
            return .object(GradcheckReport(result))
        },
        Builtin("compare", Signature("name, mine, auto"), doc: """
            compare(name, mine, auto): prints how a hand-derived gradient matches autodiff's:
            name | exact: equal bit for bit | approx: within 1e-5 relative | maxdiff: the largest difference.
            """) { args, interpreter in
            let name = try args.string("name")
            let mine = try args.tensor("mine"), auto = try args.tensor("auto")
            guard mine.shape == auto.shape else {
                throw ScriptError(.shape, "compare('\(name)'): your gradient has shape \(mine.shape) but autodiff's has \(auto.shape)", at: args.location)
            }
            let exact = mine.data == auto.data
            let approx = zip(mine.data, auto.data).allSatisfy { Swift.abs($0 - $1) <= 1e-8 + 1e-5 * Swift.abs($1) }
            let maxdiff = zip(mine.data, auto.data).map { Swift.abs($0 - $1) }.max() ?? 0
            let padded = name.count >= 15 ? name : name + String(repeating: " ", count: 15 - name.count)
            func flag(_ b: Bool) -> String { b ? "True " : "False" }
            interpreter.printLine("\(padded) | exact: \(flag(exact)) | approx: \(flag(approx)) | maxdiff: \(Display.number(maxdiff))")
            return .none
        },
        Builtin("anomaly", Signature("on"), doc: """
            anomaly(True): from now on, stop at the first op whose value or gradient becomes nan or inf,
            naming it and its inputs' ranges. anomaly(False) switches it off.
            """) { args, interpreter in
            interpreter.detectsAnomalies = try args.bool("on", default: true)
            return .none
        },
        Builtin("dot", Signature("x, path"), doc: "dot(x, \"graph.dot\"): writes the graph that computed x as Graphviz DOT (render with dot -Tsvg).") { args, interpreter in
            let x = try args.tensor("x")
            try interpreter.writeOutput({ x.dotGraph(precision: interpreter.precision) }, to: try args.string("path"), as: .dot, at: args.location)
            return .none
        },
        Builtin("no_grad", Signature(""), doc: "with no_grad(): ops inside record no graph: for parameter updates and evaluation.") { _, _ in
            .object(NoGradContext())
        },
    ]
}

/// `with no_grad():`.
final class NoGradContext: ScriptObject, ContextManager {
    var typeName: String { "no_grad" }
    var attributeNames: [String] { [] }
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? { nil }
    func run(_ body: () throws -> Flow) throws -> Flow { try GradMode.withoutGrad(body) }
}

/// The result of gradcheck: printed as a report, with .passed and .errors.
final class GradcheckReport: ScriptObject {
    let result: GradcheckResult
    init(_ result: GradcheckResult) { self.result = result }
    var typeName: String { "gradcheck" }
    var attributeNames: [String] { ["passed", "errors"] }
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "passed": return .bool(result.passed)
        case "errors": return .list(ListStorage(result.maxErrors.map { .number($0) }))
        default: return nil
        }
    }
    func display(interpreter: Interpreter) -> String {
        let errors = result.maxErrors.enumerated().map { "input \($0.offset): \(String(format: "%.2e", $0.element))" }
        return "gradcheck \(result.passed ? "passed" : "FAILED") (largest error per input, tolerance \(String(format: "%.0e", result.tolerance))): " + errors.joined(separator: ", ")
    }
}

extension Interpreter {
    /// Runs backward, telling the learner once when gradients were not zeroed
    /// and once when the loss has become nan or inf (the NaN watch).
    func backward(_ loss: Tensor, upstream: Tensor?) throws {
        backwardCalls += 1
        if !warnedAboutNonFiniteLoss, let bad = loss.data.first(where: { !$0.isFinite }) {
            warnedAboutNonFiniteLoss = true
            printLine("note: the loss is \(Display.number(bad)) at step \(backwardCalls) (call \(backwardCalls) of backward()); "
                + "the gradients will be nan too. Likely causes: a learning rate too high (try a tenth of it), "
                + "log of 0 (use bce_logits or cross_entropy on logits, or clip probabilities), or overflow in exp (subtract the maximum first)")
        }
        let summary = try loss.backward(upstream: upstream)
        if !summary.accumulatedInto.isEmpty, !warnedAboutAccumulation {
            warnedAboutAccumulation = true
            let names = summary.accumulatedInto.prefix(4).map { $0.label ?? "a parameter" }.joined(separator: ", ")
            printLine("note: backward() added to gradients that were not zeroed (\(names)); gradients accumulate, so call opt.zero_grad() or model.zero_grad() before each backward()")
        }
        host.trace?(loss, self)
    }

    /// Writes a file for lesson code through the write policy (``FileAccess/urlForWriting(_:format:written:at:)``),
    /// atomically; `text` is built only once the path is allowed.
    public func writeOutput(_ text: () throws -> String, to path: String, as format: OutputFormat, at location: SourceLocation) throws {
        try writeOutput(bytes: { Data(try text().utf8) }, to: path, as: format, at: location)
    }

    /// Writes a binary file for lesson code through the write policy, atomically; `bytes` are built only once the path is allowed.
    public func writeOutput(bytes: () throws -> Data, to path: String, as format: OutputFormat, at location: SourceLocation) throws {
        guard host.files.mayWrite else {
            throw ScriptError(.file, "this program may not write files", at: location, hint: "exercise checks run without file access")
        }
        let url = try host.files.urlForWriting(path, format: format, written: writtenFiles, at: location)
        do {
            try AtomicFile.write(try bytes(), to: url)
        } catch let error as AtomicFile.WriteError {
            throw ScriptError(.file, error.message, at: location)
        }
        writtenFiles.insert(url.path)
    }
}
