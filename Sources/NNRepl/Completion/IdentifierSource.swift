import Foundation
import NNScript

/// Names that Tab may complete after a command, such as lesson or exercise ids.
///
/// Sources are asked each time Tab is pressed, so a list that changes on disk
/// is always current.
public protocol IdentifierSource: Sendable {
    /// The identifiers, in the order they should be listed.
    func identifiers() -> [String]
}

/// A fixed list of identifiers (and the empty source, until exercises exist).
public struct FixedIdentifiers: IdentifierSource {
    public var values: [String]
    public init(_ values: [String]) { self.values = values }
    public func identifiers() -> [String] { values }
}

/// The lessons shipped with nnlearn: the stems of `lessons/*.md` in the checkout
/// (or under `NNLEARN_HOME` for a relocated binary, as the bundled data are found).
public struct LessonFiles: IdentifierSource {
    /// The folder holding the lesson files.
    public var folder: URL

    public init(folder: URL = BundledData.directory.deletingLastPathComponent()) {
        self.folder = folder
    }

    public func identifiers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }
}
