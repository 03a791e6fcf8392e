import Foundation
import NNCore

/// Files that NumPy, pandas and PyTorch read: CSV, `.npy` and `.npz`.
enum ExchangeBuiltins {
    /// The largest file these builtins read, and the most an `.npz` may unpack to.
    static let readLimit = 256 << 20

    static let all: [Builtin] = [
        Builtin("save_csv", Signature("path, data, columns="), doc: """
            save_csv(path, data, columns=None): writes a tensor of one or two axes as CSV with a header row
            (the column names, or 0, 1, … as pandas writes them); numbers in the shortest form that reads back exactly,
            so numpy.loadtxt(path, delimiter=",", skiprows=1), pandas.read_csv(path) and load_csv(path) give the same values.
            """) { args, interpreter in
            let data = try args.tensor("data")
            guard data.rank <= 2 else {
                throw ScriptError(.value, "save_csv() writes a table: data of shape \(data.shape) has more than two axes", at: args.location,
                                  hint: "reshape it first, e.g. x.reshape(x.shape[0], -1)")
            }
            let width = data.rank == 2 ? data.shape[1] : 1
            let columns = try args.value("columns").map { value in
                try columnNames(value, count: width, args: args)
            } ?? (0..<width).map(String.init)
            try interpreter.writeOutput({ csvText(data, columns: columns) }, to: try args.string("path"), as: .csv, at: args.location)
            return .none
        },
        Builtin("save_npy", Signature("path, x"), doc: """
            save_npy(path, x): writes x as NumPy's .npy (float64, little-endian), byte for byte what numpy.save writes;
            numpy.load(path) reads it back.
            """) { args, interpreter in
            let x = try args.tensor("x")
            try interpreter.writeOutput(bytes: { NumPyFormat.encode(x.data, shape: x.shape) }, to: try args.string("path"), as: .npy, at: args.location)
            return .none
        },
        Builtin("load_npy", Signature("path"), doc: """
            load_npy(path): the array of a NumPy .npy file as a tensor; float64, float32, float16, integers and booleans
            of either byte order and C or Fortran order are read (as float64 values).
            """) { args, interpreter in
            let (url, bytes) = try read(args, interpreter)
            do {
                let (shape, values) = try NumPyFormat.decode(bytes)
                return .tensor(try Tensor(values, shape: shape))
            } catch let problem as NumPyFormat.Problem {
                throw unreadable(url, problem, args)
            }
        },
        Builtin("save_npz", Signature("path, **arrays"), doc: """
            save_npz(path, **arrays): writes several named tensors into one NumPy .npz archive, as numpy.savez does:
            save_npz("weights.npz", W1=W1, b1=b1); numpy.load(path)["W1"] reads one back.
            """) { args, interpreter in
            var arrays: [(name: String, shape: [Int], values: [Double])] = []
            if case .dict(let entries)? = args.value("arrays") {
                for (key, value) in zip(entries.keys, entries.values) {
                    guard case .string(let name) = key else { continue }
                    let tensor = try Convert.tensor(value, context: "save_npz() array '\(name)'", at: args.location)
                    arrays.append((name, tensor.shape, tensor.data))
                }
            }
            guard !arrays.isEmpty else {
                throw ScriptError(.value, "save_npz() needs at least one array, given by name", at: args.location,
                                  hint: "save_npz(\"arrays.npz\", X=X, y=y)")
            }
            try interpreter.writeOutput(bytes: {
                do { return try NumPyArchive.encode(arrays) } catch let problem as NumPyFormat.Problem { throw ScriptError(.file, problem.message, at: args.location) }
            }, to: try args.string("path"), as: .npz, at: args.location)
            return .none
        },
        Builtin("load_npz", Signature("path"), doc: """
            load_npz(path): a dict of the tensors in a NumPy .npz archive (numpy.savez or savez_compressed), by name.
            """) { args, interpreter in
            let (url, bytes) = try read(args, interpreter)
            let arrays: [(name: String, shape: [Int], values: [Double])]
            do { arrays = try NumPyArchive.decode(bytes, limit: readLimit) } catch let problem as NumPyFormat.Problem { throw unreadable(url, problem, args) }
            let result = DictStorage()
            for array in arrays {
                try result.set(.tensor(try Tensor(array.values, shape: array.shape)), for: .string(array.name), at: args.location)
            }
            return .dict(result)
        },
    ]

