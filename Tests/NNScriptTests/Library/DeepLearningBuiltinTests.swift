import Testing
@testable import NNScript

/// The deep-learning ops and layers in the language, each with a program and the exact output it must print.
@Suite struct DeepLearningBuiltinTests {
    static let cases: [(String, String)] = [
        // ops
        ("x = arange(16).reshape(1, 1, 4, 4)\nw = ones(1, 1, 2, 2)\nprint(conv2d(x, w, b=[1], stride=2).tolist())", "[[[[11.0, 19.0], [43.0, 51.0]]]]"),
        ("print(conv2d(ones(1, 1, 2, 2), ones(2, 1, 3, 3), padding=1).shape)", "(1, 2, 2, 2)"),
        ("print(conv1d([[[1, 2, 3, 4]]], [[[1, -1]]], padding=1).tolist())", "[[[-1.0, -1.0, -1.0, -1.0, 4.0]]]"),
        ("x = param(arange(16).reshape(1, 1, 4, 4))\ny = max_pool2d(x, 2)\ny.sum().backward()\nprint(y.tolist(), x.grad.sum().item())", "[[[[5.0, 7.0], [13.0, 15.0]]]] 4.0"),
        ("print(avg_pool2d(arange(16).reshape(1, 1, 4, 4), 2, stride=2).tolist())", "[[[[2.5, 4.5], [10.5, 12.5]]]]"),
        ("x = zeros(2, 3, 4)\nprint(flatten(x).shape, flatten(x, 1).shape, x.flatten(start=1).shape, x.flatten().shape)", "(24,) (2, 12) (2, 12) (24,)"),
        ("m, v = zeros(2), ones(2)\ny = batch_norm([[1, 2], [3, 6]], ones(2), zeros(2), running_mean=m, running_var=v)\nprint(y.tolist(), m.tolist(), v.tolist())",
         "[[-0.9999950000374997, -0.9999987500023437], [0.9999950000374997, 0.9999987500023437]] [0.2, 0.4] [1.1, 1.7000000000000002]"),
        ("print(batch_norm([[1.0, 2.0]], [2, 1], [0, 1], running_mean=[1, 0], running_var=[4, 1], training=False, eps=0).tolist())", "[[0.0, 3.0]]"),
        ("print(layer_norm([[1, 3]], ones(2), zeros(2), eps=0).tolist())", "[[-1.0, 1.0]]"),
        ("print(renorm([[3, 0.1], [4, 0.2]], 2, 1, 2).tolist())", "[[1.1999999760000004, 0.1], [1.5999999680000005, 0.2]]"),
        ("t = param([[0, 1], [2, 3], [4, 5]])\ne = embedding([[2, 0], [2, 2]], t)\ne.sum().backward()\nprint(e.shape, t.grad.tolist())", "(2, 2, 2) [[1.0, 1.0], [0.0, 0.0], [3.0, 3.0]]"),
        ("seed(0)\nd = dropout(ones(8), 0.5)\nprint(d.shape, ((d == 0) + (d == 2)).sum().item(), dropout(ones(3), 0.5, training=False).tolist())", "(8,) 8.0 [1.0, 1.0, 1.0]"),
        // chunk and split, checked against PyTorch 2.13 (float64): values, shapes and the one shared gradient
        ("x = arange(10).reshape(5, 2)\nprint([p.tolist() for p in x.chunk(3)], [p.shape for p in chunk(x, 2, axis=1)], len(chunk(arange(6), 4)))",
         "[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]], [[8.0, 9.0]]] [(5, 1), (5, 1)] 3"),
        ("x = param(arange(15).reshape(3, 5) / 7)\na, b, c = x.split([2, 1, 2], axis=1)\nloss = (a ** 2).sum() * 0.5 + c.sigmoid().sum()\nloss.backward()\nprint(round(loss.item(), 10), [round(v, 10) for v in x.grad.flatten().tolist()])",
         "7.4197657213 [0.0, 0.1428571429, 0.0, 0.2388628941, 0.2306532082, 0.7142857143, 0.8571428571, 0.0, 0.1833307834, 0.169672591, 1.4285714286, 1.5714285714, 0.0, 0.1168015874, 0.1049935854]"),
        ("y = param(arange(7) - 3)\np = y.split(3)\n(p[0].exp().sum() + (p[2] * 5).sum()).backward()\nprint([q.tolist() for q in p], [round(v, 10) for v in y.grad.tolist()], type(p))",
         "[[-3.0, -2.0, -1.0], [0.0, 1.0, 2.0], [3.0]] [0.0497870684, 0.1353352832, 0.3678794412, 0.0, 0.0, 0.0, 5.0] tuple"),
        ("print([p.shape for p in zeros(0, 3).split(0)], [p.shape for p in zeros(5, 0).chunk(3, axis=1)], [p.shape for p in arange(10).split((4, 6))])",
         "[(0, 3)] [(5, 0), (5, 0), (5, 0)] [(4,), (6,)]"),
        ("print(rnn_step([[0.0]], [[0.0]], [[1.0]], [[1.0]], [0.0]).tolist())", "[[0.0]]"),
        ("h, c = lstm_step([[1.0]], [[0.0]], [[1.0]], zeros(1, 4), zeros(1, 4), zeros(4))\nprint(round(h.item(), 6), c.item())", "0.231059 0.5"),
        ("print(gru_step([[1.0]], [[1.0]], zeros(1, 3), zeros(1, 3), zeros(3), zeros(3)).tolist())", "[[0.5]]"),
        ("image(arange(8).reshape(2, 1, 2, 2))", "  ░░  ▒▒▓▓\n░░▒▒  ▓▓██\n0     1"),
        // layers
        ("seed(0)\nc = Conv2d(1, 4, 3, padding=1)\nprint(c(zeros(2, 1, 5, 5)).shape, c.parameter_count, c.W.shape, c.b.shape)", "(2, 4, 5, 5) 40 (4, 1, 3, 3) (4,)"),
        ("p, a, f = MaxPool2d(2), AvgPool2d(3, stride=1), Flatten()\nx = zeros(1, 2, 6, 6)\nprint(p(x).shape, a(x).shape, f(x).shape, p.params)", "(1, 2, 3, 3) (1, 2, 4, 4) (1, 72) []"),
        ("bn = BatchNorm(3)\ny = bn(randn(4, 3))\nprint(bn.parameter_count, bn.running_var.shape, bn.training)\nbn.eval()\nprint(bn.training, bn(zeros(1, 3)).shape)", "6 (3,) True\nFalse (1, 3)"),
        ("ln = LayerNorm(4)\nprint(ln(randn(2, 4)).shape, ln.gamma.tolist(), ln.beta.tolist())", "(2, 4) [1.0, 1.0, 1.0, 1.0] [0.0, 0.0, 0.0, 0.0]"),
        ("d = Dropout(0.5)\nd.eval()\nprint(d(ones(3)).tolist())", "[1.0, 1.0, 1.0]"),
        ("e = Embedding(10, 3)\nprint(e([[1, 2], [3, 4]]).shape, e.parameter_count)", "(2, 2, 3) 30"),
        ("r, l, g = RNN(3, 5), LSTM(3, 5), GRU(3, 5)\nout, h = r(randn(2, 4, 3))\nout2, (h2, c2) = l(randn(2, 4, 3))\nprint(out.shape, h.shape, out2.shape, c2.shape, g(randn(2, 4, 3))[1].shape)\nprint(r.parameter_count, l.parameter_count, g.parameter_count)",
         "(2, 4, 5) (2, 5) (2, 4, 5) (2, 5) (2, 5)\n50 200 150"),
        ("print(ReLU()([-1, 2]).tolist(), Tanh()([0]).tolist(), Sigmoid()([0]).tolist(), Softmax(axis=0)([1, 1]).tolist())", "[0.0, 2.0] [0.0] [0.5] [0.5, 0.5]"),
        ("seed(0)\nm = Sequential([Conv2d(1, 2, 3), ReLU(), MaxPool2d(2), Flatten(), Dense(8, 3)])\nprint(m(zeros(4, 1, 6, 6)).shape, len(m.params), len(m.layers), m.parameter_count)\nm.summary()",
         "(4, 3) 4 5 47\nlayer        output shape  params\n1 Conv2d     (N, 2, 4, 4)  20\n2 ReLU       (N, 2, 4, 4)  0\n3 MaxPool2d  (N, 2, 2, 2)  0\n4 Flatten    (N, 8)        0\n5 Dense      (N, 3)        27\ntotal parameters: 47"),
        ("m = Sequential([Embedding(5, 2), LSTM(2, 3), Dense(3, 2)])\nm.summary(input_shape=(7,))", "layer        output shape  params\n1 Embedding  (N, 7, 2)     10\n2 LSTM       (N, 3)        84\n3 Dense      (N, 2)        8\ntotal parameters: 102"),
    ]

