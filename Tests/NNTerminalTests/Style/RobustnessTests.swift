import NNTerminal
import Testing

/// Degenerate and extreme inputs must render something, never trap.
@Suite struct RobustnessTests {
    static let awkward: [[Double]] = [
        [], [.nan], [.infinity, -.infinity], [0], [-0.0, 0], [1e308, -1e308], [.leastNonzeroMagnitude, 1],
        [1, 1 + 1e-15], [.greatestFiniteMagnitude], [1e300, .nan, -1e-300],
    ]

    @Test(arguments: awkward) func plotsAndLines(values: [Double]) {
        for ascii in [false, true] {
            #expect(!LinePlot(values, width: 7, height: 3, ascii: ascii).render().isEmpty)
            #expect(!LinePlot(series: [PlotSeries(y: values)], logY: true, ascii: ascii).render().isEmpty)
            #expect(!LinePlot(series: [PlotSeries(y: values, x: values)], yRange: 0...1).render().isEmpty)
            #expect(!Sparkline.render(values, ascii: ascii, maxWidth: 3).isEmpty)
            #expect(!Heatmap(values: [values, values], valueRange: 0...1, logScale: true, ascii: ascii).render().isEmpty)
            #expect(!ScatterPlot(points: values.map { LabeledPoint(x: $0, y: $0) }, ascii: ascii).render().isEmpty)
        }
        let points = values.map { LabeledPoint(x: $0, y: -$0, label: "c") }
        #expect(!Heatmap(values: [values], xRange: -1...1, yRange: 0...0, points: points, classes: true).render().isEmpty)
        #expect(!ContourPlot(values: [values], xRange: 0...1, yRange: 0...1,
                             trajectories: [Trajectory("t", points: values.map { ($0, $0) })]).render().isEmpty)
        #expect(!ImageRender.render(GrayImage(pixels: values, height: 2, width: 2), range: 0...1).isEmpty)
        #expect(LinePlot(values).svg().hasSuffix("</svg>\n"))
        #expect(Heatmap(values: [values]).svg().hasSuffix("</svg>\n"))
        #expect(!TensorFormatter().format(shape: [values.count], values: values).isEmpty)
        #expect(!TensorFormatter.list(shape: [values.count], values: values).isEmpty)
    }

    @Test func extremeOptions() {
        var formatter = TensorFormatter(precision: 1000, threshold: -1, edgeItems: .max, lineWidth: .min)
        #expect(formatter.format(shape: [3], values: [1, 2, 3]).hasPrefix("tensor(["))
        formatter = TensorFormatter(precision: -3, threshold: .max, edgeItems: -2, lineWidth: .max)
        #expect(formatter.format(shape: [2, 2], values: [1, 2, 3, 4], requiresGrad: true).hasSuffix("requires_grad=True)"))
        #expect(TensorFormatter().format(shape: [.max, 2], values: []).hasPrefix("tensor(<"))
        #expect(TensorFormatter.list(shape: [1_000_000_000, 0], values: []) == "<empty tensor of shape (1000000000, 0)>")
        #expect(!MarkdownRenderer(width: .max).render("---\n\na").isEmpty)
        #expect(!MarkdownRenderer(width: .min).render("- a\n  - b\n    - c\n      - d").isEmpty)
        #expect(!LinePlot([1, 2], width: .max, height: .min).render().isEmpty)
        #expect(!Heatmap(values: [[1]], cellWidth: .max).render().isEmpty)
        #expect(!ImageRender.grid([GrayImage(pixels: [1], height: -1, width: .max)], gap: -4, maxWidth: .min).isEmpty)
        #expect(Table(headers: [], rows: [[]]).render() == "(no data)")
        #expect(DisplayWidth.of("\u{1B}[") == 0)
    }

    @Test func markdownOddities() {
        let sources = [
            "#", "####### seven", "|", "| a |\n|---|", "> ", ">", "```", "$$", "$", "$$x", "`", "**", "[", "![", "<http://x",
            "1.", "- - -", "*", "_a_b_", "\t- tab\n\t\t- nested", "a\\", "[a](b", "\r\n# crlf\r\n",
        ]
        for source in sources {
            _ = MarkdownRenderer().render(source)
            _ = MarkdownRenderer(colour: ColourPolicy(isEnabled: true), ascii: true).render(source)
        }
        #expect(MarkdownRenderer().render("_a_b_") == "a_b")
    }
}
