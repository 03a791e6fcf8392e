@testable import NNRepl
import NNTerminal
import Testing

@Suite struct PromptTests {
    @Test func continuationLinesUpUnderTheInputPrompt() {
        #expect(Prompt.input(3) == "In [3]: ")
        #expect(Prompt.continuation(3) == "   ...: ")
        #expect(Prompt.continuation(12) == "    ...: ")
        #expect(Prompt.output(3) == "Out[3]: ")
    }
}

@Suite struct EditorPromptTests {
    /// The prompt as the terminal shows it: marked escapes removed.
    static func visible(_ prompt: String) -> String {
        var text = ""
        var hidden = false
        for character in prompt {
            if character == "\u{1}" { hidden.toggle() } else if !hidden { text.append(character) }
        }
        return text
    }

    @Test func colouredPromptsTakeTheColumnsOfPlainOnes() {
        let colour = ColourPolicy(isEnabled: true)
        #expect(Self.visible(EditorPrompt.input(7, colour: colour)) == Prompt.input(7))
        #expect(Self.visible(EditorPrompt.continuation(12, colour: colour)) == Prompt.continuation(12))
        #expect(EditorPrompt.input(7, colour: colour).hasSuffix("\u{1}\u{1B}[0m\u{1} "))
        #expect(EditorPrompt.input(7, colour: .plain) == "In [7]: ")
    }
}
