/// Shape errors of every op, indices out of range, and negative or zero sizes.
enum ShapeCases {
    /// Operands whose shapes do not fit.
    static let shapes: [BadInput] = [
        BadInput("zeros(2, 3) @ zeros(2, 3)", .shape, "matmul: [2, 3] @ [2, 3]: inner dimensions 3 and 2 differ"),
        BadInput("matmul(zeros(3), zeros(4))", .shape, "inner dimensions 3 and 4 differ"),
        BadInput("zeros(2, 3, 4) @ zeros(5, 6)", .shape, "both sides must be vectors or matrices"),
        BadInput("tensor(1.0) @ tensor(2.0)", .shape, "both sides must be vectors or matrices"),
        BadInput("x = zeros(2); x @= zeros(3, 3)", .shape, "inner dimensions 2 and 3 differ"),
        BadInput("zeros(2, 3) + zeros(4, 5)", .shape, "cannot be broadcast together"),
        BadInput("zeros(3) * zeros(4)", .shape, "cannot be broadcast together"),
        BadInput("zeros(6).reshape(4, 4)", .shape, "cannot reshape [6] (6 elements) into [4, 4]"),
        BadInput("zeros(4).reshape(-1, -1)", .shape, "only one dimension can be -1"),
        BadInput("zeros(4).reshape(0, -1)", .shape, "cannot reshape [4]"),
        BadInput("zeros(0).reshape(-1, 0)", .shape, "cannot reshape [0]"),
        BadInput("concat([zeros(2, 3), zeros(2, 4)], axis=0)", .shape, "only axis 0 may differ"),
        BadInput("stack([zeros(2), zeros(3)])", .shape, "stacked tensors must have equal shapes"),
        BadInput("mse(zeros(4, 1), zeros(4))", .shape, "y.reshape(4, 1)"),
        BadInput("bce(zeros(3), zeros(4))", .shape, "bce: prediction [3] and target [4] must have the same shape"),
        BadInput("hinge(zeros(3), zeros(4))", .shape, "must have the same shape"),
        BadInput("bce_logits(zeros(3, 1), zeros(3))", .shape, "y.reshape(3, 1)"),
        BadInput("cross_entropy(zeros(4, 3), zeros(5))", .shape, "need targets of shape [4] (class indices) or [4, 3] (one-hot)"),
        BadInput("cross_entropy(zeros(4, 3), tensor([0, 1, 5, 1]))", .shape, "label 5.0 is not a class index in 0..<3"),
        BadInput("one_hot(tensor([0, 3]), 2)", .shape, "label 3.0 is not a class index in 0..<2"),
        BadInput("one_hot(tensor([0.5]), 2)", .shape, "label 0.5 is not a class index"),
        BadInput("one_hot(tensor([-1]), 2)", .shape, "label -1.0 is not a class index"),
        BadInput("one_hot(tensor([0]), 0)", .shape, "the number of classes must be positive"),
        BadInput("m = MLP([2, 3, 1]); m(zeros(4, 5))", .shape, "the layer expects 2 features per example"),
        BadInput("m = MLP([2, 3, 1]); fit(m, zeros(4, 2), zeros(3, 1))", .shape, "X has 4 rows but y has 3"),
        BadInput("zeros(2, 3).sum(axis=5)", .shape, "axis 5 is out of range for a tensor of rank 2"),
        BadInput("tensor([1.0, 2.0]).item()", .shape, "only a tensor with one element converts to a number"),
        BadInput("x = param([1.0, 2.0]); y = x * 2; y.backward()", .shape, "reduce it to a scalar first"),
        BadInput("x = tensor([1.0]); x.backward()", .shape, "does not depend on any parameter"),
        BadInput("x = param([1.0]); (x * 2).backward(zeros(5))", .shape, "the upstream gradient has shape [5]"),
        BadInput("zeros(0).max()", .shape, "the max of an empty tensor is undefined"),
        BadInput("zeros(0).mean()", .shape, "the mean of an empty tensor is undefined"),
        BadInput("zeros(0).argmax()", .shape, "the argmax of an empty tensor is undefined"),
        BadInput("image(zeros(3), height=0)", .shape, "3 values do not make images of 0×8"),
    ]

    /// Indices outside their range.
    static let indices: [BadInput] = [
        BadInput("\"abc\"[10]", .index, "index 10 is out of range for a sequence of length 3"),
        BadInput("t = (1,); print(t[5])", .index, "index 5 is out of range for a sequence of length 1"),
        BadInput("[1, 2, 3][5]", .shape, "index 5 is out of range for axis 0 with size 3"),
        BadInput("zeros(2, 3)[5]", .shape, "index 5 is out of range for axis 0 with size 2"),
        BadInput("zeros(2, 3)[0, 7]", .shape, "index 7 is out of range for axis 1 with size 3"),
        BadInput("zeros(2, 3)[-3]", .shape, "out of range"),
        BadInput("x = zeros(3); x[10] = 1", .shape, "assign: index 10 is out of range"),
        BadInput("x = zeros(3); x[[0, 9]]", .shape, "index 9 is out of range"),
        BadInput("x = zeros(3, 3); x[zeros(2) > 0]", .index, "a boolean mask of 2 values cannot select along an axis of size 3"),
        BadInput("x = zeros(5); x[::0]", .shape, "a slice step cannot be zero"),
        BadInput("\"abc\"[::0]", .shape, "a slice step cannot be zero"),
    ]

    /// Negative, zero and nonsensical sizes.
    static let sizes: [BadInput] = [
        BadInput("zeros(-1)", .value, "zeros() got a negative dimension -1"),
        BadInput("full((2, -3), 1.0)", .value, "full() got a negative dimension -3"),
        BadInput("eye(-1)", .shape, "negative dimension -1"),
        BadInput("linspace(0, 1, -5)", .shape, "negative dimension -5"),
        BadInput("arange(0, 1, 0)", .shape, "needs finite bounds and a non-zero step"),
        BadInput("MLP([])", .shape, "needs at least an input and an output size"),
        BadInput("MLP([2])", .shape, "needs at least an input and an output size"),
        BadInput("Dense(0, 0)", .shape, "a layer needs at least one input and one output"),
        BadInput("Dense(-1, 2)", .shape, "got -1 → 2"),
        BadInput("blobs(n=-5)", .value, "n must be from 1 to 1000000"),
        BadInput("moons(n=0)", .value, "n must be from 1 to 1000000"),
        BadInput("opt = SGD([param([1.0])], lr=0.1); s = StepLR(opt, 0)", .shape, "step_size must be positive"),
        BadInput("m = MLP([2, 3, 1]); fit(m, zeros(0, 2), zeros(0, 1))", .value, "batch_size must be positive"),
    ]
}
