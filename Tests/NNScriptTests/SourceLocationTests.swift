import NNScript
import Testing

@Suite struct SourceLocationTests {
    @Test func printsAsLineColon() {
        #expect(SourceLocation(line: 3, column: 9).description == "3:9")
    }
}
