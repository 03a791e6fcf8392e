import Foundation
import Testing

/// Every public declaration of NNCore and NNScript has a one-line `///` summary.
@Suite struct DocSummaryTests {
    /// The repository's root, from this file's place in Tests/NNScriptTests/Runtime.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `file:line: declaration` for each public line with neither a `///` line, an attribute
    /// leading to one, nor the end of a doc block right above it.
    static func undocumented(in folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return ["cannot read \(folder)"] }
        var missing: [String] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let text = line.drop { $0 == " " }
                let declaration = text.hasPrefix("@") ? text.drop { $0 != " " }.drop { $0 == " " } : text
                guard declaration.hasPrefix("public ") || declaration.hasPrefix("open ") else { continue }
                var above = index - 1
                while above >= 0, lines[above].drop(while: { $0 == " " }).hasPrefix("@") { above -= 1 }
                let previous = above >= 0 ? lines[above].drop { $0 == " " } : ""
                if previous.hasPrefix("///") || previous.hasSuffix("*/") { continue }
                missing.append("\(folder)/\(url.path.dropFirst(base.path.count + 1)):\(index + 1): \(text.prefix(80))")
            }
        }
        return missing.sorted()
    }

    @Test(arguments: ["Sources/NNCore", "Sources/NNScript"])
    func everyPublicDeclarationHasASummary(_ folder: String) throws {
        let missing = try Self.undocumented(in: folder)
        #expect(missing.isEmpty, "public declarations without a /// summary:\n\(missing.joined(separator: "\n"))")
    }
}
