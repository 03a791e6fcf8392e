import Foundation

/// Positions of names in a table, found through a hash of their UTF-8 bytes (FNV-1a) with linear probing.
/// Names are short identifiers; hashing one this way costs a fraction of the standard library's seeded
/// SipHash, which was most of the cost of reading a variable or an attribute.
struct NameIndex {
    /// Each slot holds a name's hash in the high 32 bits and its position + 1 in the low 32; 0 is empty.
    private var slots: [UInt64]
    /// How many positions it holds.
    private(set) var count = 0

    /// An index of `names`, each at its position in the array.
    init<Names: Sequence>(_ names: Names) where Names.Element == String {
        self.init(hashes: names.lazy.map(Self.hash))
    }

    /// An index of names with these hashes, each at its position.
    init<Hashes: Sequence>(hashes: Hashes) where Hashes.Element == UInt32 {
        slots = [UInt64](repeating: 0, count: 16)
        for (position, hash) in hashes.enumerated() { insert(hash, at: position) }
    }

    /// The FNV-1a hash of the name's UTF-8 bytes, or of its NFC form's when it is not ASCII.
    @inline(__always)
    static func hash(_ name: String) -> UInt32 {
        // Over the bytes in place (a short name is copied to the stack): stepping String.UTF8View's
        // indices cost about 25 instructions a byte, more than the lookup the hash serves.
        let hashed = name.utf8.withContiguousStorageIfAvailable { bytes -> UInt32? in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes {
                if byte >= 0x80 { return nil }
                hash = (hash ^ UInt32(byte)) &* 16_777_619
            }
            return hash
        }
        switch hashed {
        case .some(.some(let hash)): return hash
        case .some(.none): return normalizedHash(name)
        case .none: return indexedHash(name)
        }
    }

    /// ``hash(_:)`` of a name whose bytes are not contiguous (a bridged string).
    private static func indexedHash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            if byte >= 0x80 { return normalizedHash(name) }
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }

    /// Names Swift calls equal (canonically equivalent: "é" composed or not, the Kelvin sign and "K")
    /// must hash alike, as they did as dictionary keys: their NFC forms are the same bytes.
    private static func normalizedHash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.precomposedStringWithCanonicalMapping.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The position of `name`: among positions whose hash matches, the first for which `matches` is true.
    @inline(__always)
    func position(of name: String, matches: (Int) -> Bool) -> Int? {
        position(hash: Self.hash(name), matches: matches)
    }

    /// The first position with this hash for which `matches` is true.
    @inline(__always)
    func position(hash: UInt32, matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                let position = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if matches(position) { return position }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Records a name with this hash at `position` (a name not already held).
    mutating func insert(_ hash: UInt32, at position: Int) {
        // Kept at most half full, so that probes stay short and always reach an empty slot.
        if (count + 1) * 2 > slots.count { grow() }
        place(UInt64(hash) << 32 | UInt64(truncatingIfNeeded: position + 1))
        count += 1
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }
}
