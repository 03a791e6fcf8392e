import Foundation
import Testing

/// The write rules where permissions matter, run as the unprivileged user `nobody`
/// (root bypasses permission checks). Skipped, with a note, when the tests do not run as
/// root or `setpriv` is missing.
@Suite struct WritePermissionTests {
    static let setpriv = "/usr/bin/setpriv"
    static var canDropPrivileges: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv) }

    /// Runs `nnlearn run program.nn` as nobody in `folder`.
    static func runAsNobody(_ program: String, in folder: URL) throws -> (status: Int32, stderr: String) {
        try Data(program.utf8).write(to: folder.appendingPathComponent("program.nn"))
        let outcome = try Binary.capture(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.url.path, "run", "program.nn"],
                                         directory: folder, environment: ["HOME": folder.path])
        #expect(outcome.reason == .exit)
        return (outcome.status, outcome.stderr)
    }

    @Test func asNobodyProtectedFilesLinksAndFoldersHold() throws {
        guard Self.canDropPrivileges else {
            print("note: WritePermissionTests skipped: needs root and \(Self.setpriv) to run as nobody")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-nobody-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rootonly"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(chown(folder.path, 65534, 65534) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sys").path, withDestinationPath: "/etc")

        let linked = try Self.runAsNobody("plot([1.0, 2.0])\nsavefig('sys/nnlearn-x.svg')\n", in: folder)
        #expect(linked.status == 1)
        #expect(linked.stderr.contains("symbolic links resolved"), "\(linked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/etc/nnlearn-x.svg"))

        let fresh = try Self.runAsNobody("plot([1.0, 2.0])\nsavefig('f.svg')\n", in: folder)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let mask = umask(0o022)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("f.svg").path)[.posixPermissions] as? Int
        #expect(mode == 0o666 & ~Int(mask))
        let owner = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("f.svg").path)[.ownerAccountID] as? Int
        #expect(owner == 65534)

        #expect(chmod(folder.appendingPathComponent("f.svg").path, 0o444) == 0)
        let before = FileManager.default.contents(atPath: folder.appendingPathComponent("f.svg").path)
        let locked = try Self.runAsNobody("plot([5.0, 2.0])\nsavefig('f.svg')\n", in: folder)
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("write-protected"), "\(locked.stderr)")
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("f.svg").path) == before)

        let denied = try Self.runAsNobody("plot([1.0, 2.0])\nsavefig('rootonly/x.svg')\n", in: folder)
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("cannot write in"), "\(denied.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rootonly/x.svg").path))
    }
}
