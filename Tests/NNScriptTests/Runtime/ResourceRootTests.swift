import Foundation
import Testing
@testable import NNScript

/// The resource root is searched in the documented order, and only where it may be.
@Suite struct ResourceRootTests {
    /// A temporary folder holding `lessons/` when `withLessons`.
    func root(withLessons: Bool) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlearn-root-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent(withLessons ? "lessons" : "empty"),
                                                withIntermediateDirectories: true)
        return url
    }

    @Test func nnlearnHomeIsTheOnlyPlaceWhenSetEvenWithoutLessons() throws {
        let home = try root(withLessons: true), checkout = try root(withLessons: true)
        let found = ResourceRoot.locate(environment: ["NNLEARN_HOME": home.path],
                                        executable: checkout.appendingPathComponent(".build/debug/nnlearn"), checkout: checkout)
        #expect(found.url?.path == home.path)
        let empty = try root(withLessons: false)
        let missing = ResourceRoot.locate(environment: ["NNLEARN_HOME": empty.path],
                                          executable: checkout.appendingPathComponent(".build/debug/nnlearn"), checkout: checkout)
        #expect(missing.url == nil)
        #expect(missing.searched.map(\.reason) == ["$NNLEARN_HOME"])
        #expect(missing.lessonsDirectory(fallback: checkout).path == empty.appendingPathComponent("lessons").path)
        #expect(missing.missingMessage.contains(empty.path) && missing.missingMessage.contains("NNLEARN_HOME"))
    }

    @Test func anInstalledExecutableReadsShareBesideItsBinFolder() throws {
        let prefix = try root(withLessons: false)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/nnlearn/lessons"), withIntermediateDirectories: true)
        let checkout = try root(withLessons: true)
        let found = ResourceRoot.locate(environment: [:], executable: prefix.appendingPathComponent("bin/nnlearn"), checkout: checkout)
        #expect(found.url?.path == prefix.appendingPathComponent("share/nnlearn").path)
    }

    @Test func theCheckoutServesOnlyABinaryBuiltAndRunInsideIt() throws {
        let checkout = try root(withLessons: true), elsewhere = try root(withLessons: false)
        let development = ResourceRoot.locate(environment: [:], executable: checkout.appendingPathComponent(".build/release/nnlearn"),
                                              checkout: checkout)
        #expect(development.url?.path == checkout.path)
        #expect(development.searched.map(\.reason) == ["beside the executable", "the source checkout"])
        let copied = ResourceRoot.locate(environment: [:], executable: elsewhere.appendingPathComponent("bin/nnlearn"), checkout: checkout)
        #expect(copied.url == nil)
        #expect(copied.searched.map(\.reason) == ["beside the executable"])
    }
}
