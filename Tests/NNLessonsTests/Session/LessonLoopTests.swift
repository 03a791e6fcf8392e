import Foundation
import Testing
@testable import NNLessons

@Suite struct LessonLoopTests {
    /// Runs the loop on scripted input lines; returns everything it wrote.
    func transcript(_ input: [String], prompts: Bool = false) throws -> String {
        let session = LessonSession(lesson: try parse(LessonSessionTests.text, file: "lessons/05-steps.md"),
                                    folder: URL(fileURLWithPath: "/tmp"))
        final class Script { var lines: [String]; var out = ""; init(_ l: [String]) { lines = l } }
        let script = Script(input)
        let loop = LessonLoop(session: session, showsPrompts: prompts, readLine: {
            script.lines.isEmpty ? nil : script.lines.removeFirst()
        }, write: { script.out += $0 })
        loop.run()
        return script.out
    }

    @Test func enterRunsCellsAndOwnCodeRunsBetweenThem() throws {
        let out = try transcript(["", "for i in range(2):", "    print(a + i)", "", "", ":cells", ":where", ":bogus", ":goto x", ":quit", "print(0)"])
        #expect(out == """
            # Steps

            Intro.

            In [1]: a = 1
               ...: print(a)
            1

            1
            2
            Middle.

            In [2]: b = a + 1
               ...: print(b)
             ✓ 1  a = 1 …
            ▸  2  b = a + 1 …
               3  print(a + b)
            Steps (05-steps): cell 2 of 3, lessons/05-steps.md:16; 1 of 3 cells run.
            Unknown command :bogus; :help lists the commands.
            Usage: :goto n, where n is a cell number (1–3).

            """)
    }

    @Test func endOfInputEndsTheLessonAndPromptsOnlyOnATerminal() throws {
        let piped = try transcript(["", "", "", "", "", ""])
        #expect(!piped.contains("›"))
        #expect(piped.hasSuffix("3\n\nThe end.\n\nEnd of the lesson.\n"))
        let terminal = try transcript([""], prompts: true)
        #expect(terminal.hasPrefix("Enter runs each cell; :help lists the commands.\n# Steps"))
        #expect(terminal.hasSuffix("In [1]: a = 1\n   ...: print(a)\nlesson [1/3] › 1\n\nlesson [1/3] › "))
    }
}
