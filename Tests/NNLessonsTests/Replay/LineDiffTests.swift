import Testing
@testable import NNLessons

@Suite struct LineDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(expected: "a\nb", actual: "a\nb") == "")
    }

    @Test func oneChangedLineWithContext() {
        let expected = "1\n2\n3\n4\n5\n6\n7\n8\n9"
        let actual = "1\n2\n3\n4\nfive\n6\n7\n8\n9"
        #expect(LineDiff.unified(expected: expected, actual: actual) == """
            --- expected
            +++ actual
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8

            """)
    }

    @Test func distantChangesMakeSeparateHunksAndCloseOnesMerge() {
        let expected = (1...20).map(String.init).joined(separator: "\n")
        let actual = expected.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n19\n", with: "\n\n")
        #expect(LineDiff.unified(expected: expected, actual: actual) == """
            --- expected
            +++ actual
            @@ -1,5 +1,5 @@
             1
            -2
            +two
             3
             4
             5
            @@ -16,5 +16,5 @@
             16
             17
             18
            -19
            +
             20

            """)
        let near = LineDiff.unified(expected: "a\nb\nc\nd\ne", actual: "A\nb\nc\nd\nE")
        #expect(near.components(separatedBy: "@@ ").count == 2)
        #expect(near.contains("@@ -1,5 +1,5 @@"))
    }

    @Test func insertionIntoEmptyAndDeletionToEmpty() {
        #expect(LineDiff.unified(expected: "", actual: "x\ny") == "--- expected\n+++ actual\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(LineDiff.unified(expected: "x", actual: "") == "--- expected\n+++ actual\n@@ -1 +0,0 @@\n-x\n")
    }

    @Test func addedLinesInTheMiddleKeepCommonLines() {
        #expect(LineDiff.unified(expected: "a\nc", actual: "a\nb\nc") == "--- expected\n+++ actual\n@@ -1,2 +1,3 @@\n a\n+b\n c\n")
    }

    @Test func lcsFindsTheLongestCommonLines() {
        let edits = LineDiff.script(["a", "b", "c", "d"], ["b", "x", "d"])
        #expect(edits == [.removed("a"), .same("b"), .removed("c"), .added("x"), .same("d")])
    }
}
