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

    /// The modules of `model`, in order: a dense layer, then its activation unless it is linear.
    static func modules(of model: ModelObject) -> [TorchModule] {
        model.layers.flatMap { dense -> [TorchModule] in
            let linear = TorchModule(code: "nn.Linear(\(dense.inputs), \(dense.outputs))", state: [
                State(name: "weight", tensor: dense.weight, transposed: true),
                State(name: "bias", tensor: dense.bias, transposed: false),
            ])
            return [linear] + (activation(dense.activation).map { [TorchModule(code: $0)] } ?? [])
        }
    }

    /// The PyTorch module of an activation; nil for linear (no module).
    static func activation(_ kind: ActivationKind) -> String? {
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
        case .softmax: return "nn.Softmax(dim=-1)"
        }
    }

    /// Every state tensor of `modules` with its `state_dict()` key (`0.weight`).
    static func stateDict(_ modules: [TorchModule]) -> [(key: String, state: State)] {
        modules.enumerated().flatMap { index, module in module.state.map { ("\(index).\($0.name)", $0) } }
    }

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
    /// script, and a forward pass on a batch of zeros.
    static func script(_ modules: [TorchModule], weightsFile: String, inputs: Int) -> String {
        let body = modules.map { "    \($0.code)," }.joined(separator: "\n")
        return """
            \(TorchModule.scriptMark)
            \"\"\"A PyTorch copy of a model trained in nnlearn.

            The weights are in \(weightsFile) beside this file, with the names and layouts of
            this nn.Sequential's state_dict(); float64, as nnlearn computes.
            \"\"\"
            from pathlib import Path

            import torch
            from torch import nn
            from safetensors.torch import load_file

            model = nn.Sequential(
            \(body)
            ).double()
            model.load_state_dict(load_file(Path(__file__).with_name(\(SafeTensors.jsonString(weightsFile)))))
            model.eval()

            if __name__ == "__main__":
                x = torch.zeros(1, \(inputs), dtype=torch.float64)
                print(model(x))

            """
    }

    /// The first line of every script nnlearn writes: the mark by which it knows its own.
    static let scriptMark = "# Written by nnlearn's export_torch: a PyTorch model with nnlearn's trained weights."
}
