import Foundation
import Testing
@testable import NNScript

/// `class Net(Module)` as in PyTorch: parameters in attribute order, modes, and the training builtins.
@Suite struct ModuleTests {
    static let net = """
        class Net(Module):
            \"\"\"Two dense layers.\"\"\"
            def __init__(self):
                super().__init__()
                self.hidden = Dense(2, 8, activation="tanh", seed=1)
                self.out = Dense(8, 1, activation="sigmoid", seed=2)
                self.scale = 2.0
            def forward(self, x):
                return self.out(self.hidden(x))

        """

    @Test func parametersAreTheFourTensorsOfTheTwoLayers() {
        #expect(output(Self.net + "net = Net()\nps = net.parameters()\nprint(len(ps), [p.shape for p in ps], len(net.params))")
                == "4 [(2, 8), (8,), (8, 1), (1,)] 4\n")
        #expect(output(Self.net + "print([name for name, p in Net().named_parameters()])") == "['hidden.W', 'hidden.b', 'out.W', 'out.b']\n")
        #expect(output(Self.net + "print(Net())") == "Net(hidden=Dense(2 → 8, activation tanh, 24 parameters), out=Dense(8 → 1, activation sigmoid, 9 parameters); 33 parameters)\n")
        #expect(output(Self.net + "Net().summary()") == """
            attribute  type   shape  params
            hidden     Dense  2 → 8  24
            out        Dense  8 → 1  9
            total parameters: 33

            """)
    }

    @Test func aNetTrainsWithAdamAndFit() throws {
        let source = Self.net + """
            X, y = dataset("xor")
            y = y.reshape(-1, 1)
            net = Net()
            before = evaluate(net, X, y, loss="bce")[0]
            history = fit(net, X, y, loss="bce", optimizer=Adam(net.parameters(), lr=0.05), epochs=300)
            after, accuracy = evaluate(net, X, y, loss="bce")
            print(before > 0.5, after < 0.05, accuracy, len(history.loss), history.loss[-1] < history.loss[0])
            print(predict(net, X).shape, (net(X) > 0.5).tolist())
            """
        #expect(output(source) == "True True 1.0 300 True\n(4, 1) [[0.0], [1.0], [1.0], [0.0]]\n")
    }

    @Test func parametersCollectTensorsListsDictsAndModulesOnce() {
        let source = """
            class Block(Module):
                def __init__(self):
                    super().__init__()
                    self.W = param([[1.0]])
                def forward(self, x):
                    return x @ self.W
            class Tiny(Module):
                def __init__(self):
                    super().__init__()
                    self.W = param([[0.5], [-0.5]])
                    self.b = param([0.1])
                    self.frozen = tensor([1.0])
                    self.blocks = [Block(), Block()]
                    self.extra = {"w": param([1.0])}
                    self.again = self.W
                def forward(self, x):
                    h = x @ self.W + self.b
                    for block in self.blocks:
                        h = block(h)
                    return h
            t = Tiny()
            print([n for n, p in t.named_parameters()])
            loss = (t([[1.0, 2.0]]) ** 2).sum()
            loss.backward()
            print(t.W.grad.tolist(), t.b.grad.tolist())
            t.zero_grad()
            print(t.W.grad, t.training, t.eval().training, t.blocks[0].training, t.train().blocks[1].training)
            opt = SGD(t, lr=0.1)
            print(opt, SGD([t, param([1.0])]))
            """
        #expect(output(source) == """
            ['W', 'b', 'blocks.0.W', 'blocks.1.W', 'extra.w']
            [[-0.8], [-1.6]] [-0.8]
            None True False False True
            SGD(lr=0.1, 5 parameter tensors) SGD(lr=0.01, 6 parameter tensors)

            """)
    }

    @Test func builtinLayersAreModulesInsideALearnersModule() {
        let source = """
            class Net(Module):
                def __init__(self):
                    super().__init__()
                    self.body = Sequential([Dense(4, 8, activation="relu", seed=1), Dropout(0.5), Dense(8, 1, seed=2)])
                    self.norm = BatchNorm(4)
                def forward(self, x):
                    return self.body(self.norm(x))
            net = Net()
            print([n for n, p in net.named_parameters()], isinstance(net.body, Module), isinstance(Dense(1, 1), Module))
            print(net.training, net.body.training, net.eval().training, net.body.training, net.norm.training, net.train().body.training)
            seed(0)
            X = randn(16, 4)
            y = (X[:, 0] > 0).reshape(-1, 1)
            net = net.eval()
            h = fit(net, X, y, loss="bce_logits", optimizer=Adam(net.parameters(), lr=0.01), epochs=5)
            print(net.training, net.body.training, len(net.parameters()), len(Dense(2, 2).parameters()), h.loss[-1] < h.loss[0])
            """
        #expect(output(source) == """
            ['body.W1', 'body.b1', 'body.W3', 'body.b3', 'norm.gamma', 'norm.beta'] True True
            True True False False False True
            False False 6 2 True

            """)
    }

    @Test func tracesNameTheModulesTensors() {
        let source = """
            class Lin(Module):
                def __init__(self):
                    super().__init__()
                    self.W = param([[0.5], [-0.5]])
                def forward(self, x):
                    z = x @ self.W
                    return z
            loss = Lin()([[1.0, 2.0]]).sum()
            loss.backward()
            explain(loss)
            """
        let text = output(source)
        #expect(text.contains("dL/dW = "), "\(text)")
        #expect(text.contains("dL/dz = "), "\(text)")
    }

    @Test func mistakes() {
        #expect(run("class N(Module):\n    pass\nN()([1.0])").output.contains("NotImplementedError: Module N is missing the required forward method"))
        let notModule = run("class A:\n    pass\nfit(A(), [[1.0]], [1.0])").output
        #expect(notModule.contains("fit() expects a model for 'model', got A"))
        #expect(notModule.contains("hint: class A must derive from Module: class A(Module):"))
        #expect(run("class N(Module):\n    def forward(self, x):\n        return 'no'\npredict(N(), [[1.0]])").output.contains("the output of N.forward"))
        #expect(output("print(Module, isinstance(Module(), Module), Module().parameters())") == "<class 'Module'> True []\n")
    }
}

/// A scalar autograd engine written in the language trains XOR and agrees with nnlearn's own gradients.
@Suite struct ScalarEngineTests {
    @Test func theEngineMatchesTheCoreAndTrainsXOR() throws {
        let source = try scriptSource("scalar_engine.nn")
        let (text, error) = run(source)
        #expect(error == nil, "\(text)")
        let lines = text.split(separator: "\n").map { $0.split(separator: " ") }
        try #require(lines.count == 3, "\(text)")
        #expect(lines[0].prefix(5).joined(separator: " ") == "2-2-1 loss 0.6961845918364802 dW2[0] -0.28610387173985596")
        let difference = try #require(Double(lines[0].last ?? ""))
        #expect(difference <= 1e-12)
        let loss = try #require(Double(lines[1][2]))
        #expect(loss < 0.05)
        #expect(lines[1].suffix(2).joined(separator: " ") == "parameters 17")
        #expect(lines[2].joined(separator: " ") == "xor predictions [0, 1, 1, 0]")
    }
}
