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
    /// Fields follow RFC 4180: a field in double quotes may hold commas, line breaks and
    /// doubled quotes (`""` for `"`). Unquoted fields are trimmed of spaces and tabs; blank
    /// lines are skipped; a byte-order mark is dropped; a header written by NumPy's
    /// `savetxt` (`# a,b,c`) gives the column names. Scanned byte by byte, numbers read in
    /// place by `strtod`: splitting into Characters and Substrings made loading digits.csv
    /// take half a second.
    static func parse(_ bytes: [UInt8], name: String, at location: SourceLocation) throws -> CSVTable {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = bytes.starts(with: bom) ? Array(bytes.dropFirst(3)) : bytes
        return try body.withUnsafeBufferPointer { buffer in
            try parse(buffer, name: name, at: location)
        }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>, name: String, at location: SourceLocation) throws -> CSVTable {
        var scanner = RecordScanner(text: text)
        let records = try scanner.records(name: name, at: location)
        let fieldText = scanner.fields
        guard let header = records.first else {
            throw ScriptError(.file, "\(name) is empty; a CSV file needs a header row", at: location)
        }
        var columns = header.fields.map { String(decoding: fieldText[$0], as: UTF8.self) }
        if let first = columns.first, first.hasPrefix("#") {
            // numpy.savetxt(..., header="a,b,c") writes the header as a comment: "# a,b,c".
            columns[0] = String(first.dropFirst().drop { $0 == " " || $0 == "\t" })
        }
        var fields: [Range<Int>] = []
        var rows = 0
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                throw ScriptError(.file, "\(name):\(record.line): expected \(columns.count) values (as in the header), found \(record.fields.count)", at: location)
            }
            fields.append(contentsOf: record.fields)
            rows += 1
        }
        guard rows > 0 else { throw ScriptError(.file, "\(name) has a header but no rows", at: location) }
        var data = [Double](repeating: .nan, count: fields.count)
        var textColumns = Set<Int>()
        fieldText.withUnsafeBufferPointer { buffer in
            for (index, field) in fields.enumerated() {
                if let value = number(buffer, in: field) { data[index] = value } else { textColumns.insert(index % columns.count) }
            }
        }
        // A column with any text is a column of class names, numbered in order of appearance.
        for j in textColumns.sorted() {
            var classes: [String: Int] = [:]
            for i in 0..<rows {
                let field = fields[i * columns.count + j]
                guard !field.isEmpty else {
                    throw ScriptError(.file, "\(name):\(records[i + 1].line): column '\(columns[j])' is empty", at: location)
                }
                let label = String(decoding: fieldText[field], as: UTF8.self)
                if classes[label] == nil { classes[label] = classes.count }
                data[i * columns.count + j] = Double(classes[label] ?? 0)
            }
        }
        return CSVTable(columns: columns, data: data, rows: rows)
    }

    /// Splits CSV bytes into records of fields, copying each field's text (quotes removed,
    /// `""` made `"`) into `fields`, each followed by a NUL so that `strtod` stops at its end.
    private struct RecordScanner {
        let text: UnsafeBufferPointer<UInt8>
        var fields: [UInt8] = []
        var index = 0, line = 1

        init(text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            fields.reserveCapacity(text.count + text.count / 2)
        }

        static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

        static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

        /// Every non-blank record with the line it starts on.
        mutating func records(name: String, at location: SourceLocation) throws -> [(line: Int, fields: [Range<Int>])] {
            var records: [(line: Int, fields: [Range<Int>])] = []
            while index < text.count {
                let start = line
                var record: [Range<Int>] = []
                var sawQuote = false
                while true {
                    let (field, quoted) = try field(name: name, at: location)
                    record.append(field)
                    sawQuote = sawQuote || quoted
                    guard index < text.count, text[index] == Self.comma else { break }
                    index += 1
                }
                endLine()
                if record.count == 1, record[0].isEmpty, !sawQuote { continue }  // a blank line
                records.append((start, record))
            }
            return records
        }

        /// Consumes a line break (\n, \r\n or \r) if one is next.
        mutating func endLine() {
            guard index < text.count else { return }
            if text[index] == Self.carriageReturn {
                index += 1
                if index < text.count, text[index] == Self.newline { index += 1 }
            } else if text[index] == Self.newline {
                index += 1
            }
            line += 1
        }

        /// One field, stopping before the comma or line break after it.
        mutating func field(name: String, at location: SourceLocation) throws -> (Range<Int>, quoted: Bool) {
            while index < text.count, Self.isBlank(text[index]) { index += 1 }
            let start = fields.count
            defer { fields.append(0) }
            guard index < text.count, text[index] == Self.quote else {
                var end = start
                while index < text.count, text[index] != Self.comma, text[index] != Self.newline, text[index] != Self.carriageReturn {
                    fields.append(text[index])
                    if !Self.isBlank(text[index]) { end = fields.count }
                    index += 1
                }
                fields.removeLast(fields.count - end)
                return (start..<end, false)
            }
            let opened = line
            index += 1
            while true {
                guard index < text.count else {
                    throw ScriptError(.file, "\(name):\(opened): a quoted field is never closed (a \" without its closing \")", at: location,
                                      hint: "inside quotes, write a quote as two quotes: \"say \"\"hi\"\"\"")
                }
                let byte = text[index]
                index += 1
                if byte == Self.quote {
                    guard index < text.count, text[index] == Self.quote else { break }
                    index += 1
                } else if byte == Self.newline || (byte == Self.carriageReturn && !(index < text.count && text[index] == Self.newline)) {
                    line += 1
                }
                fields.append(byte)
            }
            let end = fields.count
            while index < text.count, Self.isBlank(text[index]) { index += 1 }
            if index < text.count, text[index] != Self.comma, text[index] != Self.newline, text[index] != Self.carriageReturn {
                throw ScriptError(.file, "\(name):\(line): text after the closing quote of a field", at: location,
                                  hint: "a quoted field ends at its closing quote; put a comma after it, or double the quote inside")
            }
            return (start..<end, true)
        }
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
