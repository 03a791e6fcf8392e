/// RNN, LSTM and GRU layers over sequences [N, T, F], stepping their cells from a zero state.
///
/// Weights are [in, gates·hidden] and [hidden, gates·hidden] used as `x @ W`; like PyTorch,
/// each layer has two biases (input and hidden), and every tensor starts uniform on ±1/√hidden.
public final class Recurrent: RecurrentLayer {
    /// The cell a layer steps.
    public enum Cell: String, Sendable {
        case rnn = "RNN", lstm = "LSTM", gru = "GRU"
        var gates: Int { self == .rnn ? 1 : self == .lstm ? 4 : 3 }
    }

    /// Which recurrent cell the layer runs: RNN, LSTM or GRU.
    public let cell: Cell
    /// Input-to-hidden and hidden-to-hidden weights and their biases (gates stacked, as in PyTorch).
    public let wx: Tensor, wh: Tensor, bx: Tensor, bh: Tensor
    /// Whether the layer behaves as in training (no effect here: it has no training-only behaviour).
    public var isTraining = true
    /// The layer's name, as PyTorch's class is called.
    public var name: String { cell.rawValue }
    /// The size of the hidden state.
    public var hidden: Int { wh.shape[0] }
    /// The trainable tensors by the names the language shows them.
    public var namedParameters: [(name: String, tensor: Tensor)] { [("Wx", wx), ("Wh", wh), ("bx", bx), ("bh", bh)] }

    /// A layer with PyTorch's default initialization, uniform on ±1/√hidden.
    public init(_ cell: Cell, inputs: Int, hidden: Int, using rng: inout RandomGenerator) throws {
        guard inputs > 0, hidden > 0 else { throw CoreError(cell.rawValue, "needs inputs > 0 and hidden > 0, got \(inputs) and \(hidden)") }
        let bound = 1 / Double(hidden).squareRoot(), width = cell.gates * hidden
        self.cell = cell
        wx = try Tensor.uniform([inputs, width], low: -bound, high: bound, using: &rng)
        wh = try Tensor.uniform([hidden, width], low: -bound, high: bound, using: &rng)
        bx = try Tensor.uniform([width], low: -bound, high: bound, using: &rng)
        bh = try Tensor.uniform([width], low: -bound, high: bound, using: &rng)
        Self.trainable([("Wx", wx), ("Wh", wh), ("bx", bx), ("bh", bh)])
    }

    /// Runs the cell over a batch [N, T, inputs]: every step's hidden state [N, T, hidden] and the final state.
    public func sequence(_ x: Tensor) throws -> (outputs: Tensor, state: [Tensor]) {
        guard x.rank == 3, x.shape[2] == wx.shape[0] else {
            throw CoreError(cell.rawValue, "expects sequences [N, T, \(wx.shape[0])], got \(describe(x.shape))")
        }
        guard x.shape[1] > 0 else { throw CoreError(cell.rawValue, "the sequences are empty (T = 0)") }
        var h = try Tensor.zeros([x.shape[0], hidden]), c = h
        var outputs: [Tensor] = []
        // RNN and LSTM add their two biases once per sequence; GRU keeps them apart (bh is gated by r).
        let bias = cell == .gru ? bx : try bx + bh
        for t in 0..<x.shape[1] {
            let step = try x.indexed([.all, .at(t)])
            switch cell {
            case .rnn: h = try Tensor.rnnStep(step, h, wx: wx, wh: wh, bias: bias)
            case .lstm: (h, c) = try Tensor.lstmStep(step, h, c, wx: wx, wh: wh, bias: bias)
            case .gru: h = try Tensor.gruStep(step, h, wx: wx, wh: wh, biasX: bx, biasH: bh)
            }
            outputs.append(h)
        }
        return (try Tensor.stack(outputs, axis: 1), cell == .lstm ? [h, c] : [h])
    }
}
