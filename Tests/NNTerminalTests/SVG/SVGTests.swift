import NNTerminal
import Foundation
import Testing

@Suite struct SVGTests {
    @Test func linePlotHasAxesPolylinesAndLegend() {
        let plot = LinePlot(
            series: [PlotSeries("train", y: [3, 2, 1]), PlotSeries("test", y: [3, .nan, 2])], title: "loss & <acc>")
        let svg = plot.svg(width: 400, height: 300)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400.00\" height=\"300.00\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("<polyline points=\"64.00,40.00 220.00,138.00 376.00,236.00\" fill=\"none\" stroke=\"#1f77b4\""))
        // The NaN splits the second series into two single points.
        #expect(svg.contains("<circle cx=\"64.00\" cy=\"40.00\" r=\"2.00\" fill=\"#ff7f0e\"/>"))
        #expect(svg.contains(">loss &amp; &lt;acc&gt;</text>"))
        #expect(svg.contains(">train</text>") && svg.contains(">test</text>"))
        #expect(svg.contains("text-anchor=\"end\" font-size=\"12.00\">3</text>"))
        #expect(svg == plot.svg(width: 400, height: 300))
    }

    @Test func heatmapContourAndScatter() {
        let map = Heatmap(values: [[0, 1], [1, 0]], points: [LabeledPoint(x: 0, y: 0, label: "a")])
        let svg = map.svg()
        // Background, four cells and the frame; class "a" is drawn as a circle.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 6)
        #expect(svg.contains("fill=\"#440154\"") && svg.contains("fill=\"#fde725\""))
        #expect(svg.contains("<circle"))
        let contour = ContourPlot(
            values: [[1, 2], [3, 4]], xRange: 0...1, yRange: 0...1,
            trajectories: [Trajectory("sgd", points: [(0, 0), (1, 1)])])
        #expect(contour.svg().contains("<polyline"))
        #expect(contour.svg().contains(">sgd</text>"))
        let scatter = ScatterPlot(points: [LabeledPoint(x: 0, y: 0, label: "0"), LabeledPoint(x: 1, y: 1, label: "1")])
        #expect(scatter.svg().contains("<circle") && scatter.svg().contains("<rect x=\""))
    }

    @Test func emptyPlotsStillGiveADocument() {
        #expect(LinePlot([]).svg().contains("(no data)"))
        #expect(Heatmap(values: []).svg().contains("(no data)"))
        #expect(ScatterPlot(points: []).svg(width: .nan, height: -1).contains("width=\"640.00\""))
    }

    @Test func numbersHaveTwoDecimals() {
        #expect(SVGDocument.number(1) == "1.00")
        #expect(SVGDocument.number(-0.001) == "0.00")
        #expect(SVGDocument.number(.nan) == "0.00")
        var doc = SVGDocument(width: 100, height: 100)
        doc.line(x1: 0, y1: 0.125, x2: 1, y2: 1)
        #expect(doc.elements.last == "<line x1=\"0.00\" y1=\"0.12\" x2=\"1.00\" y2=\"1.00\" stroke=\"#000000\" stroke-width=\"1.00\"/>")
    }
}
