import Testing
@testable import NNLessons

@Suite struct LessonParserTests {
    static let sample = """
        ---
        id: perceptron
        title: "The perceptron"
        order: 3
        prerequisites: [tour, tensors]
        ---

        # A heading that is not the title

        Some prose.

        ```nn
        x = 1
        x
        ```

        ```output
        1
        ```

        More prose.

        ~~~nn
        print(2)
        ~~~
        Closing words.
        """

    @Test func readsFrontMatterCellsOutputsAndLines() throws {
        let lesson = try parse(Self.sample)
        #expect(lesson.id == "perceptron")
        #expect(lesson.title == "The perceptron")
        #expect(lesson.order == 3)
        #expect(lesson.prerequisites == ["tour", "tensors"])
        #expect(lesson.metadata["title"] == "The perceptron")
        #expect(lesson.cells == [
            LessonCell(number: 1, source: "x = 1\nx", line: 12, closingLine: 15,
                       output: RecordedOutput(text: "1", line: 17, closingLine: 19)),
            LessonCell(number: 2, source: "print(2)", line: 23, closingLine: 25),
        ])
        #expect(lesson.blocks.count == 5)
        #expect(lesson.blocks[0] == .prose(Prose(text: "# A heading that is not the title\n\nSome prose.", line: 8)))
        #expect(lesson.blocks[2] == .prose(Prose(text: "More prose.", line: 21)))
        #expect(lesson.blocks[4] == .prose(Prose(text: "Closing words.", line: 26)))
        #expect(lesson.prose(before: 1) == "# A heading that is not the title\n\nSome prose.")
        #expect(lesson.prose(before: 2) == "More prose.")
        #expect(lesson.closingProse == "Closing words.")
        #expect(lesson.cells[1].expectedOutput == "")
    }

    /// ```` ```python nn ```` is a cell as ```` ```nn ```` is (forges highlight it as Python); plain Python stays prose.
    @Test func aPythonNNFenceIsACell() throws {
        let nn = try parse("# T\n\n```nn\nx = 1\nx\n```\n\n```output\n1\n```\n\n```nn interrupted\nwhile True: pass\n```\n")
        let python = try parse("# T\n\n```python nn\nx = 1\nx\n```\n\n```output\n1\n```\n\n```python  nn interrupted\nwhile True: pass\n```\n")
        #expect(python.cells == nn.cells)
        #expect(python.cells.count == 2)
        #expect(python.cells[0].expectedOutput == "1")
        #expect(python.cells[1].interrupted)
        let prose = try parse("# T\n\n```python\nimport torch\n```\n\n```python nnx\ny\n```\n")
        #expect(prose.cells.isEmpty)
    }

    @Test func defaultsComeFromTheFileNameAndFirstHeading() throws {
        let lesson = try parse("Intro\n\n# Gradients, by hand #\n\n## Not this\n", file: "lessons/07-gradients.md")
        #expect(lesson.id == "07-gradients")
        #expect(lesson.order == 7)
        #expect(lesson.title == "Gradients, by hand")
        #expect(lesson.prerequisites == [])
        let untitled = try parse("no heading\n", file: "notes.md")
        #expect(untitled.title == "notes")
        #expect(untitled.order == nil)
    }

    @Test func headingsInsideFencesAreNotTitles() throws {
        let lesson = try parse("```sh\n# a comment\n```\n\n# Real title\n", file: "x.md")
        #expect(lesson.title == "Real title")
    }

    @Test func blockListsAndPlainListsOfPrerequisites() throws {
        let block = try parse("---\nprerequisites:\n  - a\n  - 'b'\n# a comment\n---\n")
        #expect(block.prerequisites == ["a", "b"])
        let plain = try parse("---\nprerequisites: a, b\n---\n")
        #expect(plain.prerequisites == ["a", "b"])
    }

    @Test func otherFencedBlocksStayProseVerbatim() throws {
        let text = """
            ```python
            x = 1
            ```

            ```exercise
            Write a loop.
            ```
            """
        let lesson = try parse(text)
        #expect(lesson.cells.isEmpty)
        #expect(lesson.blocks == [.prose(Prose(text: text, line: 1))])
    }

    @Test func longerFencesContainShorterOnesAndTildes() throws {
        let text = """
            ````nn
            s = \"\"\"
            ```
            ~~~
            \"\"\"
            ````
            ````output
            ```
            `````
            """
        let lesson = try parse(text)
        #expect(lesson.cells.count == 1)
        #expect(lesson.cells[0].source == "s = \"\"\"\n```\n~~~\n\"\"\"")
        #expect(lesson.cells[0].output?.text == "```")
        #expect(lesson.cells[0].output?.closingLine == 9)
    }

    @Test func aFenceInsideAnotherLanguagesFenceIsNotACell() throws {
        let lesson = try parse("````markdown\n```nn\nx\n```\n````\n")
        #expect(lesson.cells.isEmpty)
    }

    @Test func indentedFencesLoseTheirIndentFromContent() throws {
        let lesson = try parse("  ```nn\n  x = 1\n    y = 2\n ```\n")
        #expect(lesson.cells.first?.source == "x = 1\n  y = 2")
        // Four spaces make an indented code block, not a fence.
        #expect(try parse("    ```nn\n    x\n    ```\n").cells.isEmpty)
    }

    @Test func infoStringWordsAfterTheLanguageAreAllowed() throws {
        let lesson = try parse("```nn title=\"demo\"\nx\n```\n``` output\n1\n```\n")
        #expect(lesson.cells.first?.output?.text == "1")
        // NN in capitals, or nnx, is another language: prose.
        #expect(try parse("```NN\nx\n```\n```nnx\ny\n```\n").cells.isEmpty)
    }

    @Test func emptyCellsAndEmptyOutputBlocks() throws {
        let lesson = try parse("```nn\n```\n```output\n```\n")
        #expect(lesson.cells == [LessonCell(number: 1, source: "", line: 1, closingLine: 2,
                                            output: RecordedOutput(text: "", line: 3, closingLine: 4))])
    }

    @Test func windowsLineEndingsParseLikeUnix() throws {
        let lesson = try parse("# T\r\n\r\n```nn\r\nx\r\n```\r\n\r\n```output\r\n1\r\n```\r\n")
        #expect(lesson.title == "T")
        #expect(lesson.cells.first?.source == "x")
        #expect(lesson.cells.first?.output?.text == "1")
    }

    @Test func outputBlankLinesInsideAreKept() throws {
        let lesson = try parse("```nn\nx\n```\n```output\na\n\nb\n\n```\n")
        #expect(lesson.cells.first?.output?.text == "a\n\nb\n")
    }
}
