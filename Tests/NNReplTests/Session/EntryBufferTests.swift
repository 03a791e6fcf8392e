import NNRepl
import Testing

@Suite struct EntryBufferTests {
    @Test func aSimpleLineIsAWholeCell() {
        var buffer = EntryBuffer()
        #expect(buffer.add("x = 1") == .code("x = 1"))
        #expect(buffer.isEmpty)
    }

    @Test func aDefContinuesUntilABlankLine() {
        var buffer = EntryBuffer()
        #expect(buffer.add("def f(a):") == .needsMore)
        #expect(!buffer.isEmpty)
        #expect(buffer.add("    b = a + 1") == .needsMore)
        #expect(buffer.add("    return b") == .needsMore)
        #expect(buffer.add("") == .code("def f(a):\n    b = a + 1\n    return b"))
        #expect(buffer.isEmpty)
    }

    @Test func aNestedHeaderWaitsForItsBodyAndALineOfSpacesEndsTheBlock() {
        var buffer = EntryBuffer()
        #expect(buffer.add("for i in range(4):") == .needsMore)
        #expect(buffer.add("    if i % 2 == 0:") == .needsMore)
        #expect(buffer.add("        print(i)") == .needsMore)
        // What is left of a pre-filled indentation when the learner presses Enter at once.
        #expect(buffer.add("        ") == .code("for i in range(4):\n    if i % 2 == 0:\n        print(i)"))
        #expect(buffer.isEmpty)
    }

    @Test func openBracketsContinueAcrossBlankLines() {
        var buffer = EntryBuffer()
        #expect(buffer.add("xs = [1,") == .needsMore)
        #expect(buffer.add("") == .needsMore)
        #expect(buffer.add("      2]") == .code("xs = [1,\n\n      2]"))
    }

    @Test func commandsAndBlankLinesAtTheStart() {
        var buffer = EntryBuffer()
        #expect(buffer.add("   ") == .empty)
        #expect(buffer.add("  :vars") == .command(":vars"))
        #expect(buffer.isEmpty)
    }

    @Test func aSyntaxErrorIsHandedOnAtOnce() {
        var buffer = EntryBuffer()
        #expect(buffer.add("x = = 1") == .code("x = = 1"))
    }

    @Test func twoBlankLinesEndAnUnfinishedHeader() {
        var buffer = EntryBuffer()
        #expect(buffer.add("def f():") == .needsMore)
        let first = buffer.add("")
        if first == .needsMore {
            #expect(buffer.add("") == .code("def f():"))
        } else {
            #expect(first == .code("def f():"))
        }
        #expect(buffer.isEmpty)
    }

    @Test func clearingDropsTheUnfinishedEntry() {
        var buffer = EntryBuffer()
        #expect(buffer.add("for i in range(3):") == .needsMore)
        buffer.clear()
        #expect(buffer.isEmpty)
        #expect(buffer.add("y = 2") == .code("y = 2"))
    }
}

@Suite struct BlockEntryTests {
    @Test func aBlockEditedAsOneIsOneCellWhateverItsLines() {
        var buffer = EntryBuffer()
        // Each line alone would be a whole cell; as a block they are one.
        #expect(buffer.addBlock("x = 1\ny = 2") == .code("x = 1\ny = 2"))
        #expect(buffer.addBlock("for i in range(2):\n    print(i)\n    ") == .code("for i in range(2):\n    print(i)"))
        #expect(buffer.addBlock("x = 1") == .code("x = 1"))
        #expect(buffer.addBlock("  \n ") == .empty)
        #expect(buffer.isEmpty)
        // After lines typed at continuation prompts, the block ends the same entry.
        #expect(buffer.add("def f(a):") == .needsMore)
        #expect(buffer.addBlock("    b = a\n    return b") == .code("def f(a):\n    b = a\n    return b"))
    }

    @Test func enterRunsAWholeBlockAndBreaksTheLineOfAnUnfinishedOne() {
        // One line: always taken, the entry buffer decides what follows.
        #expect(EnterKey.action(before: "def f(x):", after: "") == .accept)
        #expect(EnterKey.action(before: "x = (1,", after: "") == .accept)
        // A block on its last line: run when whole, even when an indented block waits for its blank line.
        #expect(EnterKey.action(before: "x = 1\ny = 2", after: "") == .accept)
        #expect(EnterKey.action(before: "for i in range(2):\n    print(i)", after: "") == .accept)
        #expect(EnterKey.action(before: "for i in range(2):\n    pr", after: "int(i)") == .accept)
        // …and a new line when it is not: a header without its body, an open bracket.
        #expect(EnterKey.action(before: "x = 1\nfor i in range(2):", after: "") == .breakLine(indent: 4))
        #expect(EnterKey.action(before: "x = 1\ny = f(1,", after: "") == .breakLine(indent: 0))
        #expect(EnterKey.action(before: "if x:\n    y = [1,", after: "") == .breakLine(indent: 4))
        // Above the last line, Enter breaks the line at the cursor, indented after a header.
        #expect(EnterKey.action(before: "for i in range(2):", after: "\n    print(i)") == .breakLine(indent: 4))
        #expect(EnterKey.action(before: "for i in range(2):\n    x = 1", after: "\n    print(i)") == .breakLine(indent: 4))
        // Esc Enter always breaks the line.
        #expect(EnterKey.action(before: "x = 1", after: "", forceBreak: true) == .breakLine(indent: 0))
        #expect(EnterKey.action(before: "for i in range(2):\n    print(i)", after: "", forceBreak: true) == .breakLine(indent: 4))
    }
}
