import Foundation
import NNScript
import Testing

/// Malformed CSV, missing and unreadable files, and paths outside the allowed folders.
@Suite("Bad files")
struct FileCaseTests {
    /// A CSV file's contents and the words of the error reading it gives.
    struct CSVCase: Sendable, CustomTestStringConvertible {
        let contents: [UInt8]
        let expected: String
        var testDescription: String { expected }
    }

    static let malformed: [CSVCase] = [
        CSVCase(contents: Array("a,b\n1,2\n3\n".utf8), expected: "data.csv:3: expected 2 values (as in the header), found 1"),
        CSVCase(contents: Array("a,b\n1,2,3\n".utf8), expected: "expected 2 values"),
        CSVCase(contents: [], expected: "data.csv is empty; a CSV file needs a header row"),
        CSVCase(contents: Array("a,b\n".utf8), expected: "data.csv has a header but no rows"),
        CSVCase(contents: [0x00, 0xFF, 0xFE, 0x2C, 0x0A], expected: "'data.csv' is not a UTF-8 text file"),
        CSVCase(contents: Array("a,b\r\n1,2\r\n\r\n3\r\n".utf8), expected: "data.csv:4: expected 2 values (as in the header), found 1"),
        CSVCase(contents: Array("a,b\n1,2\n,x\n".utf8), expected: "data.csv:3: column 'a' is empty"),
    ]

    /// A session whose program lives in a fresh temporary folder holding `data.csv`.
    static func session(csv: [UInt8]?) throws -> (Interpreter, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let csv { try Data(csv).write(to: folder.appendingPathComponent("data.csv")) }
        try Data("print(load_csv('data.csv'))\n".utf8).write(to: folder.appendingPathComponent("program.nn"))
        let interpreter = Survival.session(files: FileAccess(base: folder))
        return (interpreter, folder)
    }

    @Test("malformed CSV is a FileError naming the file", arguments: malformed)
    func malformedCSV(_ input: CSVCase) throws {
        let (interpreter, folder) = try Self.session(csv: input.contents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = Survival.run("load_csv('data.csv')", in: interpreter)
        #expect(outcome.result.error?.kind == .file)
        #expect(outcome.result.error?.message.contains(input.expected) == true, "\(outcome.result.output)")
        #expect(outcome.result.output.hasPrefix("bad.nn:1:1:"))
        #expect(outcome.after == "42\n")
    }

    @Test("text where numbers are expected becomes class indices, nan and inf stay values")
    func textColumns() throws {
        let (interpreter, folder) = try Self.session(csv: Array("a,b,c\n1,x,nan\n2,3,inf\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = interpreter.runCell("d, names = load_csv('data.csv')\nprint(d.tolist(), names)", file: "ok.nn")
        #expect(result.error == nil)
        #expect(result.output == "[[1.0, 0.0, nan], [2.0, 1.0, inf]] ['a', 'b', 'c']\n")
    }

    @Test("Windows and old Mac line ends, blank lines, spaces and tabs around values are accepted")
    func lineEndsAndSpaces() throws {
        let (interpreter, folder) = try Self.session(csv: Array(" a ,\tb\r\n 1 ,2.5e1\r\n\r\n-3,\t0x10 \r4,  .5\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = interpreter.runCell("d, names = load_csv('data.csv')\nprint(d.tolist(), names)", file: "ok.nn")
        #expect(result.error == nil)
        #expect(result.output == "[[1.0, 25.0], [-3.0, 16.0], [4.0, 0.5]] ['a', 'b']\n")
    }

    @Test("a UTF-8 byte order mark is not part of the first column's name")
    func byteOrderMark() throws {
        let (interpreter, folder) = try Self.session(csv: [0xEF, 0xBB, 0xBF] + Array("label,x\n1,2\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = interpreter.runCell("d, names = load_csv('data.csv')\nprint(names, names[0] == 'label', d.tolist())", file: "ok.nn")
        #expect(result.error == nil)
        #expect(result.output == "['label', 'x'] True [[1.0, 2.0]]\n")
    }

    @Test("missing files, folders and escaping paths are refused with a message", arguments: [
        ("load_csv('missing.csv')", "cannot read 'missing.csv': no such file"),
        ("load_csv('.')", "permission denied or unreadable"),
        ("load_csv('../../etc/passwd')", "reading '../../etc/passwd' is not allowed"),
        ("load_csv('/etc/passwd')", "reading '/etc/passwd' is not allowed"),
        ("load_csv('link.csv')", "reading 'link.csv' is not allowed"),
        ("plot([1.0, 2.0])\nsavefig('../../escape.svg')", "writing '../../escape.svg' is not allowed"),
    ])
    func refused(_ source: String, _ expected: String) throws {
        let (interpreter, folder) = try Self.session(csv: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "/etc/passwd")
        let outcome = Survival.run(source, in: interpreter)
        #expect(outcome.result.error?.kind == .file || outcome.result.error?.kind == .value)
        #expect(outcome.result.error?.description.contains(expected) == true, "\(outcome.result.output)")
        #expect(outcome.after == "42\n")
    }

    @Test("a file with no read permission is an error, not a crash")
    func unreadable() throws {
        let (interpreter, folder) = try Self.session(csv: Array("a\n1\n".utf8))
        defer {
            chmod(folder.appendingPathComponent("data.csv").path, 0o644)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(chmod(folder.appendingPathComponent("data.csv").path, 0o000) == 0)
        let outcome = Survival.run("print(load_csv('data.csv'))", in: interpreter)
        if geteuid() == 0 {
            // root reads anything: the file loads.
            #expect(outcome.result.output == "(tensor([[1.]]), ['a'])\n")
        } else {
            #expect(outcome.result.error?.description.contains("cannot read 'data.csv'") == true, "\(outcome.result.output)")
        }
        #expect(outcome.after == "42\n")
    }
}
