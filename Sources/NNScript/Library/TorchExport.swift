import Foundation
import NNCore

/// A model of the language as PyTorch writes it: the modules of an `nn.Sequential`, each with
/// its code and its state, named and laid out as `state_dict()` names and lays them out.
struct TorchModule {
    /// One tensor of the module's state: its name in PyTorch (`weight`), the tensor, and whether
    /// PyTorch keeps it transposed (`nn.Linear.weight` is [out, in] where `Dense.W` is [in, out]).
    struct State {
        var name: String
        var tensor: Tensor
        var transposed: Bool
    }

    /// The constructor call, such as `nn.Linear(2, 4)`.
    var code: String
    var state: [State] = []

    /// A nested `nn.Sequential`, whose state names gain its own index (`1.0.weight`).
    var children: [TorchModule] = []

    /// The modules of `model`, in order (an MLP or a single layer counts as a Sequential).
    static func modules(of model: ModelObject) throws -> [TorchModule] {
        switch model.kind {
        case .mlp(let mlp): return try modules(of: mlp.layers)
        case .layer(let sequential as Sequential): return try modules(of: sequential.layers)
        case .layer(let layer): return try modules(of: [layer])
        }
    }

    /// The modules of layers applied in order. Batch norm after a convolution or pooling (and
    /// before a flatten) is `BatchNorm2d`, elsewhere `BatchNorm1d`.
    static func modules(of layers: [any Layer]) throws -> [TorchModule] {
        var result: [TorchModule] = []
        var spatial = false
        for layer in layers {
            switch layer {
            case let dense as Dense:
                result.append(TorchModule(code: "nn.Linear(\(dense.inputs), \(dense.outputs))", state: [
                    State(name: "weight", tensor: dense.weight, transposed: true), State(name: "bias", tensor: dense.bias, transposed: false)]))
                if let code = activation(dense.activation, axis: -1) { result.append(TorchModule(code: code)) }
            case let conv as Conv2d:
                let shape = conv.weight.shape
                result.append(TorchModule(code: "nn.Conv2d(\(shape[1]), \(shape[0]), \(shape[2]), stride=\(conv.stride), padding=\(conv.padding))", state: [
                    State(name: "weight", tensor: conv.weight, transposed: false), State(name: "bias", tensor: conv.bias, transposed: false)]))
                spatial = true
            case let pool as Pool2d:
                result.append(TorchModule(code: "nn.\(pool.name)(\(pool.kernel), stride=\(pool.stride))"))
                spatial = true
            case is Flatten:
                result.append(TorchModule(code: "nn.Flatten()"))
                spatial = false
            case let norm as BatchNorm:
                // PyTorch counts batches in a buffer of its own; nnlearn's momentum never reads it.
                let counted = try Tensor([0], shape: [])
                result.append(TorchModule(code: "nn.BatchNorm\(spatial ? 2 : 1)d(\(norm.gamma.count), eps=\(norm.epsilon), momentum=\(norm.momentum))", state: [
                    State(name: "weight", tensor: norm.gamma, transposed: false), State(name: "bias", tensor: norm.beta, transposed: false),
                    State(name: "running_mean", tensor: norm.runningMean, transposed: false),
                    State(name: "running_var", tensor: norm.runningVar, transposed: false),
                    State(name: "num_batches_tracked", tensor: counted, transposed: false)]))
            case let norm as LayerNorm:
                result.append(TorchModule(code: "nn.LayerNorm(\(norm.gamma.count), eps=\(norm.epsilon))", state: [
                    State(name: "weight", tensor: norm.gamma, transposed: false), State(name: "bias", tensor: norm.beta, transposed: false)]))
            case let dropout as Dropout:
                result.append(TorchModule(code: "nn.Dropout(\(dropout.probability))"))
            case let embedding as Embedding:
                result.append(TorchModule(code: "nn.Embedding(\(embedding.table.shape[0]), \(embedding.table.shape[1]))", state: [
                    State(name: "weight", tensor: embedding.table, transposed: false)]))
            case let recurrent as Recurrent:
                // Inside a model nnlearn's recurrent layers pass on their last h, so the script subclasses PyTorch's.
                result.append(TorchModule(code: "Last\(recurrent.name)(\(recurrent.wx.shape[0]), \(recurrent.hidden), batch_first=True)", state: [
                    State(name: "weight_ih_l0", tensor: recurrent.wx, transposed: true), State(name: "weight_hh_l0", tensor: recurrent.wh, transposed: true),
                    State(name: "bias_ih_l0", tensor: recurrent.bx, transposed: false), State(name: "bias_hh_l0", tensor: recurrent.bh, transposed: false)]))
            case let activation as ActivationLayer:
                result.append(TorchModule(code: Self.activation(activation.kind, axis: activation.axis) ?? "nn.Identity()"))
            case let sequential as Sequential:
                result.append(TorchModule(code: "nn.Sequential", children: try modules(of: sequential.layers)))
            default:
                throw ScriptError(.type, "the layer \(layer.name) has no PyTorch equivalent that nnlearn writes")
            }
        }
        return result
    }

