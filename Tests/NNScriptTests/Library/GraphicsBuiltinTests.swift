import Testing
@testable import NNScript

/// The graphics builtins draw deterministic text figures (pinned after checking them by eye).
@Suite struct GraphicsBuiltinTests {
    static let source = "plot([1, 4, 9, 16], title=\"squares\", width=20, height=5)\nscatter([[0, 0], [1, 1], [0, 1]], [0, 1, 1], width=12, height=4)\nheatmap([[0, 1], [2, 3]], title=\"h\")\nm = Dense(2, 1, activation=\"sigmoid\", seed=0)\nboundary(m, [[0, 0], [1, 1]], [0, 1], resolution=6)\ncontour(lambda x, y: x * x + y * y, xrange=(-1, 1), yrange=(-1, 1), resolution=6, levels=3, log=False, paths=[(\"gd\", [[1, 1], [0, 0]])])\nimage([0, 16, 8, 4], height=2, width=2)\ntable([[1, \"a\"]], headers=[\"n\", \"s\"])\n"

    @Test func everyFigureDrawsExactly() {
        let expected = "          squares\n20 ┤\n15 ┤                ⣀⠤⠒⠉\n10 ┤           ⢀⡠⠤⠒⠉\n 5 ┤     ⢀⣀⡠⠔⠒⠉⠁\n 0 ┤⠤⠔⠒⠊⠉⠁\n   └┬─────┬──────┬─────┬\n    0     1      2     3\n  1 ┤x          x\n    │\n0.5 ┤\n  0 ┤o\n    └┬──┬──┬─┬──┬\n     0 0.25 0.75\n     o 0   x 1\n   h\n0 ┤ ░\n1 ┤▓█\n  └┬┬\n   0\n   [ ] 0–0.6  [░] 0.6–1.2  [▒] 1.2–1.8  [▓] 1.8–2.4  [█] 2.4–3\n  1 ┤░░▓▓▓▓▓▓x\n0.5 ┤░░▓▓▓▓▓▓▓\n  0 ┤o▓▓▓▓▓▓▓▓\n    └──┬─┬─┬──\n      0.25\n     [░] 0  [▓] 1\n     o 0   x 1\n 1 ┤██▒▒▒▒▒·1\n 0 ┤▒   1·· ▒\n-1 ┤██▒▒▒▒▒██\n   └┬─┬─┬─┬─┬\n    -1  0   1\n    [ ] 0–0.667  [▒] 0.667–1.33  [█] 1.33–2\n    1 gd\n  ██\n▒▒░░\n┌───┬───┐\n│ n │ s │\n├───┼───┤\n│ 1 │ a │\n└───┴───┘\n"
        #expect(output(Self.source) == expected)
    }

    @Test func savefigWritesTheLastFigureAsSVG() throws {
        let name = "nnlearn-figure-\(UInt32.random(in: 0...UInt32.max)).svg"
        defer { try? FileManager.default.removeItem(atPath: name) }
        #expect(run("savefig('\(name)')").output.contains("there is no figure to save yet"))
        #expect(output("plot([1, 2, 3], width=20, height=5)\nsavefig('\(name)')").hasSuffix("0         1        2\n"))
        let svg = try String(contentsOfFile: name, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("<polyline"))
        #expect(run("plot([1, 2])\nsavefig('figure.png')").output.contains("savefig writes SVG"))
    }
}

import Foundation
