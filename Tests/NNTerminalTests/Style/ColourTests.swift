import NNTerminal
import Testing

@Suite struct ColourTests {
    @Test func noColourOrAPipeDisablesEscapes() {
        // Test processes write to a pipe, never a terminal.
        #expect(ColourPolicy.detect(environment: [:]).isEnabled == false)
        #expect(ColourPolicy.detect(environment: ["NO_COLOR": "1"]).isEnabled == false)
    }

    @Test func paintsOnlyWhenEnabled() {
        #expect(ColourPolicy(isEnabled: true).paint("In", .green) == "\u{1B}[32mIn\u{1B}[0m")
        #expect(ColourPolicy(isEnabled: false).paint("In", .green) == "In")
    }
}
