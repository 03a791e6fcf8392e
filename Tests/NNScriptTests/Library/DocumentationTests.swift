import Foundation
import Testing
@testable import NNScript

@Suite struct DocumentationTests {
    @Test func theLanguageReferenceNamesEveryBuiltin() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/language.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for builtin in Library.all {
            #expect(text.contains("`\(builtin.name)") || text.contains(" \(builtin.name)("), "docs/language.md does not mention \(builtin.name)")
        }
    }
}
