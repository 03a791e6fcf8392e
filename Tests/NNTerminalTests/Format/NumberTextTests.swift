import NNTerminal
import Testing

@Suite struct NumberTextTests {
    @Test func compactKeepsThreeSignificantDigits() {
        #expect(NumberText.compact(0) == "0")
        #expect(NumberText.compact(0.25) == "0.25")
        #expect(NumberText.compact(0.1 + 0.2) == "0.3")
        #expect(NumberText.compact(1.5) == "1.5")
        #expect(NumberText.compact(100) == "100")
        #expect(NumberText.compact(3.14159) == "3.14")
        #expect(NumberText.compact(-0.000123) == "-1.23e-04")
        #expect(NumberText.compact(0.00123) == "0.00123")
        #expect(NumberText.compact(12345.6) == "12346")
        #expect(NumberText.compact(1e-5) == "1e-05")
        #expect(NumberText.compact(2.5e6) == "2.5e+06")
        #expect(NumberText.compact(.nan) == "nan")
        #expect(NumberText.compact(-.infinity) == "-inf")
    }

    @Test func fixedAndScientific() {
        #expect(NumberText.fixed(2.5, decimals: 2) == "2.50")
        #expect(NumberText.scientific(1000, decimals: 4) == "1.0000e+03")
        #expect(NumberText.fixed(-.nan, decimals: 2) == "nan")
    }
}
