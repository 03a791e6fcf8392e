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
