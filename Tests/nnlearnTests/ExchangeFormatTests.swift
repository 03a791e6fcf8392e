import Foundation
import Testing

/// What nnlearn writes, NumPy and pandas read exactly; what they write, nnlearn reads exactly.
@Suite(.enabled(if: TestPython.executable != nil || TestPython.isRequired, "needs a Python with NumPy (make test provides one)"))
struct ExchangeFormatTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-exchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func numpyAndPandasReadWhatNnlearnWrites() throws {
        let folder = try Self.folder()
        let written = try Binary.run(["run", "-"], input: """
            a = tensor([[1.0, 0.1, -2.5e-7], [3.0, float("nan"), 1e300], [-0.0, float("inf"), 5e-324]])
            save_npy("a.npy", a)
            save_npy("s.npy", tensor(2.5))
            save_npy("e.npy", zeros(0, 3))
            save_npy("v.npy", arange(5))
            save_npz("w.npz", W=a, v=arange(5), s=tensor(2.5))
            save_csv("t.csv", tensor([[1.0, 0.1], [1e-5, -3.0]]), columns=["x", "y, \\"quoted\\""])
            save_csv("u.csv", tensor([0.5, 0.25]))

            """, directory: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let checked = try TestPython.run("""
            import numpy as np, pandas as pd, io
            a = np.array([[1.0, 0.1, -2.5e-7], [3.0, np.nan, 1e300], [-0.0, np.inf, 5e-324]])
            def same(x, y):
                assert x.dtype == np.float64 and x.shape == y.shape, (x.dtype, x.shape, y.shape)
                assert x.tobytes() == y.astype(np.float64).tobytes(), (x, y)
            for name, expected in [("a", a), ("s", np.array(2.5)), ("e", np.zeros((0, 3))), ("v", np.arange(5.0))]:
                got = np.load(name + ".npy")
                same(got, expected)
                mine = io.BytesIO(); np.save(mine, expected)
                assert open(name + ".npy", "rb").read() == mine.getvalue(), name + ".npy differs from numpy.save's bytes"
            w = np.load("w.npz")
            assert list(w.keys()) == ["W", "v", "s"], list(w.keys())
            same(w["W"], a); same(w["v"], np.arange(5.0)); same(w["s"], np.array(2.5))
            t = np.loadtxt("t.csv", delimiter=",", skiprows=1)
            same(t, np.array([[1.0, 0.1], [1e-5, -3.0]]))
            frame = pd.read_csv("t.csv")
            assert list(frame.columns) == ["x", 'y, "quoted"'], list(frame.columns)
            same(frame.to_numpy(), np.array([[1.0, 0.1], [1e-5, -3.0]]))
            u = pd.read_csv("u.csv")
            assert list(u.columns) == ["0"], list(u.columns)
            same(u.to_numpy().ravel(), np.array([0.5, 0.25]))
            print("ok")
            """, in: folder)
        #expect(checked.output == "ok\n")
        #expect(checked.status == 0)
    }

