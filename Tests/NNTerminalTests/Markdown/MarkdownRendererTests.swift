import NNTerminal
import Testing

@Suite struct MarkdownRendererTests {
    let plain = MarkdownRenderer(width: 40)

    @Test func headingsAreUnderlinedWhenPlain() {
        #expect(plain.render("# Gradient descent") == "Gradient descent\n================")
        #expect(plain.render("## Steps ##") == "Steps\n-----")
        #expect(plain.render("### Details") == "Details")
        #expect(plain.render("Title\n===\n\nSub\n---") == "Title\n=====\n\nSub\n---")
    }

    @Test func paragraphsAreRewrapped() {
        let text = "The loss   measures how far\nthe predictions are from the targets, averaged over the batch."
        #expect(plain.render(text) == """
            The loss measures how far the
            predictions are from the targets,
            averaged over the batch.
            """)
    }

    @Test func inlineMarkupInPlainMode() {
        #expect(plain.render("*a* _b_ **c** __d__ ***e***") == "a b c d e")
        #expect(plain.render("call `backward()` now") == "call `backward()` now")
        #expect(MarkdownRenderer().render("see [docs](https://x.org/a) or <https://y.org>") == "see docs (https://x.org/a) or https://y.org")
        #expect(plain.render("keep requires_grad and 2 * 3 * 4") == "keep requires_grad and 2 * 3 * 4")
        #expect(plain.render("math $a_i * b_i$ and $$\\sum_i x_i$$ stay") == "math $a_i * b_i$ and $$\\sum_i x_i$$ stay")
        #expect(plain.render("costs $5 and $6") == "costs $5 and $6")
        #expect(plain.render("\\*not emphasis\\*") == "*not emphasis*")
        #expect(plain.render("![a digit](d.png)") == "[image: a digit] (d.png)")
    }

    @Test func indentedFormulasKeepTheirLines() {
        let source = "Two lines:\n\n    z = w·x + b        (pre-activation)\n    ŷ = step(z)\n\nThen text\n    that continues."
        #expect(plain.render(source) == "Two lines:\n\n    z = w·x + b        (pre-activation)\n    ŷ = step(z)\n\nThen text that continues.")
        // Inside a list, indented lines stay the item's text.
        #expect(plain.render("- item\n\n      more of the item") == "• item\n\n  more of the item")
    }

    @Test func hardLineBreaks() {
        #expect(plain.render("one  \ntwo\\\nthree") == "one\ntwo\nthree")
    }

    @Test func nestedLists() {
        let source = """
            - first item that is long enough to wrap onto a second line
            - second
              - nested
                * deeper
            - third

            1. one
            2. two
               continued

            Then:

            9. nine
            10. ten
                continued
            """
        #expect(plain.render(source) == """
            • first item that is long enough to wrap
              onto a second line
            • second
              ◦ nested
                ▪ deeper
            • third

            1. one
            2. two continued

            Then:

             9. nine
            10. ten continued
            """)
    }

    @Test func looseListsKeepBlankLines() {
        #expect(plain.render("- a\n\n- b") == "• a\n\n• b")
        #expect(plain.render("3) x\n4) y") == "3. x\n4. y")
    }

    @Test func blockQuotes() {
        #expect(plain.render("> A quote that is long enough to wrap around here.\nlazy line\n>\n> second") == """
            │ A quote that is long enough to wrap
            │ around here. lazy line
            │
            │ second
            """)
        #expect(MarkdownRenderer(ascii: true).render("> q") == "| q")
    }

    @Test func fencedCodeIsIndentedAndVerbatim() {
        let source = """
            ```python
            x = tensor([1.0, 2.0])  # *not* emphasis
                indented
            ```

            ~~~
            tilde
            ~~~
            """
        #expect(plain.render(source) == """
                x = tensor([1.0, 2.0])  # *not* emphasis
                    indented

                tilde
            """)
    }

    @Test func pipeTablesUseTable() {
        let source = """
            | name | value | note |
            |------|------:|:----:|
            | lr | 0.1 | step |
            | momentum | 0.9 | *beta* |
            | pipe | `a\\|b` | x |
            """
        #expect(plain.render(source) == """
            ┌──────────┬───────┬──────┐
            │ name     │ value │ note │
            ├──────────┼───────┼──────┤
            │ lr       │   0.1 │ step │
            │ momentum │   0.9 │ beta │
            │ pipe     │ `a|b` │  x   │
            └──────────┴───────┴──────┘
            """)
    }

    @Test func rulesAndMathBlocks() {
        #expect(plain.render("a\n\n---\n\nb") == "a\n\n" + String(repeating: "─", count: 40) + "\n\nb")
        #expect(MarkdownRenderer(width: 20, ascii: true).render("***") == String(repeating: "-", count: 20))
        #expect(plain.render("$$\nL = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2\n$$") == "$$\nL = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2\n$$")
    }

    @Test func colouredOutputUsesCombinedStyles() {
        let renderer = MarkdownRenderer(width: 40, colour: ColourPolicy(isEnabled: true))
        let e = "\u{1B}["
        #expect(renderer.render("# Title\n\nSome **bold `code`** and *it* [l](u).\n\n> q\n\n- a") == """
            \(e)1;4;36mTitle\(e)0m

            Some \(e)1mbold\(e)0m \(e)1;33mcode\(e)0m and \(e)3mit\(e)0m \(e)4ml\(e)0m \(e)2m(u)\(e)0m.

            \(e)2m│\(e)0m q

            • a
            """)
    }

    @Test func plainModeNeverEmitsEscapes() {
        let source = "# H\n\n**b** `c` [l](u)\n\n> q\n\n---\n\n```\ncode\n```\n\n| a |\n|---|\n| 1 |\n\ninjected \u{1B}[31mred"
        #expect(!plain.render(source).contains("\u{1B}"))
    }

    @Test func degenerateInputs() {
        #expect(plain.render("") == "")
        #expect(plain.render("\n\n   \n") == "")
        #expect(MarkdownRenderer(width: 0).render("a b c") == "a b c")
        #expect(plain.render("```\nunclosed") == "    unclosed")
        #expect(plain.render("- ") == "•")
        #expect(plain.render("**unclosed *and* `tick") == "*unclosed *and `tick")
        #expect(plain.render("[no link] (x) [a](") == "[no link] (x) [a](")
    }
}
