import NNTerminal
import Testing

@Suite struct ScatterPlotTests {
    @Test func classesGetMarkersInNumericOrder() {
        let plot = ScatterPlot(
            points: [LabeledPoint(x: 0, y: 0, label: "10"), LabeledPoint(x: 1, y: 1, label: "2")],
            width: 6, height: 3, ascii: true)
        #expect(plot.render() == """
              1 +     o
            0.5 +
              0 +x
                +++-+++
                 0 0.5
                 o 2   x 10
            """)
    }

    @Test func emptyScatter() {
        #expect(ScatterPlot(points: []).render() == "(no data)")
        #expect(ScatterPlot(points: [LabeledPoint(x: .nan, y: 1)]).render() == "(no data)")
    }
}
