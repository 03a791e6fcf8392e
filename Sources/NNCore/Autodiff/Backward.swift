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
        var walk = GraphWalk(from: self, includingConstants: includingConstants)
        defer { walk.recycle() }
        return walk.tensorsInForwardOrder
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
            if tensor.isLeaf {
                if tensor.accumulateGrad(gradient) { accumulated.append(tensor) }
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
        var walk = GraphWalk(from: self, includingConstants: false)
        defer { walk.recycle() }
        let mode = RecordingMode.current  // read once: task-local reads are not free
        let (detecting, budget) = (mode.detectsAnomalies, mode.budget)
        // The terms flowing into each tensor are summed beside the walk, in its node.
        walk.buffers.nodes[0].sum = seed  // the root is the first tensor reached

        var visited = 0
        for position in walk.buffers.order.indices.reversed() {
            let number = walk.buffers.order[position]
            guard let gradient = walk.buffers.nodes[number].sum.take() else { continue }
            let tensor = walk.buffers.nodes[number].tensor
            let (firstInput, inputCount) = (walk.buffers.nodes[number].firstInput, walk.buffers.nodes[number].inputCount)
            finished(tensor, gradient)
            guard let rule = tensor.backwardRule else { continue }
            var terms = rule(tensor, gradient)
            // A kernel that stopped early (Ctrl-C, a time limit) left a pending stop; long graphs poll too.
            visited &+= 1
            if let budget, budget.hasPending || visited & 255 == 0 { try budget.checkpoint() }
            for inputIndex in 0..<Swift.min(inputCount, terms.count) {
                // Only inputs the walk reached take part (they need a gradient); the walk recorded their numbers.
                let input = walk.buffers.inputNumbers[firstInput + inputIndex]
                guard input >= 0, let term = terms.take(inputIndex) else { continue }
                if detecting {
                    try Anomaly.check(term, op: tensor.op ?? "op", inputs: tensor.inputs, phase: "backward")
                }
                if inputIndex == 0, let part = terms.firstPart {
                    // A piece of a split: added into its place in the input's one gradient array.
                    contributed?(tensor, inputIndex, part.expanded(term))
                    part.add(term, into: &walk.buffers.nodes[input].sum)
                    continue
                }
                contributed?(tensor, inputIndex, term)
                if walk.buffers.nodes[input].sum == nil {
                    walk.buffers.nodes[input].sum = term
                } else {
                    walk.buffers.nodes[input].sum!.withUnsafeMutableBufferPointer { sum in
                        for i in sum.indices { sum[i] += term[i] }
                    }
                }
            }
        }
    }
}
