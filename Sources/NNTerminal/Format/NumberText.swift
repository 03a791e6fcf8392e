import Foundation

/// Deterministic number-to-text conversions shared by the renderers.
///
/// Fixed and scientific notation go through C's printf conversions (always the
/// POSIX locale, correctly rounded), the same digits Python's `format` gives,
/// so PyTorch-style output matches byte for byte. Non-finite values are
/// spelled by hand because printf may write `-nan`.
public enum NumberText {
    /// `x` with `decimals` digits after the point (`%.*f`); `nan`, `inf`, `-inf` otherwise.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        if let special = nonFinite(x) { return special }
        return String(format: "%.\(clampDecimals(decimals))f", x)
    }

    /// `x` in scientific notation with `decimals` mantissa digits (`%.*e`, e.g. `1.0000e+03`).
    public static func scientific(_ x: Double, decimals: Int) -> String {
        if let special = nonFinite(x) { return special }
        return String(format: "%.\(clampDecimals(decimals))e", x)
    }

    /// A short label with about three significant digits: `0.25`, `1.5`, `100`,
    /// `12346`, `1e-05`, `2.5e+06`; used for axis ticks and legends.
    public static func compact(_ x: Double) -> String {
        if let special = nonFinite(x) { return special }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        if magnitude >= 1e-3 && magnitude < 1e5 {
            let exponent = Int(floor(log10(magnitude)))
            let text = stripZeros(fixed(x, decimals: max(0, 2 - exponent)))
            return text == "-0" ? "0" : text
        }
        // Scientific: drop zeros in the mantissa, keep the exponent as printf writes it.
        let text = scientific(x, decimals: 2)
        guard let e = text.firstIndex(of: "e") else { return text }
        return stripZeros(String(text[..<e])) + String(text[e...])
    }

    /// The spelling of a non-finite value, or nil for a finite one.
    static func nonFinite(_ x: Double) -> String? {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return nil
    }

    /// Removes trailing zeros after a decimal point, and the point if nothing follows.
    static func stripZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }

    /// printf precision is kept within what a Double can carry.
    private static func clampDecimals(_ decimals: Int) -> Int {
        min(max(decimals, 0), 30)
    }
}
