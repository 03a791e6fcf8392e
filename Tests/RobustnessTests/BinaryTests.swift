import Foundation
import Testing

/// A sample of the catalogue through the real `nnlearn run`: exit status 1, never a signal.
@Suite("Bad input through the binary")
struct BinaryTests {
    /// The `nnlearn` executable built beside this test bundle.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("nnlearn"), bundle.deletingLastPathComponent().appendingPathComponent("nnlearn"),
                          root.appendingPathComponent(".build/debug/nnlearn")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Every sixth catalogue entry that finishes quickly outside the step budget (about 20 + the crash finds).
    static let sample: [BadInput] = {
        let all = CatalogueTests.all.filter { $0.kind != .limit && $0.source.utf8.count < 10_000 }
        return all.enumerated().filter { $0.offset % 12 == 0 }.map(\.element) + [
            BadInput("x = []; x.append(x); tensor(x)", .value, "a list that holds itself"),
            BadInput("arange(0, 1e300, 1)", .shape, "values are too many"),
            BadInput("image(ones(64) * float('nan'))\nundefined", .name, "undefined"),
            BadInput("print(accuracy(tensor([[0.9]]), tensor([[1e300]])))\nundefined", .name, "undefined"),
            BadInput("\u{0}\u{1}garbage\u{FFFD}", .syntax, "invalid control character"),
            BadInput("d = {}\nxs = [d.values()]\nd[\"x\"] = xs\nprint(xs)\nundefined", .name, "undefined"),
            // The allocation aborts and overflow traps of issue 22, at the default 2 GB budget.
            BadInput("\"a\".ljust(10**12)", .memory, "a string of 1000000000000 characters"),
            BadInput("(\"a\" * 10**6) * 10**6", .memory, "memory budget of 2 GB"),
            BadInput("print(len(str(zeros(10000, 10000).tolist())))", .memory, "a list of 100010000 items"),
            BadInput("image(zeros(64), height=3037000500, width=3037000500)", .shape, "do not make images"),
            BadInput("print(-(-9223372036854775807 - 1), round(2.5, 400))\nundefined", .name, "9.223372036854776e+18 2.5"),
        ]
    }()

    @Test("nnlearn run exits with status 1 and a diagnostic", arguments: sample)
    func run(_ input: BadInput) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.nn")
        try Data(input.source.utf8).write(to: file)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["run", file.path]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stdout + stderr, as: UTF8.self)
        #expect(process.terminationReason == .exit, "\(text.prefix(300))")
        #expect(process.terminationStatus == 1, "\(text.prefix(300))")
        #expect(text.contains("\(input.kind.rawValue):"), "\(text.prefix(300))")
        // The catalogue writes "message — hint"; the terminal shows the hint on a line of its own.
        for part in input.expected.components(separatedBy: " — ") {
            #expect(text.contains(part), "\(text.prefix(300))")
        }
    }

    @Test("the sample has about twenty cases")
    func sampleSize() {
        #expect(Self.sample.count >= 20)
    }
}