    /// The bytes of the file named by the `path` argument, through the read policy and the size limit.
    static func read(_ args: Arguments, _ interpreter: Interpreter) throws -> (URL, Data) {
        let path = try args.string("path")
        let url = try interpreter.host.files.urlForReading(path, at: args.location)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else {
            throw ScriptError(.file, "cannot read '\(path)': \(FileManager.default.fileExists(atPath: url.path) ? "permission denied or unreadable" : "no such file")", at: args.location)
        }
        guard size <= readLimit else {
            throw ScriptError(.file, "'\(path)' is \(size >> 20) MB, more than the \(readLimit >> 20) MB that \(args.function)() reads", at: args.location)
        }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw ScriptError(.file, "cannot read '\(path)': permission denied or unreadable", at: args.location)
        }
        return (url, bytes)
    }

    static func unreadable(_ url: URL, _ problem: NumPyFormat.Problem, _ args: Arguments) -> ScriptError {
        ScriptError(.file, "'\(url.lastPathComponent)' is not a NumPy file nnlearn can read: \(problem.message)", at: args.location,
                    hint: "write it with numpy.save (.npy) or numpy.savez (.npz)")
    }

    /// The names given as `columns=`: one string per column.
    static func columnNames(_ value: Value, count: Int, args: Arguments) throws -> [String] {
        guard let items = Convert.sequence(value) else { throw args.mismatch("columns", "a list of strings", value) }
        let names = try items.map { item -> String in
            guard case .string(let name) = item else { throw args.mismatch("columns", "a list of strings", item) }
            return name
        }
        guard names.count == count else {
            throw ScriptError(.value, "save_csv() got \(names.count) column names for \(count) columns", at: args.location)
        }
        return names
    }

    /// CSV text: the header, then one line per row; fields quoted only where RFC 4180 needs it.
    static func csvText(_ data: Tensor, columns: [String]) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text != text.trimmingCharacters(in: .whitespaces) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var lines = [columns.map(field).joined(separator: ",")]
        let width = max(columns.count, 1)
        let rows = data.rank == 0 ? 1 : data.shape[0]
        lines.reserveCapacity(rows + 1)
        for row in 0..<rows {
            let values = data.data[(row * width)..<((row + 1) * width)]
            lines.append(values.map(number).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shortest decimal that reads back as exactly `value` (Swift's description), with nan and inf as NumPy writes them.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return "\(value)"
    }
}

/// Weights in the safetensors format with PyTorch's names, and a model written as a PyTorch script.
enum ModelExchangeBuiltins {
    static let all: [Builtin] = [
        Builtin("save_weights", Signature("model, path"), doc: """
            save_weights(model, "model.safetensors"): writes the model's parameters in the safetensors format with the names
            and layouts of the equivalent torch.nn.Sequential (0.weight as [out, in], 0.bias, …), so that
            model.load_state_dict(safetensors.torch.load_file(path)) loads them into that PyTorch model.
            """) { args, interpreter in
            let model = try args.object("model", as: ModelObject.self, described: "a model (MLP, Dense or Sequential)")
            let entries = try weightEntries(model, args)
            try interpreter.writeOutput(bytes: { SafeTensors.encode(entries) }, to: try args.string("path"), as: .safetensors, at: args.location)
            return .none
        },
        Builtin("load_weights", Signature("model, path"), doc: """
            load_weights(model, "model.safetensors"): sets the model's parameters, in place, from a safetensors file with
            PyTorch's names and layouts (as save_weights writes, or torch's state_dict saved with safetensors).
            """) { args, interpreter in
            let model = try args.object("model", as: ModelObject.self, described: "a model (MLP, Dense or Sequential)")
            let (url, bytes) = try ExchangeBuiltins.read(args, interpreter)
            let entries: [SafeTensors.Entry]
            do { entries = try SafeTensors.decode(bytes) } catch let problem as NumPyFormat.Problem {
                throw ScriptError(.file, "'\(url.lastPathComponent)' is not a safetensors file nnlearn can read: \(problem.message)", at: args.location)
            }
            try load(entries, into: model, file: url.lastPathComponent, args: args)
            return .none
        },
        Builtin("export_torch", Signature("model, path"), doc: """
            export_torch(model, "model.py"): writes a readable PyTorch script of the model (an nn.Sequential) and, beside it,
            its weights (model.safetensors, as save_weights writes them); `python model.py` runs a forward pass.
            """) { args, interpreter in
            let model = try args.object("model", as: ModelObject.self, described: "a model (MLP, Dense or Sequential)")
            let path = try args.string("path")
            guard path.hasSuffix(".py") else {
                throw ScriptError(.file, "export_torch() writes a Python file: give a path ending in .py", at: args.location, hint: "export_torch(model, \"model.py\")")
            }
            let weightsPath = String(path.dropLast(3)) + ".safetensors"
            let weightsFile = URL(fileURLWithPath: weightsPath).lastPathComponent
            let entries = try weightEntries(model, args)
            try interpreter.writeOutput(bytes: { SafeTensors.encode(entries) }, to: weightsPath, as: .safetensors, at: args.location)
            let modules = try interpreter.core(args.location) { try TorchModule.modules(of: model) }
            let script = TorchModule.script(modules, weightsFile: weightsFile, example: exampleShape(model))
            try interpreter.writeOutput({ script }, to: path, as: .python, at: args.location)
            return .none
        },
    ]

    /// The model's state as safetensors entries, in PyTorch's layout.
    static func weightEntries(_ model: ModelObject, _ args: Arguments) throws -> [SafeTensors.Entry] {
        try stateDict(model, args).map { key, state in
            let (shape, values) = TorchModule.torchLayout(state)
            return SafeTensors.Entry(name: key, shape: shape, values: values)
        }
    }

    static func stateDict(_ model: ModelObject, _ args: Arguments) throws -> [(key: String, state: TorchModule.State)] {
        do { return TorchModule.stateDict(try TorchModule.modules(of: model)) } catch let error as ScriptError {
            throw ScriptError(error.kind, error.message, at: args.location, hint: "save_weights and export_torch take MLP, Dense and Sequential models of nnlearn's layers")
        }
    }

    /// The input shape (without the batch axis) of the forward pass the script shows, when it is known.
    static func exampleShape(_ model: ModelObject) -> [Int]? {
        switch model.kind {
        case .mlp(let mlp): return mlp.layers.first.map { [$0.inputs] }
        case .layer(let sequential as Sequential):
            if let shape = sequential.lastInputShape { return Array(shape.dropFirst()) }
            return (sequential.layers.first as? Dense).map { [$0.inputs] }
        case .layer(let dense as Dense): return [dense.inputs]
        case .layer: return nil
        }
    }

    /// PyTorch's count of batch-norm batches, which nnlearn writes and never needs back.
    static let optionalKeys: Set<String> = ["num_batches_tracked"]

    /// Assigns every entry to the parameter of the same name, after checking names and shapes.
    static func load(_ entries: [SafeTensors.Entry], into model: ModelObject, file: String, args: Arguments) throws {
        let location = args.location
        let expected = try stateDict(model, args).filter { key, _ in !optionalKeys.contains(where: { key.hasSuffix("." + $0) }) }
        let given = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = expected.map(\.key).filter { given[$0] == nil }
        let unexpected = entries.map(\.name).filter { name in
            !expected.contains { $0.key == name } && !optionalKeys.contains(where: { name.hasSuffix("." + $0) })
        }
        guard missing.isEmpty, unexpected.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !unexpected.isEmpty { parts.append("unexpected \(unexpected.joined(separator: ", "))") }
            throw ScriptError(.value, "'\(file)' does not hold this model's weights: \(parts.joined(separator: "; "))", at: location,
                              hint: "the names follow the equivalent torch.nn.Sequential: \(expected.map(\.key).joined(separator: ", "))")
        }
        var updates: [(Tensor, [Double])] = []
        for (key, state) in expected {
            guard let entry = given[key] else { continue }
            let layout = TorchModule.torchLayout(state)
            guard entry.shape == layout.shape else {
                throw ScriptError(.shape, "'\(file)': \(key) has shape \(entry.shape), but this model's is \(layout.shape) (PyTorch's layout)", at: location)
            }
            let values = state.transposed && entry.shape.count == 2
                ? TorchModule.transpose(entry.values, rows: entry.shape[0], columns: entry.shape[1]) : entry.values
            updates.append((state.tensor, values))
        }
        // Every check passed: only now change the model, so a bad file leaves it as it was.
        for (tensor, values) in updates { try tensor.assign(values) }
    }
}
