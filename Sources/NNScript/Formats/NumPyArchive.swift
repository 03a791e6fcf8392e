import Foundation
import ZIPFoundation

/// NumPy's `.npz` format: a zip archive of `.npy` files, one per named array, as `numpy.savez` writes.
///
/// Written uncompressed, with a fixed date so that the same arrays give the same bytes; read
/// uncompressed or deflated (`numpy.savez_compressed`).
enum NumPyArchive {
    /// The zip entries' date: the earliest a zip can hold, so the output does not depend on the clock.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01

    /// The bytes of an archive holding `arrays` (name, shape, values) in order.
    static func encode(_ arrays: [(name: String, shape: [Int], values: [Double])]) throws(NumPyFormat.Problem) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for array in arrays {
                let bytes = NumPyFormat.encode(array.values, shape: array.shape)
                try archive.addEntry(with: array.name + ".npy", type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: entryDate, permissions: 0o644, compressionMethod: .none) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw NumPyFormat.Problem(message: "the archive could not be assembled in memory") }
            return data
        } catch let problem as NumPyFormat.Problem {
            throw problem
        } catch {
            throw NumPyFormat.Problem(message: "the archive could not be written: \(error)")
        }
    }

    /// The arrays of an archive's bytes, by name (without `.npy`), in the archive's order.
    ///
    /// `limit` bounds the unpacked size of every member together, so a small compressed file
    /// cannot unpack into more memory than the learner allowed.
    static func decode(_ bytes: Data, limit: Int) throws(NumPyFormat.Problem) -> [(name: String, shape: [Int], values: [Double])] {
        let archive: Archive
        do { archive = try Archive(data: bytes, accessMode: .read) } catch {
            throw NumPyFormat.Problem(message: "it is not a zip archive (an .npz file is one)")
        }
        var arrays: [(name: String, shape: [Int], values: [Double])] = []
        var unpacked = 0
        for entry in archive where entry.type == .file {
            guard entry.path.hasSuffix(".npy") else { continue }
            let name = String(entry.path.dropLast(4))
            guard entry.uncompressedSize <= UInt64(limit - unpacked) else {
                throw NumPyFormat.Problem(message: "its member '\(entry.path)' unpacks to \(entry.uncompressedSize) bytes, more than the \(limit) allowed")
            }
            var member = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    guard member.count + chunk.count <= limit - unpacked else { throw NumPyFormat.Problem(message: "its member '\(entry.path)' unpacks to more than its header says") }
                    member.append(chunk)
                }
            } catch let problem as NumPyFormat.Problem {
                throw problem
            } catch {
                throw NumPyFormat.Problem(message: "its member '\(entry.path)' could not be unpacked: \(error)")
            }
            unpacked += member.count
            do {
                let (shape, values) = try NumPyFormat.decode(member)
                arrays.append((name, shape, values))
            } catch {
                throw NumPyFormat.Problem(message: "its member '\(entry.path)': \(error.message)")
            }
        }
        return arrays
    }
}
