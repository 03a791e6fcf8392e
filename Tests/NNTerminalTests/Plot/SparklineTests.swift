import NNTerminal
import Testing

@Suite struct SparklineTests {
    @Test func unicodeAndAsciiLevels() {
        #expect(Sparkline.render([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([1, 2, 3, 4, 5], ascii: true) == "_.-=^")
    }

    @Test func missingConstantAndEmpty() {
        #expect(Sparkline.render([1, .nan, 2]) == "▁ █")
        #expect(Sparkline.render([3, 3, 3]) == "▄▄▄")
        #expect(Sparkline.render([]) == "(no data)")
        #expect(Sparkline.render([.nan]) == " ")
    }

    @Test func widthAndRange() {
        #expect(Sparkline.render([0, 0, 1, 1], maxWidth: 2) == "▁█")
        #expect(Sparkline.render([0.5], range: 0...1) == "▅")
        #expect(Sparkline.render([1, 2], maxWidth: 0) == "▄")
    }
}
