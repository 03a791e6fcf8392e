import Synchronization

/// Numbers graph walks, for the marks they leave on tensors.
private let walkCounter = Atomic<Int>(0)

/// What a backward pass noticed, for the learner's benefit.
public struct BackwardSummary {
    /// Parameters whose gradient already held values that were not zeroed:
    /// this pass added to them, which is rarely what a learner meant.
    public let accumulatedInto: [Tensor]
}

extension Tensor {
    /// The tensors this one was computed from that take part in backward,
    /// ending with this one: every input comes before the tensors that use it.
    ///
    /// Iterative, so a graph 100 000 ops deep does not overflow the stack.
    /// With `includingConstants`, inputs that need no gradient are listed too.
    public func graphInForwardOrder(includingConstants: Bool = false) -> [Tensor] {
        let walk = Tensor.nextWalk()
        var order: [Tensor] = []
        var stack: [Tensor] = []
        // One allocation each for a typical graph instead of one per doubling.
        order.reserveCapacity(64)
        stack.reserveCapacity(64)
        self.walk = walk
        self.nextInput = 0
        stack.append(self)
        while let top = stack.last {
            let next = top.nextInput
            if next < top.inputs.count {
                top.nextInput = next + 1
                let input = top.inputs[next]
                if input.requiresGrad || includingConstants, input.walk != walk {
                    input.walk = walk
                    input.nextInput = 0
                    stack.append(input)
                }
            } else {
                order.append(top)
                stack.removeLast()
            }
        }
        return order
    }

    /// A number no earlier walk used, so marks left on tensors by other walks never match.
    static func nextWalk() -> Int {
        walkCounter.add(1, ordering: .relaxed).newValue
    }

    /// Back-propagates from this tensor, filling `grad` on every tensor of its graph.
    ///
    /// A scalar needs no `upstream`; any other tensor needs one of its own shape
    /// (the gradient of some scalar with respect to it). Parameters accumulate
    /// their gradients, as in PyTorch: call `zeroGrad()` between steps.
    @discardableResult
    public func backward(upstream: Tensor? = nil) throws -> BackwardSummary {
        guard requiresGrad else {
            throw CoreError("backward", "this tensor does not depend on any parameter, so it has no gradient (make leaves trainable with param(...), and do not compute the loss inside no_grad)")
        }
        let seed: [Double]
        if let upstream {
            guard upstream.shape == shape else {
                throw CoreError("backward", "the upstream gradient has shape \(describe(upstream.shape)) but the tensor has shape \(describe(shape))")
            }
            seed = upstream.data
        } else {
            guard count == 1 else {
                throw CoreError("backward", "backward from a tensor of shape \(describe(shape)) needs an upstream gradient of that shape; reduce it to a scalar first (e.g. with sum() or mean())")
            }
            seed = [1]
        }
        var accumulated: [Tensor] = []
        try propagate(seed: seed) { tensor, gradient in
            if tensor.isLeaf, let existing = tensor.grad {
                if existing.data.contains(where: { $0 != 0 }) { accumulated.append(tensor) }
                existing.update { values in
                    for i in values.indices { values[i] += gradient[i] }
                }
            } else if tensor.isLeaf {
                tensor.grad = Tensor(uncheckedData: gradient, shape: tensor.shape)
            } else {
                tensor.setPendingGrad(gradient)
            }
        }
        return BackwardSummary(accumulatedInto: accumulated)
    }

    /// Runs the chain rule backwards from this tensor with gradient `seed`.
    ///
    /// `finished` receives each tensor with its complete gradient, outputs
    /// before inputs; `contributed` sees every single term of the chain rule
    /// (the consumer, the input's position, the term), for the explain report.
    func propagate(
        seed: [Double],
        finished: (Tensor, [Double]) -> Void,
        contributed: ((Tensor, Int, [Double]) -> Void)? = nil
    ) throws {
        let order = graphInForwardOrder()
        let walk = order.last?.walk ?? 0
        let detecting = Anomaly.isDetecting  // read once: task-local reads are not free
        // Each tensor sums the terms flowing into it in its own scratch field, so the
        // walk needs no table of gradients; an error leaves no partial sums behind.
        defer { for tensor in order { tensor.gradientSum = nil } }
        order.last?.gradientSum = seed

        let budget = ResourceBudget.current
        var visited = 0
        for tensor in order.reversed() {
            guard let gradient = tensor.gradientSum else { continue }
            tensor.gradientSum = nil
            finished(tensor, gradient)
            guard let rule = tensor.backwardRule else { continue }
            let terms = rule(gradient)
            // A kernel that stopped early (Ctrl-C, a time limit) left a pending stop; long graphs poll too.
            visited &+= 1
            if let budget, budget.hasPending || visited & 255 == 0 { try budget.checkpoint() }
            for (inputIndex, input) in tensor.inputs.enumerated() where inputIndex < terms.count {
                // Only inputs this walk visited take part (they need a gradient).
                guard input.requiresGrad, let term = terms[inputIndex], input.walk == walk else { continue }
                if detecting {
                    try Anomaly.check(term, op: tensor.op ?? "op", inputs: tensor.inputs, phase: "backward")
                }
                contributed?(tensor, inputIndex, term)
                guard var sum = input.gradientSum else {
                    input.gradientSum = term
                    continue
                }
                input.gradientSum = nil  // so that `sum` is the only reference and is updated in place
                sum.withUnsafeMutableBufferPointer { sum in
                    for i in sum.indices { sum[i] += term[i] }
                }
                input.gradientSum = sum
            }
        }
    }
}
