import NNTerminal
import Testing

@Suite struct DisplayWidthTests {
    @Test func countsWideAndZeroWidthCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func ignoresColourEscapes() {
        #expect(DisplayWidth.of("\u{1B}[1;36mhi\u{1B}[0m") == 2)
    }
}
