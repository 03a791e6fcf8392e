import NNCore

/// The layers of deep networks as objects, and Sequential to chain them.
/// Random initial values come from the seeded stream, with PyTorch's default scales.
enum LayerBuiltins {
    /// A builtin making one layer; `make` gets the arguments and the seeded stream.
    static func layer(_ name: String, _ signature: String, doc: String,
                      _ make: @escaping (Arguments, inout RandomGenerator) throws -> any Layer) -> Builtin {
        Builtin(name, Signature(signature), doc: doc) { args, interpreter in
            .object(ModelObject(.layer(try make(args, &interpreter.random))))
        }
    }

    static func recurrent(_ cell: Recurrent.Cell, doc: String) -> Builtin {
        layer(cell.rawValue, "inputs, hidden", doc: doc) { args, rng in
            try Recurrent(cell, inputs: try args.integer("inputs"), hidden: try args.integer("hidden"), using: &rng)
        }
    }

    static func activation(_ name: String, _ kind: ActivationKind, doc: String) -> Builtin {
        layer(name, "", doc: doc) { _, _ in ActivationLayer(kind) }
    }

    static let all: [Builtin] = [
        layer("Conv2d", "in_channels, out_channels, kernel, stride=, padding=", doc: """
            Conv2d(in_channels, out_channels, kernel, stride=1, padding=0): conv2d with filters W [out, in, k, k] and bias b [out],
            both uniform on ±1/√(in·k·k) as PyTorch starts them. Called on [N, in, H, W].
            """) { args, rng in
            try Conv2d(inChannels: try args.integer("in_channels"), outChannels: try args.integer("out_channels"),
                       kernel: try args.integer("kernel"), stride: try args.integer("stride", default: 1),
                       padding: try args.integer("padding", default: 0), using: &rng)
        },
        layer("MaxPool2d", "kernel, stride=", doc: "MaxPool2d(kernel, stride=None): max_pool2d as a layer (stride defaults to kernel).") { args, _ in
            try Pool2d(kernel: try args.integer("kernel"), stride: try DeepLearningBuiltins.stride(args), maximum: true)
        },
        layer("AvgPool2d", "kernel, stride=", doc: "AvgPool2d(kernel, stride=None): avg_pool2d as a layer (stride defaults to kernel).") { args, _ in
            try Pool2d(kernel: try args.integer("kernel"), stride: try DeepLearningBuiltins.stride(args), maximum: false)
        },
        layer("Flatten", "", doc: "Flatten(): [N, …] → [N, features], to go from feature maps to Dense layers.") { _, _ in Flatten() },
        layer("BatchNorm", "features", doc: """
            BatchNorm(features): batch_norm with γ (ones) and β (zeros) to train and running statistics (mean 0, var 1,
            momentum 0.1) updated by every training batch and used in eval mode. Works on [N, F] and [N, C, H, W].
            """) { args, _ in
            try BatchNorm(features: try args.integer("features"))
        },
        layer("LayerNorm", "features", doc: "LayerNorm(features): layer_norm over the last axis, γ ones and β zeros.") { args, _ in
            try LayerNorm(features: try args.integer("features"))
        },
        layer("Dropout", "p", doc: "Dropout(p): inverted dropout while training (masks from the seeded stream), nothing in eval mode.") { args, rng in
            try Dropout(p: try args.number("p"), using: &rng)
        },
        layer("Embedding", "n, d", doc: "Embedding(n, d): a table [n, d] drawn from N(0, 1); called on integer ids of any shape.") { args, rng in
            try Embedding(count: try args.integer("n"), dimension: try args.integer("d"), using: &rng)
        },
        recurrent(.rnn, doc: """
            RNN(inputs, hidden): rnn_step over sequences [N, T, inputs] from h = 0; layer(X) gives (outputs [N, T, hidden], h).
            Wx [inputs, hidden], Wh [hidden, hidden] and the two biases bx, bh (added) start uniform on ±1/√hidden, as in PyTorch.
            Inside Sequential it passes on its last h.
            """),
        recurrent(.lstm, doc: """
            LSTM(inputs, hidden): lstm_step over sequences [N, T, inputs] from h = c = 0; layer(X) gives (outputs, (h, c)).
            Wx [inputs, 4·hidden], Wh [hidden, 4·hidden], biases bx, bh, uniform on ±1/√hidden. Inside Sequential it passes on h.
            """),
        recurrent(.gru, doc: """
            GRU(inputs, hidden): gru_step over sequences [N, T, inputs] from h = 0; layer(X) gives (outputs, h).
            Wx [inputs, 3·hidden], Wh [hidden, 3·hidden], bx, bh, uniform on ±1/√hidden. Inside Sequential it passes on h.
            """),
        activation("ReLU", .relu, doc: "ReLU(): relu as a layer."),
        activation("Tanh", .tanh, doc: "Tanh(): tanh as a layer."),
        activation("Sigmoid", .sigmoid, doc: "Sigmoid(): sigmoid as a layer."),
        layer("Softmax", "axis=", doc: "Softmax(axis=-1): softmax as a layer.") { args, _ in
            ActivationLayer(.softmax, axis: try args.integer("axis", default: -1))
        },
        Builtin("Sequential", Signature("layers"), doc: """
            Sequential([layer, ...]): the layers applied in order, as one model with params, layers, summary(), zero_grad(),
            train() and eval(); fit, predict, evaluate, boundary and the optimizers accept it.
            """) { args, interpreter in
            var layers: [any Layer] = []
            try interpreter.iterate(args.named["layers"] ?? .none, at: args.location) { item in
                guard case .object(let model as ModelObject) = item else {
                    throw ScriptError(.type, "Sequential() takes a list of layers such as Dense(2, 4) or ReLU(), found \(item.typeName)", at: args.location)
                }
                layers += model.layers
                return true
            }
            return .object(ModelObject(.layer(try Sequential(layers))))
        },
    ]
}