    /// Every program above, for the check that each builtin is exercised.
    static var source: String { cases.map(\.0).joined(separator: "\n") }

    @Test(arguments: 0..<cases.count)
    func programPrintsExactly(_ index: Int) {
        let (source, expected) = Self.cases[index]
        let (text, error) = run(source)
        #expect(error == nil, "\(source)\n\(text)")
        #expect(text == expected + "\n", "\(source)")
    }

    @Test func modelsTrainInTrainingModeAndPredictInEvaluationMode() {
        // Dropout(1.0) zeroes everything while training, so predict's non-zero output shows evaluation mode,
        // and the model is left in the mode it was in.
        let program = """
            seed(0)
            m = Sequential([Dense(2, 2), Dropout(1.0)])
            X = [[1.0, 2.0], [3.0, 4.0]]
            print((m(X) == 0).all(), (predict(m, X) == 0).all(), m.training)
            loss, _ = evaluate(m, X, [[0.0, 0.0], [0.0, 0.0]])
            print(loss > 0)
            h = fit(m, X, [[0.0, 0.0], [0.0, 0.0]], epochs=1)
            print(h.loss[0] == 0, m.training)
            m.eval()
            h = fit(m, X, [[0.0, 0.0], [0.0, 0.0]], epochs=1)
            print(m.training)
            """
        let (text, error) = run(program)
        #expect(error == nil, "\(text)")
        #expect(text == "True False True\nTrue\nTrue True\nFalse\n")
    }

