import Foundation
import Testing
@testable import NNLessons

@Suite struct OutputUpdaterTests {
    /// Replays `text` and returns the updated text and the number of blocks changed.
    func updated(_ text: String) throws -> (text: String, changed: Int) {
        let lesson = try parse(text)
        let result = LessonReplay.run(lesson, folder: URL(fileURLWithPath: "/tmp"))
        return OutputUpdater.update(text, outcomes: result.outcomes)
    }

    @Test func insertsAMissingBlockAfterTheCellAndNothingElse() throws {
        let text = "# T\n\nProse  with  odd   spacing.\t\n\n```nn\nprint(1)\n```\nAfter.\n"
        let (new, changed) = try updated(text)
        #expect(changed == 1)
        #expect(new == "# T\n\nProse  with  odd   spacing.\t\n\n```nn\nprint(1)\n```\n\n```output\n1\n```\nAfter.\n")
        #expect(try updated(new).changed == 0)
    }

    @Test func replacesOnlyTheChangedBlockContent() throws {
        let text = """
            Intro  \n
            ```nn
            print(1)
            ```

            ```output
            1
            ```

            ~~~nn
            print("new")
            ~~~

            ~~~~ output
            old
            line two
            ~~~~
            Trailing prose with no final newline
            """
        let (new, changed) = try updated(text)
        #expect(changed == 1)
        #expect(new == text.replacingOccurrences(of: "old\nline two\n", with: "new\n"))
    }

    @Test func aCellThatPrintsNothingGetsNoBlockAndEmptiesAnOldOne() throws {
        #expect(try updated("```nn\nx = 1\n```\n") == ("```nn\nx = 1\n```\n", 0))
        #expect(try updated("```nn\nx = 1\n```\n```output\nstale\n```\n") == ("```nn\nx = 1\n```\n```output\n```\n", 1))
    }

    @Test func insertsAfterAClosingFenceAtTheEndOfTheFile() throws {
        #expect(try updated("```nn\nprint(2)\n```") == ("```nn\nprint(2)\n```\n\n```output\n2\n```\n", 1))
    }

    @Test func keepsWindowsLineEndings() throws {
        let (new, _) = try updated("# T\r\n\r\n```nn\r\nprint(1)\r\nprint(2)\r\n```\r\n")
        #expect(new == "# T\r\n\r\n```nn\r\nprint(1)\r\nprint(2)\r\n```\r\n\r\n```output\r\n1\r\n2\r\n```\r\n")
    }

    @Test func lengthensTheFenceWhenTheOutputCouldCloseIt() throws {
        let (new, changed) = try updated("```nn\nprint(\"```\")\n```\n```output\nx\n```\n")
        #expect(changed == 1)
        #expect(new == "```nn\nprint(\"```\")\n```\n````output\n```\n````\n")
        #expect(try parse(new).cells[0].output?.text == "```")
    }

    @Test func indentedCellsGetIndentedBlocks() throws {
        let text = "- step one:\n\n  ```nn\n  print(1)\n  print(\"\")\n  print(3)\n  ```\n"
        let (new, _) = try updated(text)
        #expect(new == text + "\n  ```output\n  1\n\n  3\n  ```\n")
        #expect(try parse(new).cells[0].output?.text == "1\n\n3")
    }
}
