import Foundation
import Testing
@testable import NNScript

/// Every builtin, each with a program and the exact output it must print.
@Suite struct BuiltinTests {
    static let cases: [(String, String)] = [
        // tensors
        ("print(tensor([1, 2], requires_grad=True).requires_grad)", "True"),
        ("print(param(3.0, label='w').name)", "w"),
        ("print(zeros(2, 3).shape, zeros((2,)).tolist(), ones(2).tolist(), full((2, 2), 7).sum().item())", "(2, 3) [0.0, 0.0] [1.0, 1.0] 28.0"),
        ("print(eye(2).tolist(), arange(3).tolist(), arange(1, 2, 0.5).tolist(), linspace(0, 1, 3).tolist())", "[[1.0, 0.0], [0.0, 1.0]] [0.0, 1.0, 2.0] [1.0, 1.5] [0.0, 0.5, 1.0]"),
        ("seed(1)\na = rand(2)\nseed(1)\nprint((a == rand(2)).all(), randn(3, 2).shape)", "True (3, 2)"),
        // math
        ("print(exp(0), log(1), sqrt(4), abs(-2), round(tanh(100), 3))", "1.0 0.0 2.0 2 1.0"),
        ("print(clip([-2, 0.5, 2], -1, 1).tolist())", "[-1.0, 0.5, 1.0]"),
        // sin and cos: Python's math.sin and math.cos print the same digits; the gradient is cos x − sin x.
        ("print(sin(0), cos(0), round(sin(1), 6), round(cos(1), 6), sin(tensor([0.0, 0.5])).tolist())", "0.0 1.0 0.841471 0.540302 [0.0, 0.479425538604203]"),
        ("x = param([0.5, 2.0])\n(sin(x) + x.cos()).sum().backward()\nprint(x.grad.tolist(), x.sin().shape)", "[0.39815702328616975, -1.325444263372824] (2,)"),
        ("print(round(sigmoid(0), 2), relu([-1, 2]).tolist(), leaky_relu(-10, alpha=0.1), elu(-1000), round(selu(1), 4))", "0.5 [0.0, 2.0] -1.0 -1.0 1.0507"),
        ("print(round(gelu(1), 4), round(gelu(1, approximate='tanh'), 4), round(swish(1), 4), round(silu(1), 4), round(softplus(0), 4), round(mish(1), 4))", "0.8413 0.8412 0.7311 0.7311 0.6931 0.8651"),
        ("print(step([-1, 0, 2]).tolist(), sign([-3, 0, 3]).tolist())", "[0.0, 1.0, 1.0] [-1.0, 0.0, 1.0]"),
        ("p = softmax([1000, 1000])\nprint(p.tolist(), log_softmax([0, 0]).exp().tolist(), round(logsumexp([1000, 1000]).item(), 4))", "[0.5, 0.5] [0.5, 0.5] 1000.6931"),
        ("print(one_hot([0, 2], 3).tolist(), concat([[1], [2, 3]]).tolist(), stack([[1, 2], [3, 4]], axis=1).tolist())", "[[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]] [1.0, 2.0, 3.0] [[1.0, 3.0], [2.0, 4.0]]"),
        ("print(matmul([[1, 2]], [[3], [4]]).item())", "11.0"),
        ("x = param(2.0)\na = param(3.0)\n(x ** a + pow(2.0, x) + x.pow(x)).backward()\nprint(pow(2, 10), round(x.grad.item(), 6), round(a.grad.item(), 6))", "1024 21.545177 5.545177"),
        // losses
        ("print(mse([1, 2], [1, 4]).item(), round(bce([0.5], [1]).item(), 4), round(bce_logits([0], [1]).item(), 4))", "2.0 0.6931 0.6931"),
        ("print(round(cross_entropy([[0, 0]], [1]).item(), 4), hinge([2, -0.5], [1, 0]).item())", "0.6931 0.25"),
        ("print(l1_loss([1, 2], [2, 4]).item(), huber([0.5, 3], [0, 0]).item(), smooth_l1([0.5, 3], [0, 0], beta=0.5).item())", "1.5 1.3125 1.5"),
        ("print(round(nll_loss(log_softmax([[0, 0]]), [1]).item(), 4), kl_div(log([[0.5, 0.5]]), [[0.5, 0.5]]).item(), bce([0.0], [1.0]).item())", "0.6931 0.0 100.0"),
        // autodiff
        ("w = param(3.0)\nbackward(w * w)\nprint(w.grad.item())", "6.0"),
        ("w = param(2.0)\nl = (w * w).label('l')\ntrace(l)", "node           shape  value   grad\nw (param)      []     2.0000  —\nl = mul(w, w)  []     4.0000  —"),
        ("w = param(2.0)\nexplain((w * w).label('L'))", "backward from L: dL/dL = 1\ndL/dw = dL/dL ⊙ w = 2.0000\ndL/dw += dL/dL ⊙ w = 2.0000"),
        ("def f(a):\n    return (a * a).sum()\nr = gradcheck(f, [1.0, 2.0])\nprint(r.passed)", "True"),
        ("compare('dw', [1, 2], [1, 2.000001])", "dw              | exact: False | approx: True  | maxdiff: 1.000000000139778e-06"),
        ("anomaly(True)\nexp(1000)", "SKIP"),
        ("w = param(1.0)\nwith no_grad():\n    y = w * 2\nprint(y.requires_grad)", "False"),
        // models and optimizers
        ("m = MLP([2, 3, 1], seed=0)\nprint(m.parameter_count, len(m.params), m(zeros(5, 2)).shape)", "13 4 (5, 1)"),
        ("d = Dense(2, 2, activation='relu', init='he_normal', seed=1)\nprint(d.W.shape, d.b.tolist(), d.activation)", "(2, 2) [0.0, 0.0] relu"),
        ("m = MLP([2, 2], seed=0)\nm.summary()", "layer   shape  activation  params\ndense1  2 → 2  linear      6\ntotal parameters: 6"),
        ("w = param([1.0])\nopt = SGD([w], lr=0.5)\n(w * w).sum().backward()\nopt.step()\nprint(w.tolist(), opt.lr, opt.steps)", "[0.0] 0.5 1"),
        ("w = param([1.0])\nfor O in [AdaGrad, RMSProp, Adam, AdamW, AdaMax, NAdam]:\n    o = O([w], lr=0.1)\n    print(type(o), end=' ')\nprint()", "AdaGrad RMSProp Adam AdamW AdaMax NAdam "),
        ("w = param([3.0, 4.0])\n(w * w).sum().backward()\nprint(clip_grad_norm([w], 1.0), w.grad.tolist())", "10.0 [0.599999940000006, 0.7999999200000081]"),
        ("w = param([3.0])\n(w * w).sum().backward()\nclip_grad_value([w], 0.5)\nprint(w.grad.tolist())", "[0.5]"),
        ("o = SGD([param(1.0)], lr=1)\ns = StepLR(o, 2, gamma=0.5)\nfor i in range(4):\n    s.step()\nprint(o.lr)\ne = ExponentialLR(o, 0.5)\ne.step()\nprint(o.lr)", "0.25\n0.125"),
        ("o = SGD([param(1.0)], lr=1)\nc = CosineAnnealingLR(o, 2)\nc.step()\nprint(o.lr, type(c))\nc = OneCycleLR(o, 1.0, 10)\nprint(o.lr, type(c))\nr = ReduceLROnPlateau(o, factor=0.5, patience=0)\nr.step(1.0)\nr.step(2.0)\nprint(o.lr, r.epoch)", "0.5 CosineAnnealingLR\n0.04 OneCycleLR\n0.02 2"),
        ("w = param([1.0])\nopt = Adam([w], lr=0.1, amsgrad=True, maximize=True)\n(w * w).sum().backward()\nopt.step()\nopt.zero_grad()\nprint(w.tolist(), w.grad)\nopt.step()\nprint(w.tolist(), opt.steps)", "[1.0999999995] None\n[1.0999999995] 2"),
        ("X, y = dataset('xor')\nh = fit(MLP([2, 4, 1], activation='tanh', output='sigmoid', seed=0), X, y.reshape(-1, 1), loss='bce', lr=0.5, epochs=3)\nprint(h.epochs, len(h.loss), len(h['accuracy']))", "3 3 3"),
        ("X, y = dataset('xor')\nm = MLP([2, 1], seed=0)\nprint(predict(m, X).shape, len(evaluate(m, X, y.reshape(-1, 1))))", "(4, 1) 2"),
        // data
        ("X, y = dataset('iris')\nprint(X.shape, y.shape, y.max().item())", "(150, 4) (150,) 2.0"),
        ("X, y = dataset('digits')\nprint(X.shape, y[0].item(), X.max().item())", "(1797, 64) 0.0 16.0"),
        ("X, y = dataset('moons')\nprint(X.shape, y.sum().item())", "(1000, 2) 500.0"),
        ("data, cols = load_csv('iris.csv')\nprint(data.shape, cols[-1])", "(150, 5) species"),
        ("X, y = moons(n=10, noise=0.1, seed=0)\nA, B = circles(n=8, seed=1)\nC, D = blobs(n=9, centers=3, seed=2)\nprint(X.shape, y.sum().item(), A.shape, D.tolist())", "(10, 2) 5.0 (8, 2) [0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0]"),
        ("X, y = dataset('iris')\na, b, c, d = split(X, y, test=0.2, seed=0)\nprint(a.shape, b.shape, c.shape, d.shape)", "(120, 4) (30, 4) (120,) (30,)"),
        ("s = standardize([[1, 10], [3, 30]])\nprint(s.tolist())", "[[-1.0, -1.0], [1.0, 1.0]]"),
        // metrics
        ("print(accuracy([[0.9], [0.2], [0.7]], [1, 0, 0]), accuracy([[1, 3], [5, 0]], [1, 0]))", "0.6666666666666666 1.0"),
        ("c = confusion([[0.9], [0.2], [0.7]], [1, 0, 0])\nprint(c.tolist())", "SKIP"),
        // basics
        ("print(len([1, 2]), len('abc'), len(zeros(4, 2)), len(range(5)))", "2 3 4 5"),
        // A list of numbers is a tensor, so max, sum and iteration see a tensor of floats.
        ("print(list(range(2, 10, 3)), list(range(3, 0, -1)), min(3, 1, 2), max([4, 9]), max(['b', 'a']))", "[2, 5, 8] [3, 2, 1] 1 tensor(9.) b"),
        ("print(sum([1, 2, 3]), sum(list(range(4))), round(2.5), round(3.14159, 2))", "tensor(6.) 6 2 3.14"),
        ("print(str(1.5), int(-2.7), float('3'), int('12'), list((1, 2)), tuple([1]), sorted([3, 1, 2], reverse=True))", "1.5 -2 3.0 12 [1, 2] (1.0,) [3.0, 2.0, 1.0]"),
        // sorted, min and max follow Python: key=, stable ties (also when reversed), tuples item by item.
        ("d = {'sgd': 0.5, 'adam': 0.1, 'rms': 0.3, 'nag': 0.1}\nprint(sorted(d.items(), key=lambda kv: kv[1]), sorted(d, key=lambda k: d[k], reverse=True))",
         "[('adam', 0.1), ('nag', 0.1), ('rms', 0.3), ('sgd', 0.5)] ['sgd', 'rms', 'adam', 'nag']"),
        ("d = {'sgd': 0.5, 'adam': 0.1, 'nag': 0.1}\nprint(max(d, key=lambda k: d[k]), min(d, key=lambda k: d[k]), min('bb', 'a', key=len))", "sgd adam a"),
        ("print(sorted([(2, 'b'), (1, 'z'), (1, 'a')]), (1, 2) < (1, 3), (1, 2) < (1,), ('a', 2) >= ('a', 2))", "[(1, 'a'), (1, 'z'), (2, 'b')] True False True"),
        ("xs = [(3, 'c'), (1, 'a')]\nxs.sort(key=lambda p: p[0], reverse=True)\nprint(xs)", "[(3, 'c'), (1, 'a')]"),
        ("print(list(enumerate(['a', 'b'], start=1)), list(zip([1, 2], 'xy')))", "[(1, 'a'), (2, 'b')] [(1.0, 'x'), (2.0, 'y')]"),
        ("t = clock()\nprint(clock() - t >= 0, type(t))", "True float"),
        ("print(format(3.14159, '.2f'), type(1), type('s'), type(None), type(zeros(1)), type(1.5))", "3.14 int str None tensor float"),
        ("precision(2)\nprint(tensor([1.23456]))", "tensor([1.23])"),
        ("w = param(1.0)\ndot(w * 2, 'SKIP-dot-test.dot')", "SKIP"),
        // The file builtins are exercised through the binary, against NumPy, pandas and safetensors (ExchangeFormatTests).
        ("save_csv load_npy save_npy save_npz load_npz save_weights load_weights export_torch", "SKIP"),
        ("check(1 < 2, 'order')\ncheck(False, 'never', hint='think again')\ncheck_close([1.0, 2.0], [1.0, 2.0 + 1e-12], message='close')\ncheck_close(0.5, 0.25, message='far')", "✓ order\n✗ never\n  hint: think again\n✓ close\n✗ far: expected 0.25, got 0.5"),
        // check_close names the common mistakes, and otherwise the first differing position and the largest error.
        ("check_close(None, [1.0], message='none')\ncheck_close([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]], message='t')", "✗ none: your function returns nothing (None) — is `return` missing?\n✗ t: expected shape [3, 2], got shape [2, 3]: your result is transposed"),
        ("check_close([-0.5, 0.0, 2.0], [0.5, 0.0, -2.0], message='sign')\ncheck_close([1.0, 2.0], [1.0, 2.0, 3.0], message='shape')", "✗ sign: the sign is flipped: every value is the negative of the expected one (expected 0.5, got -0.5 at [0])\n✗ shape: expected shape [3], got shape [2]"),
        ("check_close([[0.1, 0.2], [0.3, 0.3]], [[0.1, 0.19230769], [0.3, 0.4]], message='m')\ncheck_close(0.30001, 0.3, tol=1e-9, message='close')", "✗ m: at [0, 1]: expected 0.1923, got 0.2; largest error 0.1 at [1, 1]\n✗ close: expected 0.3, got 0.30001"),
        ("help('relu')", "relu(x)\nrelu(x) = max(0, x). Derivative: 1 for x > 0, else 0."),
        ("s = set(['b', 'a', 'b'])\nprint(s, reversed(['x', 'y']), any([0, 2]), all([1, 0]), map(abs, [-1, 2]), filter(None, [0, 'a']), sum([1, 2], 10))",
         "{'b', 'a'} ['y', 'x'] True False [1.0, 2.0] ['a'] 13.0"),
        // Adding an item already there keeps the set's order; items are added in the order first seen.
        ("s = set((3, 1, 3))\ns.add(1)\ns.add(2)\nprint(s, len(s), 1 in s, 4 in s, zip(['a', 'b'], (3, 4)))",
         "{3, 1, 2} 3 True False [('a', 3), ('b', 4)]"),
        ("class A:\n    pass\na = A()\nsetattr(a, 'k', 1)\nprint(isinstance(a, A), hasattr(a, 'k'), getattr(a, 'z', 0), repr('q'), bool([]), hash(3), id(a) == id(a))",
         "True True 0 'q' False 3 True"),
        ("class A:\n    def f(self):\n        return 1\nclass B(A):\n    def f(self):\n        return super().f() + 1\nprint(B().f())", "2"),
    ]

