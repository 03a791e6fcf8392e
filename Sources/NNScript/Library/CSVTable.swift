import Foundation
import NNCore
import Synchronization

/// A CSV file with a header row, read into a tensor.
struct CSVTable: Sendable {
    let columns: [String]
    let data: [Double]
    let rows: Int

    var tensor: Tensor { (try? Tensor(data, shape: [rows, columns.count])) ?? Tensor(0.0) }

    /// Parsed files, so a lesson that loads digits in several cells parses it once.
    private static let cache = Mutex<[String: CSVTable]>([:])

    static func load(_ url: URL, at location: SourceLocation) throws -> CSVTable {
        if let cached = cache.withLock({ $0[url.path] }) { return cached }
        let name = url.lastPathComponent
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch {
            throw ScriptError(.file, "cannot read '\(name)': \(FileManager.default.fileExists(atPath: url.path) ? "permission denied or unreadable" : "no such file")", at: location)
        }
        guard bytes.count <= 200_000_000 else { throw ScriptError(.file, "'\(name)' is larger than 200 MB", at: location) }
        guard let text = String(data: bytes, encoding: .utf8), !text.contains("\0") else {
            throw ScriptError(.file, "'\(name)' is not a UTF-8 text file", at: location)
        }
        let table = try parse(text, name: name, at: location)
        cache.withLock { $0[url.path] = table }
        return table
    }

    static func parse(_ text: String, name: String, at location: SourceLocation) throws -> CSVTable {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let header = lines.first, !header.isEmpty else {
            throw ScriptError(.file, "\(name) is empty; a CSV file needs a header row", at: location)
        }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var cells: [[Substring]] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns.count else {
                throw ScriptError(.file, "\(name):\(index + 1): expected \(columns.count) values (as in the header), found \(fields.count)", at: location)
            }
            cells.append(fields)
        }
        guard !cells.isEmpty else { throw ScriptError(.file, "\(name) has a header but no rows", at: location) }
        var data = [Double](repeating: 0, count: cells.count * columns.count)
        for j in columns.indices {
            var classes: [String: Int] = [:]
            let numeric = cells.allSatisfy { Double($0[j].trimmingCharacters(in: .whitespaces)) != nil }
            for (i, row) in cells.enumerated() {
                let field = row[j].trimmingCharacters(in: .whitespaces)
                if numeric {
                    data[i * columns.count + j] = Double(field) ?? 0
                } else {
                    guard !field.isEmpty else {
                        throw ScriptError(.file, "\(name):\(i + 2): column '\(columns[j])' is empty", at: location)
                    }
                    if classes[field] == nil { classes[field] = classes.count }
                    data[i * columns.count + j] = Double(classes[field] ?? 0)
                }
            }
        }
        return CSVTable(columns: columns, data: data, rows: cells.count)
    }
}
