import NNTerminal
import Testing

@Suite struct LinePlotTests {
    /// y = x²/19 for x = 0…19: the dots were checked by hand (e.g. the last
    /// cell holds x = 38, 39 at dot rows 2 and 1 → ⠔).
    @Test func brailleRowsOfASmallPlot() {
        let ys = (0..<20).map { Double($0) * Double($0) / 19 }
        #expect(LinePlot(ys, width: 20, height: 5).render() == """
            20 ┤                  ⢀⠔
            15 ┤                ⡠⠒⠁
            10 ┤             ⣀⠔⠉
             5 ┤        ⢀⣀⠤⠒⠉
             0 ┤⣀⣀⣀⡠⠤⠔⠒⠊⠁
               └┬────┬────┬────┬────
                0    5    10   15
            """)
    }

    @Test func asciiModeWithTwoSeriesAndALegend() {
        let plot = LinePlot(
            series: [PlotSeries("a", y: [0, 1, 2, 3]), PlotSeries("b", y: [3, 2, 1, 0])],
            title: "two", width: 8, height: 4, ascii: true)
        #expect(plot.render() == """
                 two
            3 ++     **
            2 + +++**
            1 + ***++
            0 +*     ++
              ++-+--+-+
               0 1  2 3
               * a   + b
            """)
    }

    /// a and b run together for x = 0…2 and part after it: the cells both draw show `#`
    /// (never a marker of either), listed in the legend, and the cells only one draws keep its marker.
    @Test func cellsTwoSeriesShareShowAHashListedInTheLegend() {
        let plot = LinePlot(
            series: [PlotSeries("a", y: [0, 1, 2, 3]), PlotSeries("b", y: [0, 1, 2, 0])],
            width: 7, height: 4, ascii: true)
        #expect(plot.render() == """
            3 +     **
            2 +   ##
            1 + ##  +
            0 +#     +
              ++-+-+-+
               0 1 2 3
               * a   + b   # several
            """)
        // Without a shared cell the legend has no such item.
        let apart = LinePlot(series: [PlotSeries("a", y: [0, 0]), PlotSeries("b", y: [3, 3])], width: 4, height: 4, ascii: true)
        #expect(!apart.render().contains("#"))
        #expect(!(0..<8).map(LinePlot.marker(forSeries:)).contains("#"))
    }

    @Test func eachSeriesGetsItsColourWhenEnabled() {
        let plot = LinePlot(series: [PlotSeries("a", y: [0, 1]), PlotSeries("b", y: [1, 0])], width: 4, height: 2)
        let blue = "\u{1B}[34m", yellow = "\u{1B}[33m", reset = "\u{1B}[0m"
        #expect(plot.render(colour: ColourPolicy(isEnabled: true)) == """
            1 ┤\(yellow)⠑⢄\(reset)\(blue)⡠⠊\(reset)
            0 ┤\(blue)⡠⠊\(reset)\(yellow)⠑⢄\(reset)
              └┬──┬
               0  1
               \(blue)⣿\(reset) a   \(yellow)⣿\(reset) b
            """)
        #expect(!plot.render().contains("\u{1B}"))
    }

    @Test func nanValuesAreSkipped() {
        #expect(LinePlot([1, .nan, 3, .nan, 5], width: 10, height: 3, ascii: true).render() == """
              5 +         *
            2.5 +     *
              0 +*
                ++-+--+-+-+
                 0 1  2 3 4
            """)
    }

    @Test func logScaleLabelsDecades() {
        let plot = LinePlot(series: [PlotSeries(y: [1, 10, 100, 1000])], width: 8, height: 4, logY: true, ascii: true)
        #expect(plot.render() == """
            1000 +      **
             100 +    **
              10 + ***
               1 +*
                 ++-+--+-+
                  0 1  2 3
            """)
    }

    @Test func constantSeriesAndSinglePoint() {
        #expect(LinePlot([2, 2, 2], width: 6, height: 3, ascii: true).render() == """
            2.2 +
              2 +******
            1.8 +
                ++--+-+
                 0  1 2
            """)
        #expect(LinePlot([7], width: 5, height: 3, ascii: true).render() == """
            8 +
            7 +  *
            6 +
              ++-+-+
               -1  1
            """)
    }

    @Test func degenerateInputsNeverCrash() {
        #expect(LinePlot([], title: "loss").render() == "loss\n(no data)")
        #expect(LinePlot([.nan, .infinity]).render() == "(no data)")
        #expect(LinePlot(series: []).render() == "(no data)")
        #expect(!LinePlot([1, 2], width: 0, height: 0).render().isEmpty)
        #expect(!LinePlot([1, 2], width: -5, height: 100_000).render().isEmpty)
        #expect(LinePlot(series: [PlotSeries(y: [0, -1])], logY: true).render() == "(no data)")
        let mismatched = PlotSeries(y: [1, 2, 3], x: [0])
        #expect(LinePlot(series: [mismatched], width: 3, height: 2, ascii: true).render().contains("*"))
    }

    @Test func titleAxisNamesAndExplicitX() {
        let plot = LinePlot(
            series: [PlotSeries("acc", y: [0.5, 1], x: [10, 20])], title: "T", xLabel: "epoch", yLabel: "accuracy",
            width: 10, height: 2, ascii: true)
        #expect(plot.render() == """
                     T
            accuracy
              1 +     *****
            0.5 +*****
                ++-+--+-+-+
                 10   15  20
                   epoch
                 * acc
            """)
    }
}