    @Test(arguments: 0..<cases.count)
    func builtinPrintsExactly(_ index: Int) {
        let (source, expected) = Self.cases[index]
        guard expected != "SKIP" else { return }
        let (text, error) = run(source)
        #expect(error == nil, "\(source)\n\(text)")
        #expect(text == expected + "\n", "\(source)")
    }

    @Test func everyBuiltinIsCoveredAndDocumented() {
        let sources = Self.cases.map(\.0).joined(separator: "\n") + GraphicsBuiltinTests.source + DeepLearningBuiltinTests.source + "savefig"
        for builtin in Library.all {
            #expect(sources.contains(builtin.name), "no test case uses \(builtin.name)")
            #expect(builtin.doc.count > 20, "\(builtin.name) needs a doc with its formula")
        }
    }

    @Test func sinAndCosRefuseWhatIsNotANumber() {
        for source in ["sin('a')", "cos()", "sin(1, 2)", "cos(None)", "'angle'.sin()"] {
            let (_, error) = run(source)
            #expect(error != nil, "\(source) ran")
            #expect(error?.kind == .type || error?.kind == .attribute, "\(source): \(String(describing: error))")
        }
    }

    @Test func dotWritesAGraphvizFileInTheCurrentFolder() throws {
        let name = "nnlearn-dot-\(UInt32.random(in: 0...UInt32.max)).dot"
        defer { try? FileManager.default.removeItem(atPath: name) }
        #expect(output("w = param(1.0)\ny = (w * 2).label('y')\ndot(y, '\(name)')") == "")
        let text = try String(contentsOfFile: name, encoding: .utf8)
        #expect(text.hasPrefix("digraph nnlearn {"))
        #expect(text.contains("y = mul"))
        let (_, error) = run("w = param(1.0)\ndot(w * 2, '../../outside.dot')")
        #expect(error?.kind == .file)
    }

    @Test func anomalyDetectionNamesTheOp() {
        let (text, error) = run("anomaly(True)\nx = exp(1000)")
        #expect(error?.kind == .floatingPoint)
        #expect(text.contains("exp: anomaly: the forward pass produced inf"))
    }

    @Test func confusionPrintsATableAndReturnsTheMatrix() {
        #expect(output("c = confusion([[0.9], [0.2], [0.7]], [1, 0, 0])\nprint(c.tolist())") == """
        ┌──────────────────┬───┬───┐
        │ true \\ predicted │ 0 │ 1 │
        ├──────────────────┼───┼───┤
        │ 0                │ 1 │ 1 │
        │ 1                │ 0 │ 1 │
        └──────────────────┴───┴───┘
        [[1.0, 1.0], [0.0, 1.0]]

        """)
    }
}
