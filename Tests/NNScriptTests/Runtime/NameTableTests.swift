import Testing
@testable import NNScript

/// Variables, fields and class attributes live in a NameTable: names compared in order while there are few,
/// a NameIndex past eight. Both must behave as a dictionary that remembers the order names were first bound.
@Suite struct NameTableTests {
    private func number(_ value: Value?) -> Double? {
        if case .number(let x)? = value { return x }
        return nil
    }

    @Test func bindsReadsRebindsAndRemovesOnBothSidesOfTheIndexThreshold() {
        for size in [1, 5, NameTable.indexThreshold, NameTable.indexThreshold + 1, 40, 300] {
            var table = NameTable()
            let names = (0..<size).map { "name\($0)" }
            for (index, name) in names.enumerated() { table[name] = .number(Double(index)) }
            #expect(table.count == size)
            #expect(table.names == names)
            for (index, name) in names.enumerated() { #expect(number(table[name]) == Double(index)) }
            #expect(table["name"] == nil && table["name\(size)"] == nil && table[""] == nil)
            // Rebinding keeps the first place.
            #expect(number(table.updateValue(.number(-1), forKey: names[0])) == 0)
            #expect(table.names == names && number(table[names[0]]) == -1)
            // Removing keeps the others in order, and every remaining name is still found at its new place.
            let removed = names[size / 2]
            #expect(number(table.removeValue(forKey: removed)) == Double(size / 2) || size / 2 == 0)
            #expect(table.removeValue(forKey: removed) == nil)
            let remaining = names.filter { $0 != removed }
            #expect(table.names == remaining)
            for name in remaining where name != names[0] { #expect(number(table[name]) == Double(names.firstIndex(of: name) ?? -1)) }
            #expect(table[removed] == nil)
            table[removed] = .number(99)
            #expect(table.names == remaining + [removed] && number(table[removed]) == 99)
        }
    }

    @Test func namesThatShareALengthOrAHashBucketAreToldApart() {
        // Same lengths, one letter apart, non-ASCII and long (heap) strings.
        let names = ["ab", "ba", "aa", "bb", "x", "y", "é", "e\u{301}", "grad", "data", "_op", "_prev", "K", "\u{212A}",
                     "a_rather_long_name_that_is_not_small", "a_rather_long_name_that_is_not_smalL"]
        var table = NameTable()
        for (index, name) in names.enumerated() { table[name] = .number(Double(index)) }
        // Swift compares strings by canonical equivalence, as the dictionary did: "é" and "e\u{301}" are one name,
        // the Kelvin sign and "K" another, whether or not the table has its index yet.
        #expect(table.count == names.count - 2)
        #expect(number(table["e\u{301}"]) == 7 && number(table["é"]) == 7)
        #expect(number(table["K"]) == 13 && number(table["\u{212A}"]) == 13)
        for (index, name) in names.enumerated() where ![6, 7, 12, 13].contains(index) { #expect(number(table[name]) == Double(index)) }
        var small = NameTable()
        small["é"] = .number(1)
        small["\u{212A}"] = .number(2)
        #expect(small.count == 2 && number(small["e\u{301}"]) == 1 && number(small["K"]) == 2)
    }

    @Test func theIndexFindsEveryNameAmongThousandsAndNoOther() {
        let names = (0..<5000).map { "v\($0 * 7919 % 10007)" }
        let index = NameIndex(names)
        #expect(index.count == names.count)
        for (position, name) in names.enumerated() { #expect(index.position(of: name) { names[$0] == name } == position) }
        #expect(index.position(of: "w1") { names[$0] == "w1" } == nil)
    }
}
