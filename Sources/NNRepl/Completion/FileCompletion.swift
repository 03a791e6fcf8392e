import Foundation

/// Completes a path typed after `:load` or `:save`: folders, and files with the command's extensions.
struct FileCompletion {
    /// The folder relative paths start from.
    let base: URL
    /// File extensions offered (without the dot).
    let extensions: [String]

    func complete(_ word: String) -> Completion {
        let slash = word.lastIndex(of: "/")
        let folderPart = slash.map { String(word[...$0]) } ?? ""
        let namePart = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let expanded = (folderPart as NSString).expandingTildeInPath
        let folder = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : base.appendingPathComponent(expanded)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return .none }
        let names = entries.compactMap { entry -> String? in
            if entry.hasPrefix("."), !namePart.hasPrefix(".") { return nil }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry).path, isDirectory: &isFolder)
            if isFolder.boolValue { return entry + "/" }
            return extensions.contains((entry as NSString).pathExtension) ? entry : nil
        }
        return .of(namePart, among: names)
    }
}
