import NNTerminal

/// The prompts as libedit draws them: IPython's green `In [n]:` when colour is on.
///
/// libedit counts every character of a prompt as a column unless it sits
/// between two `\u{1}` markers, so each colour escape is wrapped in them.
/// libedit drops an escape at the very end of a prompt, so the reset comes
/// before the prompt's final space.
enum EditorPrompt {
    static func input(_ number: Int, colour: ColourPolicy) -> String {
        guard colour.isEnabled else { return Prompt.input(number) }
        return escape("32") + "In [" + escape("1;32") + "\(number)" + escape("0;32") + "]:" + escape("0") + " "
    }

    static func continuation(_ number: Int, colour: ColourPolicy) -> String {
        guard colour.isEnabled else { return Prompt.continuation(number) }
        let text = Prompt.continuation(number)
        let indent = String(text.prefix { $0 == " " })
        return indent + escape("32") + text.dropFirst(indent.count).dropLast() + escape("0") + " "
    }

    private static func escape(_ code: String) -> String {
        "\u{1}\u{1B}[\(code)m\u{1}"
    }
}
