import Testing
@testable import NNScript

/// `plot` reads its arguments as matplotlib does, and stays readable in ASCII and at 80 columns.
@Suite struct PlotRuleTests {
    func drawn(_ source: String, graphics: Host.Graphics = .unicode) -> String {
        let result = Interpreter(host: Host(graphics: graphics)).runCell(source, file: "cell")
        return result.renderedError ?? result.output
    }

    @Test func plotOfTwoVectorsDrawsYAgainstX() {
        // y against x: ticks follow x's range (-4 to 4), and there is one series, so no legend.
        let pair = drawn("z = linspace(-4, 4, 9)\nplot(z, sigmoid(z), width=20, height=4)\n")
        let same = drawn("z = linspace(-4, 4, 9)\nplot(sigmoid(z), x=z, width=20, height=4)\n")
        #expect(pair == same)
        #expect(pair.split(separator: "\n").last?.contains("-4") == true)
        // Two labels, or x=, keep two series against their indices.
        let two = drawn("plot([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], labels=[\"up\", \"down\"], width=20, height=4)\n")
        #expect(two.contains("up") && two.contains("down"))
        // They cross at (1, 2): the cell both draw shows # and the legend says so.
        #expect(two.hasSuffix("* up   + down   # several\n"))
        #expect(two.split(separator: "\n").contains { $0.hasPrefix("2 +") && $0.contains("#") })
    }

    @Test func aLongLegendWrapsWithinEightyColumns() {
        let names = (1...8).map { "\"a rather long series name \($0)\"" }.joined(separator: ", ")
        let series = (1...8).map { "[\($0).0, \($0 + 1).0]" }.joined(separator: ", ")
        let text = drawn("plot(\(series), labels=[\(names)])\n")
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.filter { $0.contains("a rather long series name") }.count >= 3)
        #expect(text.contains("series name 8"))
    }

    @Test func theLocaleDecidesUnicodeOrASCII() {
        #expect(Host.Graphics.detect(environment: ["LANG": "en_GB.UTF-8"]) == .unicode)
        #expect(Host.Graphics.detect(environment: ["LANG": "C.utf8"]) == .unicode)
        #expect(Host.Graphics.detect(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "C"]) == .ascii)
        #expect(Host.Graphics.detect(environment: ["LC_CTYPE": "de_DE.UTF-8", "LANG": "C"]) == .unicode)
        #expect(Host.Graphics.detect(environment: ["LC_ALL": "", "LANG": "POSIX"]) == .ascii)
        #expect(Host.Graphics.detect(environment: [:]) == .ascii)
    }

    @Test func traceFitsEightyColumns() {
        let source = """
        W1 = param(randn(2, 3), label="W1")
        X = tensor([[1.0, 2.0], [0.5, -1.0]])
        a1 = sigmoid(X @ W1).label("a1")
        loss = a1.sum().label("loss")
        loss.backward()
        trace(loss)
        """
        let text = drawn(source)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(text.hasPrefix("X (input)  [2, 2]\n  value [[1.0000, 2.0000], [0.5000, -1.0000]]\n  grad  —\n"))
    }
}
