import CEditLine
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The editor on a pipe instead of a terminal: libedit then reads without
/// editing, through the shim's own character reader.
@Suite struct EditorTests {
    /// An editor reading what is written into a pipe.
    final class PipedEditor {
        let editor: OpaquePointer
        private var writeEnd: Int32
        private let input: UnsafeMutablePointer<FILE>
        private let output: UnsafeMutablePointer<FILE>

        init() throws {
            var descriptors: [Int32] = [0, 0]
            #expect(pipe(&descriptors) == 0)
            writeEnd = descriptors[1]
            input = try #require(fdopen(descriptors[0], "r"))
            output = try #require(fopen("/dev/null", "w"))
            editor = try #require(nn_editor_open("nnlearn-test", input, output, output))
        }

        func send(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { write(writeEnd, $0.baseAddress, $0.count - 1) }
        }

        /// Closes the writing end: the reader sees end of input.
        func finish() {
            guard writeEnd >= 0 else { return }
            close(writeEnd)
            writeEnd = -1
        }

        func readLine() -> (String?, interrupted: Bool) {
            var interrupted: Int32 = 0
            let line = nn_editor_read_line(editor, &interrupted)
            return (line.map { String(cString: $0) }, interrupted != 0)
        }

        deinit {
            nn_editor_close(editor)
            finish()
            fclose(input)
            fclose(output)
        }
    }

    @Test func readsLinesIncludingUTF8() throws {
        let piped = try PipedEditor()
        setlocale(LC_CTYPE, "C.UTF-8")
        piped.send("x = 1\nnote = \"héllo → ∂L/∂w\"\n")
        let first = piped.readLine()
        #expect(first.0 == "x = 1\n")
        #expect(!first.interrupted)
        #expect(piped.readLine().0 == "note = \"héllo → ∂L/∂w\"\n")
    }

    @Test func endOfInputIsNil() throws {
        let piped = try PipedEditor()
        piped.send("last\n")
        piped.finish()
        #expect(piped.readLine().0 == "last\n")
        let end = piped.readLine()
        #expect(end.0 == nil)
        #expect(!end.interrupted)
    }

    @Test func anInterruptNotedBeforeReadingIsForgotten() throws {
        let piped = try PipedEditor()
        nn_editor_note_interrupt()
        piped.send("kept\n")
        let line = piped.readLine()
        #expect(line.0 == "kept\n")
        #expect(!line.interrupted)
    }
}
