import NNRepl
import Testing

@Suite struct PromptTests {
    @Test func continuationLinesUpUnderTheInputPrompt() {
        #expect(Prompt.input(3) == "In [3]: ")
        #expect(Prompt.continuation(3) == "   ...: ")
        #expect(Prompt.continuation(12) == "    ...: ")
        #expect(Prompt.output(3) == "Out[3]: ")
    }
}