    @Test func nnlearnReadsWhatNumpyAndPandasWrite() throws {
        let folder = try Self.folder()
        let python = try TestPython.run("""
            import numpy as np, pandas as pd
            np.seterr(all="ignore")  # 1e300 overflows float32 on purpose
            m = np.array([[1.0, 0.1, -2.5e-7], [3.0, 1e300, 5e-324]])
            arrays = {
                "f8": m, "f4": m.astype(np.float32), "i4": np.array([[-3, 0], [7, 2**31 - 1]], dtype=np.int32),
                "u1": np.array([0, 255], dtype=np.uint8), "b1": np.array([True, False, True]),
                "fortran": np.asfortranarray(m), "big": m.astype(">f8"), "empty": np.zeros((0,)), "scalar": np.array(-1.5),
            }
            for name, array in arrays.items():
                np.save(name + ".npy", array)
                print(name, array.astype(np.float64).tolist(), tuple(array.shape))
            np.savez_compressed("c.npz", first=m, second=np.arange(3))
            print("c", m.tolist(), np.arange(3.0).tolist())
            pd.DataFrame({"name": ["Smith, J", 'Say "hi"', "two\\nlines"], "score": [1.5, 2.5, 3.0]}).to_csv("q.csv", index=False)
            np.savetxt("h.csv", m, delimiter=",", header="a,b,c")
            print("h", m.tolist(), ["a", "b", "c"])
            """, in: folder)
        #expect(python.status == 0, "\(python.output)")
        var expected = python.output.split(separator: "\n").map(String.init)
        expected.insert("q [[0.0, 1.5], [1.0, 2.5], [2.0, 3.0]] ['name', 'score']", at: expected.count - 1)
        let read = try Binary.run(["run", "-"], input: """
            for name in ["f8", "f4", "i4", "u1", "b1", "fortran", "big", "empty", "scalar"]:
                x = load_npy(name + ".npy")
                print(name, x.tolist(), x.shape)
            c = load_npz("c.npz")
            print("c", c["first"].tolist(), c["second"].tolist())
            q, names = load_csv("q.csv")
            print("q", q.tolist(), names)
            h, names = load_csv("h.csv")
            print("h", h.tolist(), names)

            """, directory: folder)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.split(separator: "\n").map(String.init) == expected)
    }

    @Test func brokenAndHostileFilesGiveAClearError() throws {
        let folder = try Self.folder()
        try Data("not numpy".utf8).write(to: folder.appendingPathComponent("bad.npy"))
        let header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }\n".utf8)
        let truncated = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header)
        try truncated.write(to: folder.appendingPathComponent("huge.npy"))
        try Data("PK\u{3}\u{4}garbage".utf8).write(to: folder.appendingPathComponent("bad.npz"))
        try Data("a,b\n\"open,1\n".utf8).write(to: folder.appendingPathComponent("open.csv"))
        for (program, message) in [
            ("load_npy(\"bad.npy\")", "does not start with NumPy's magic string"),
            ("load_npy(\"huge.npy\")", "but its shape [1000000000000] needs 1000000000000"),
            ("load_npz(\"bad.npz\")", "is not a zip archive"),
            ("load_csv(\"open.csv\")", "open.csv:2: a quoted field is never closed"),
            ("save_npy(\"../x.npy\", tensor(1.0))", "not allowed"),
            ("save_npy(\"x.txt\", tensor(1.0))", ".npy"),
            ("save_csv(\"x.csv\", zeros(2, 2, 2))", "more than two axes"),
        ] {
            let outcome = try Binary.run(["run", "-"], input: program + "\nprint('survived')\n", directory: folder)
            #expect(outcome.status == 1, "\(program)")
            #expect(outcome.stderr.contains(message), "\(program): \(outcome.stderr)")
        }
        // A file nnlearn did not write in this session is never replaced.
        try Data("keep".utf8).write(to: folder.appendingPathComponent("mine.npy"))
        let overwrite = try Binary.run(["run", "-"], input: "save_npy(\"mine.npy\", tensor(1.0))\n", directory: folder)
        #expect(overwrite.status == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent("mine.npy"), encoding: .utf8) == "keep")
    }

    @Test func safetensorsWeightsCarryPyTorchNamesAndLayoutsBothWays() throws {
        let folder = try Self.folder()
        let saved = try Binary.run(["run", "-"], input: """
            model = MLP([3, 4, 2], activation="relu", seed=3)
            save_weights(model, "m.safetensors")
            print(model.layers[0].W.tolist())
            print(model.layers[1].b.tolist())

            """, directory: folder)
        #expect(saved.status == 0, "\(saved.stderr)")
        let lines = saved.stdout.split(separator: "\n").map(String.init)
        let checked = try TestPython.run("""
            import numpy as np
            from safetensors.numpy import load_file, save_file
            d = load_file("m.safetensors")
            assert sorted(d) == ["0.bias", "0.weight", "2.bias", "2.weight"], sorted(d)
            assert d["0.weight"].shape == (4, 3) and d["0.weight"].dtype == np.float64
            assert d["0.weight"].T.tolist() == \(lines.first ?? "None"), d["0.weight"]
            assert d["2.bias"].tolist() == \(lines.dropFirst().first ?? "None")
            # Weights made elsewhere, in float32 as PyTorch usually keeps them, load into nnlearn.
            save_file({k: (v * 2).astype(np.float32) for k, v in d.items()}, "doubled.safetensors")
            save_file({"0.weight": d["0.weight"]}, "partial.safetensors")
            save_file({k: (v.T if v.ndim == 2 else v) for k, v in d.items()}, "transposed.safetensors")
            print((d["0.weight"] * 2).astype(np.float32).astype(np.float64).T.tolist())
            """, in: folder)
        #expect(checked.status == 0, "\(checked.output)")
        let loaded = try Binary.run(["run", "-"], input: """
            model = MLP([3, 4, 2], activation="relu", seed=9)
            load_weights(model, "doubled.safetensors")
            print(model.layers[0].W.tolist())

            """, directory: folder)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout == checked.output)
        for (file, message) in [("partial.safetensors", "missing 0.bias, 2.weight, 2.bias"),
                                ("transposed.safetensors", "0.weight has shape [3, 4], but this model's is [4, 3]")] {
            let refused = try Binary.run(["run", "-"], input: """
                model = MLP([3, 4, 2], activation="relu", seed=9)
                load_weights(model, "\(file)")

                """, directory: folder)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
    }

    /// A Python with PyTorch and safetensors: NNLEARN_TORCH_PYTHON, else the test Python if it has torch.
    static let torchPython: String? = {
        if let given = ProcessInfo.processInfo.environment["NNLEARN_TORCH_PYTHON"], !given.isEmpty { return given }
        return (try? TestPython.run("import torch, safetensors"))?.status == 0 ? TestPython.executable : nil
    }()

    @Test(.enabled(if: torchPython != nil, "PyTorch is optional: set NNLEARN_TORCH_PYTHON to a Python that has torch and safetensors"))
    func theExportedScriptsReproduceNnlearnsOutputsInPyTorch() throws {
        let folder = try Self.folder()
        let exported = try Binary.run(["run", "-"], input: """
            X, y = dataset("moons")
            mlp = MLP([2, 8, 8, 1], activation="tanh", output="sigmoid", seed=4)
            opt = Adam(mlp.params, lr=0.01)
            for step in range(50):
                opt.zero_grad()
                loss = bce(mlp(X[:64]), y[:64].reshape(-1, 1))
                loss.backward()
                opt.step()
            export_torch(mlp, "mlp.py")
            print(mlp(X[:5]).tolist())
            seed(1)
            images = randn(4, 1, 8, 8)
            cnn = Sequential([Conv2d(1, 4, 3, padding=1), BatchNorm(4), ReLU(), MaxPool2d(2), Flatten(), Dense(64, 10), Softmax()])
            warmed = cnn(images)
            cnn.eval()
            export_torch(cnn, "cnn.py")
            print(cnn(images).tolist())
            sequences = randn(3, 6, 2)
            lstm = Sequential([LSTM(2, 5), Dense(5, 2)])
            export_torch(lstm, "lstm.py")
            print(lstm(sequences).tolist())
            save_npz("inputs.npz", moons=X[:5], images=images, sequences=sequences)

            """, directory: folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Self.torchPython ?? "python3", "-c", """
            import runpy, numpy as np, torch
            inputs = np.load("inputs.npz")
            for script, name in [("mlp.py", "moons"), ("cnn.py", "images"), ("lstm.py", "sequences")]:
                model = runpy.run_path(script)["model"]
                print(model(torch.from_numpy(inputs[name])).tolist())
            """]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let torchLines = output.split(separator: "\n").map { Self.numbers(String($0)) }
        let nnlearnLines = exported.stdout.split(separator: "\n").map { Self.numbers(String($0)) }
        #expect(torchLines.map(\.count) == [5, 40, 6])
        #expect(nnlearnLines.map(\.count) == [5, 40, 6])
        for (torchValues, nnlearnValues) in zip(torchLines, nnlearnLines) {
            for (a, b) in zip(torchValues, nnlearnValues) { #expect(Swift.abs(a - b) <= 1e-12 * Swift.max(1, Swift.abs(b))) }
        }
    }

    /// The numbers in a printed nested list.
    static func numbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { "[], \n".contains($0) }).compactMap { Double($0) }
    }
}
