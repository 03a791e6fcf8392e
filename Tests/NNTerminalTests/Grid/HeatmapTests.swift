import NNTerminal
import Testing

@Suite struct HeatmapTests {
    @Test func shadesAndPointOverlays() {
        let map = Heatmap(
            values: [[0, 1, 2, 3], [4, 5, 6, 7]],
            points: [LabeledPoint(x: 0, y: 1, label: "a"), LabeledPoint(x: 3, y: 0, label: "b")])
        #expect(map.render() == """
            1 ┤o▓██
            0 ┤  ░x
              └┬┬┬┬
               0 2
               [ ] 0–1.4  [░] 1.4–2.8  [▒] 2.8–4.2  [▓] 4.2–5.6  [█] 5.6–7
               o a   x b
            """)
    }

    @Test func classRegionsInAscii() {
        let map = Heatmap(values: [[0, 0, 1], [0, 1, 1]], xRange: -1...1, yRange: 0...1, classes: true, ascii: true)
        #expect(map.render() == """
            1 +.%%
            0 +..%
              ++++
               -1
               [.] 0  [%] 1
            """)
    }

    @Test func matrixOriginMissingValuesAndWideCells() {
        let map = Heatmap(values: [[1, 2, 3], [4, .nan, 6]], origin: .top, cellWidth: 2)
        #expect(map.render() == """
            0 ┤  ░░▒▒
            1 ┤▓▓??██
              └┬─┬─┬─
               0 1 2
               [ ] 1–2  [░] 2–3  [▒] 3–4  [▓] 4–5  [█] 5–6
            """)
    }

    @Test func overlayMarkersAreColouredWhenEnabled() {
        let map = Heatmap(values: [[0, 1]], points: [LabeledPoint(x: 1, y: 0, label: "k")])
        let text = map.render(colour: ColourPolicy(isEnabled: true))
        #expect(text.contains("\u{1B}[34mo\u{1B}[0m"))
        #expect(!map.render().contains("\u{1B}"))
    }

    @Test func degenerateGrids() {
        #expect(Heatmap(values: []).render() == "(no data)")
        #expect(Heatmap(values: [[]]).render() == "(no data)")
        #expect(Heatmap(values: [[.nan]], title: "t").render() == "t\n(no data)")
        #expect(Heatmap(values: [[5]]).render() == "0 ┤▒\n  └┬\n   0\n   [▒] 5")
        #expect(Heatmap(values: [[1, 2], [3]], xRange: .infinity...(.infinity), cellWidth: 0).render().contains("?"))
    }
}