    /// The PyTorch module of an activation; nil for linear (no module).
    static func activation(_ kind: ActivationKind, axis: Int) -> String? {
        switch kind {
        case .linear: return nil
        case .sigmoid: return "nn.Sigmoid()"
        case .tanh: return "nn.Tanh()"
        case .relu: return "nn.ReLU()"
        case .leakyRelu: return "nn.LeakyReLU(0.01)"
        case .elu: return "nn.ELU()"
        case .selu: return "nn.SELU()"
        case .gelu: return "nn.GELU()"
        case .swish: return "nn.SiLU()"
        case .softplus: return "nn.Softplus()"
        case .mish: return "nn.Mish()"
        case .softmax: return "nn.Softmax(dim=\(axis))"
        }
    }

    /// Every state tensor of `modules` with its `state_dict()` key (`0.weight`, `1.0.bias` when nested).
    static func stateDict(_ modules: [TorchModule], prefix: String = "") -> [(key: String, state: State)] {
        modules.enumerated().flatMap { index, module in
            module.state.map { ("\(prefix)\(index).\($0.name)", $0) } + stateDict(module.children, prefix: "\(prefix)\(index).")
        }
    }

    /// The module's constructor call, its children's written inside it.
    func render(indent: String) -> String {
        guard code == "nn.Sequential" else { return indent + code }
        return indent + "nn.Sequential(\n" + children.map { $0.render(indent: indent + "    ") + ",\n" }.joined() + indent + ")"
    }

    /// Whether a recurrent module appears, so the script defines its subclasses.
    var usesRecurrent: Bool { code.hasPrefix("Last") || children.contains(where: \.usesRecurrent) }

    /// The values of a tensor as PyTorch lays them out: a [rows, columns] matrix transposed when asked.
    static func torchLayout(_ state: State) -> (shape: [Int], values: [Double]) {
        let tensor = state.tensor
        guard state.transposed, tensor.rank == 2 else { return (tensor.shape, tensor.data) }
        return ([tensor.shape[1], tensor.shape[0]], transpose(tensor.data, rows: tensor.shape[0], columns: tensor.shape[1]))
    }

    /// A row-major [rows, columns] matrix's values as [columns, rows].
    static func transpose(_ values: [Double], rows: Int, columns: Int) -> [Double] {
        var result = [Double](repeating: 0, count: values.count)
        for i in 0..<rows {
            for j in 0..<columns { result[j * rows + i] = values[i * columns + j] }
        }
        return result
    }

    /// A readable PyTorch script: the model, its weights loaded from `weightsFile` beside the
    /// script, and a forward pass on a batch of zeros of `example` (without the batch axis).
    static func script(_ modules: [TorchModule], weightsFile: String, example: [Int]?) -> String {
        let body = modules.map { $0.render(indent: "    ") + "," }.joined(separator: "\n")
        let recurrent = !modules.contains(where: \.usesRecurrent) ? "" : """


            class LastRNN(nn.RNN):
                \"\"\"nn.RNN passing on its last hidden state [N, hidden], as nnlearn's RNN does inside Sequential.\"\"\"
                def forward(self, x):
                    return super().forward(x)[1][0]


            class LastLSTM(nn.LSTM):
                \"\"\"nn.LSTM passing on its last h [N, hidden], as nnlearn's LSTM does inside Sequential.\"\"\"
                def forward(self, x):
                    return super().forward(x)[1][0][0]


            class LastGRU(nn.GRU):
                \"\"\"nn.GRU passing on its last hidden state [N, hidden], as nnlearn's GRU does inside Sequential.\"\"\"
                def forward(self, x):
                    return super().forward(x)[1][0]
            """
        let run = example.map { shape in
            "    x = torch.zeros(\((["1"] + shape.map(String.init)).joined(separator: ", ")), dtype=torch.float64)\n    print(model(x))"
        } ?? "    print(model)"
        return """
            \(TorchModule.scriptMark)
            \"\"\"A PyTorch copy of a model trained in nnlearn.

            The weights are in \(weightsFile) beside this file, with the names and layouts of
            this nn.Sequential's state_dict(); float64, as nnlearn computes.
            \"\"\"
            from pathlib import Path

            import torch
            from torch import nn
            from safetensors.torch import load_file\(recurrent)


            model = nn.Sequential(
            \(body)
            ).double()
            model.load_state_dict(load_file(Path(__file__).with_name(\(SafeTensors.jsonString(weightsFile)))))
            model.eval()

            if __name__ == "__main__":
            \(run)

            """
    }

    /// The first line of every script nnlearn writes: the mark by which it knows its own.
    static let scriptMark = "# Written by nnlearn's export_torch: a PyTorch model with nnlearn's trained weights."
}
