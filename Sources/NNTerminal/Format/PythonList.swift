/// Python-style number and list text, for `print(list)` and `tolist()` output.
extension TensorFormatter {
    /// Swift's shortest round-trip description of `x`: `0.1`, `-2.5`, `1e-05`, `3.0`, `nan`, `inf`.
    ///
    /// Python's `repr(float)` uses the same shortest-digits rule, so for the
    /// usual values the text matches what Python prints.
    public static func shortest(_ x: Double) -> String {
        // A NaN with its sign bit set would otherwise print as `-nan`.
        x.isNaN ? "nan" : x.description
    }

    /// Nested Python lists of shortest numbers: `[[0.1, -2.5], [1e-05, 3.0]]`;
    /// a scalar shape `[]` gives the bare number.
    public static func list(shape: [Int], values: [Double]) -> String {
        guard let count = elementCount(shape), count == values.count else {
            return "<\(values.count) values do not fill shape \(tuple(shape))>"
        }
        // An empty tensor with a huge leading size, such as (10⁹, 0), would
        // print a billion `[]`; name the shape instead.
        if count == 0, shape.prefix(while: { $0 != 0 }).reduce(1.0, { $0 * Double($1) }) > 10_000 {
            return "<empty tensor of shape \(tuple(shape))>"
        }
        var text = ""
        var index = 0
        appendList(shape[...], values, &index, into: &text)
        return text
    }

    private static func appendList(_ shape: ArraySlice<Int>, _ values: [Double], _ index: inout Int, into text: inout String) {
        guard let size = shape.first else {
            text += shortest(values[index])
            index += 1
            return
        }
        text += "["
        for item in 0..<size {
            if item > 0 { text += ", " }
            appendList(shape.dropFirst(), values, &index, into: &text)
        }
        text += "]"
    }
}
