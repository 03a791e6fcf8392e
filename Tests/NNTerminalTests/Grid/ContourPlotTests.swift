import NNTerminal
import Testing

@Suite struct ContourPlotTests {
    @Test func bandsWithATrajectory() {
        let plot = ContourPlot(
            values: [[4, 1, 4], [5, 2, 5], [8, 5, 8]], xRange: -1...1, yRange: -1...1,
            trajectories: [Trajectory("gd", points: [(-1, 1), (0, -1)])], cellWidth: 2)
        // Row 0 (y = -1) is at the bottom; the path runs from the top-left
        // corner to the bottom middle through a connector.
        #expect(plot.render() == """
             1 ┤1 ▒▒██
             0 ┤▒▒· ▒▒
            -1 ┤▒▒1 ▒▒
               └┬─┬─┬─
                -1  1
                [ ] 1–2.4  [░] 2.4–3.8  [▒] 3.8–5.2  [▓] 5.2–6.6  [█] 6.6–8
                1 gd
            """)
    }

    @Test func logBandsAndSeveralTrajectories() {
        let values = (0..<5).map { r in (0..<5).map { c in pow10(Double(r + c) / 2) } }
        let plot = ContourPlot(
            values: values, xRange: 0...4, yRange: 0...4,
            trajectories: [Trajectory("a", points: [(0, 0), (4, 0)]), Trajectory("b", points: [(4, 4)], marker: "*")],
            levels: 3, logScale: true, ascii: true)
        let lines = plot.render().split(separator: "\n").map(String.init)
        #expect(lines.first == "4 +++@@*")
        #expect(lines[4] == "0 +1~~~1")
        #expect(lines.last == "   1 a   * b")
        #expect(lines[lines.count - 2].hasPrefix("   [ ] 1..") && lines[lines.count - 2].contains("[@]"))
    }

    private func pow10(_ x: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(x * 2) { result *= 3.1622776601683795 }
        return result
    }
}