    @Test func sequentialModelsFitAndWorkWithOptimizersAndBoundary() {
        let program = """
            seed(1)
            X, y = moons(n=64, noise=0.1, seed=0)
            m = Sequential([Dense(2, 16), BatchNorm(16), ReLU(), Dense(16, 2)])
            h = fit(m, X, y, loss="cross_entropy", optimizer=Adam(m, lr=0.05), epochs=30, batch_size=16, shuffle=True)
            print(h.loss[-1] < h.loss[0], h.accuracy[-1] > 0.8, m.training)
            opt = SGD(m.params, lr=0.1)
            print(len(opt.params))
            boundary(m, X, y, resolution=8)
            """
        let text = output(program)
        #expect(text.hasPrefix("True True True\n6\n"), "\(text)")
    }

    @Test func mistakesAreDiagnosed() {
        let checks: [(String, String)] = [
            ("conv2d(zeros(1, 2, 4, 4), zeros(3, 1, 3, 3))", "the input has 2 channels but the weights expect 1"),
            ("max_pool2d(zeros(2, 2), 2)", "needs a batch of feature maps [N, C, H, W]"),
            ("embedding([7], zeros(3, 2))", "ids must be whole numbers in 0..<3"),
            ("LSTM(3, 4)(zeros(2, 3))", "expects sequences [N, T, 3]"),
            ("Sequential([Dense(2, 2), 3])", "Sequential() takes a list of layers"),
            ("BatchNorm(2)(zeros(1, 2))", "training needs more than one value per channel"),
            ("Dropout(2)", "p must be a probability in [0, 1]"),
            ("image(zeros(2, 2, 2), height=3)", "has tiles of 2×2; leave out height and width"),
            ("image(zeros(1, 1, 1, 2, 2))", "draws a batch [N, H, W] or [N, C, H, W] at most"),
        ]
        for (source, message) in checks {
            let (text, error) = run(source)
            #expect(error != nil, "\(source)")
            #expect(text.contains(message) || (error.map { "\($0)" } ?? "").contains(message), "\(source): \(text) \(String(describing: error))")
        }
    }
}
