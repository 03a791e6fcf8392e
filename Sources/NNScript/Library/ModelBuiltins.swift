import NNCore

/// Building models and training them Keras-style.
enum ModelBuiltins {
    static func activation(_ args: Arguments, _ name: String, default fallback: String) throws -> ActivationKind {
        let text = try args.string(name, default: fallback)
        guard let kind = ActivationKind(name: text) else {
            throw ScriptError(.value, "unknown activation '\(text)'", at: args.location,
                              hint: "choose one of " + ActivationKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }

    static func initializer(_ args: Arguments) throws -> Initializer? {
        guard args.has("init") else { return nil }
        let text = try args.string("init")
        guard let initializer = Initializer(name: text) else {
            throw ScriptError(.value, "unknown initializer '\(text)'", at: args.location, hint: "choose one of " + Initializer.names.joined(separator: ", "))
        }
        return initializer
    }

    /// Runs `make` with the interpreter's stream, or a private one when seed= is given.
    static func withGenerator<T>(_ args: Arguments, _ interpreter: Interpreter, _ make: (inout RandomGenerator) throws -> T) throws -> T {
        if args.has("seed") {
            var rng = RandomGenerator(seed: UInt64(Swift.max(0, try args.integer("seed"))))
            return try make(&rng)
        }
        return try make(&interpreter.random)
    }

    static let all: [Builtin] = [
        Builtin("MLP", Signature("sizes, activation=, output=, init=, seed="), doc: """
            MLP(sizes, activation="relu", output="linear", init=None, seed=None): Dense layers sizes[0] → sizes[1] → …;
            hidden layers use activation, the last uses output. init defaults to He for ReLU-like activations, LeCun normal for SELU, Glorot otherwise.
            """) { args, interpreter in
            var sizes: [Int] = []
            try interpreter.iterate(args.named["sizes"] ?? .none, at: args.location) { item in
                sizes.append(try interpreter.wholeNumber(item, what: "layer size", at: args.location)); return true
            }
            guard sizes.allSatisfy({ $0 > 0 }) else { throw ScriptError(.value, "layer sizes must be positive, got \(sizes)", at: args.location) }
            let hidden = try activation(args, "activation", default: "relu"), output = try activation(args, "output", default: "linear")
            let chosen = try initializer(args)
            let mlp = try withGenerator(args, interpreter) { try MLP(sizes: sizes, activation: hidden, output: output, initializer: chosen, using: &$0) }
            return .object(ModelObject(.mlp(mlp)))
        },
        Builtin("Dense", Signature("inputs, outputs, activation=, init=, seed="), doc: """
            Dense(inputs, outputs, activation="linear", init="glorot_uniform", seed=None): activation(x @ W + b),
            W of shape [inputs, outputs] drawn by init, b zeros.
            """) { args, interpreter in
            let kind = try activation(args, "activation", default: "linear")
            let chosen = try initializer(args) ?? .glorotUniform
            let dense = try withGenerator(args, interpreter) {
                try Dense(inputs: try args.integer("inputs"), outputs: try args.integer("outputs"), activation: kind, initializer: chosen, using: &$0)
            }
            return .object(ModelObject(.layer(dense)))
        },
        Builtin("fit", Signature("model, X, y, loss=, optimizer=, lr=, epochs=, batch_size=, validation=, shuffle=, seed=, verbose="), doc: """
            fit(model, X, y, loss="mse", optimizer="sgd", lr=0.01, epochs=10, batch_size=None, validation=None, shuffle=False, verbose=False):
            trains with mini-batches (the whole set when batch_size is None) and returns the history of loss and accuracy per epoch.
            loss: "mse", "bce", "bce_logits", "cross_entropy", "hinge" or a function; optimizer: an optimizer or its name;
            validation: (X_val, y_val). verbose=True prints every epoch, verbose=n every n-th.
            """) { args, interpreter in
            var trainer = try Trainer(args, interpreter)
            return .object(try trainer.run())
        },
        Builtin("predict", Signature("model, X"), doc: "predict(model, X): the model's outputs in evaluation mode, computed without recording a graph.") { args, interpreter in
            let model = try args.model("model")
            let x = try args.tensor("X")
            return .tensor(try model.inEvaluation { try GradMode.withoutGrad { try model.forward(x, interpreter: interpreter, at: args.location) } })
        },
        Builtin("evaluate", Signature("model, X, y, loss="), doc: "evaluate(model, X, y, loss=\"mse\"): (loss, accuracy) on a data set, in evaluation mode and without a graph.") { args, interpreter in
            let model = try args.model("model")
            let lossKind = try Trainer.LossKind(args.named["loss"] ?? .string("mse"), at: args.location)
            let (x, y) = (try args.tensor("X"), try args.tensor("y"))
            return try model.inEvaluation { try GradMode.withoutGrad {
                let output = try model.forward(x, interpreter: interpreter, at: args.location)
                let loss = try lossKind.apply(output, y, interpreter: interpreter, at: args.location)
                let accuracy = lossKind.accuracy(output, y).map { Value.number($0) } ?? .none
                return .tuple([.number(try loss.item()), accuracy])
            } }
        },
    ]
}
