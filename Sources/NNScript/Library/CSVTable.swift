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
        let contents = [UInt8](bytes)
        guard !contents.contains(0), String(validating: contents, as: UTF8.self) != nil else {
            throw ScriptError(.file, "'\(name)' is not a UTF-8 text file", at: location)
        }
        let table = try parse(contents, name: name, at: location)
        cache.withLock { $0[url.path] = table }
        return table
    }

    /// Parses CSV text, given as UTF-8 bytes without NUL bytes.
    ///
    /// Scanned byte by byte, numbers read in place by `strtod`: splitting into
    /// Characters and Substrings made loading digits.csv take half a second.
    static func parse(_ bytes: [UInt8], name: String, at location: SourceLocation) throws -> CSVTable {
        var text = bytes
        text.append(0)  // strtod reads up to a byte that cannot continue a number; the NUL ends the last one
        return try text.withUnsafeBufferPointer { buffer in
            try parse(buffer, count: bytes.count, name: name, at: location)
        }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>, count: Int, name: String,
                              at location: SourceLocation) throws -> CSVTable {
        let lines = Self.lines(text, count: count)
        guard let header = lines.first, !header.range.isEmpty else {
            throw ScriptError(.file, "\(name) is empty; a CSV file needs a header row", at: location)
        }
        let columns = fields(text, in: header.range).map { String(decoding: text[$0], as: UTF8.self) }
        var fields: [Range<Int>] = []
        var rows = 0
        for line in lines.dropFirst() where !line.range.isEmpty {
            let found = Self.fields(text, in: line.range)
            guard found.count == columns.count else {
                throw ScriptError(.file, "\(name):\(line.number): expected \(columns.count) values (as in the header), found \(found.count)", at: location)
            }
            fields.append(contentsOf: found)
            rows += 1
        }
        guard rows > 0 else { throw ScriptError(.file, "\(name) has a header but no rows", at: location) }
        var data = [Double](repeating: .nan, count: fields.count)
        var textColumns = Set<Int>()
        for (index, field) in fields.enumerated() {
            if let value = number(text, in: field) { data[index] = value } else { textColumns.insert(index % columns.count) }
        }
        // A column with any text is a column of class names, numbered in order of appearance.
        for j in textColumns.sorted() {
            var classes: [String: Int] = [:]
            for i in 0..<rows {
                let field = fields[i * columns.count + j]
                guard !field.isEmpty else {
                    throw ScriptError(.file, "\(name):\(i + 2): column '\(columns[j])' is empty", at: location)
                }
                let label = String(decoding: text[field], as: UTF8.self)
                if classes[label] == nil { classes[label] = classes.count }
                data[i * columns.count + j] = Double(classes[label] ?? 0)
            }
        }
        return CSVTable(columns: columns, data: data, rows: rows)
    }

    /// The lines (ended by \n, \r\n or \r), trimmed, with their 1-based numbers.
    private static func lines(_ text: UnsafeBufferPointer<UInt8>, count: Int) -> [(number: Int, range: Range<Int>)] {
        var lines: [(number: Int, range: Range<Int>)] = []
        var start = 0, index = 0
        while index < count {
            let byte = text[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index += 1
                continue
            }
            lines.append((lines.count + 1, trimmed(text, start..<index)))
            index += 1
            if byte == UInt8(ascii: "\r"), index < count, text[index] == UInt8(ascii: "\n") { index += 1 }
            start = index
        }
        lines.append((lines.count + 1, trimmed(text, start..<count)))
        return lines
    }

    /// The comma-separated fields of a line, trimmed.
    private static func fields(_ text: UnsafeBufferPointer<UInt8>, in line: Range<Int>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        for index in line where text[index] == UInt8(ascii: ",") {
            fields.append(trimmed(text, start..<index))
            start = index + 1
        }
        fields.append(trimmed(text, start..<line.upperBound))
        return fields
    }

    /// `range` without spaces and tabs at either end.
    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end, isBlank(text[start]) { start += 1 }
        while end > start, isBlank(text[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The field as a number when all of it is one, as `Double(String)` reads it
    /// (decimal or hexadecimal, nan, inf); nil for text.
    private static func number(_ text: UnsafeBufferPointer<UInt8>, in field: Range<Int>) -> Double? {
        guard !field.isEmpty, let base = text.baseAddress else { return nil }
        let start = UnsafeRawPointer(base + field.lowerBound).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(start, &end)
        guard let end, UnsafePointer(end) - start == field.count else { return nil }
        return value
    }
}
