/// How every element of one tensor is written: PyTorch's `_Formatter`.
///
/// The choice is made once from all displayed values so that the whole tensor
/// shares one notation and one column width.
struct ElementStyle {
    /// The notations PyTorch chooses between.
    enum Notation: Equatable { case integer, fixed, scientific }

    let notation: Notation
    let precision: Int
    /// The widest element text; every element is right-aligned to it.
    let width: Int

    /// Chooses the notation for `values` as PyTorch does, looking only at
    /// finite non-zero values: integer style when all are whole numbers,
    /// scientific when the largest magnitude exceeds 1e8, the ratio of largest
    /// to smallest exceeds 1000, or (non-integers only) the smallest is below 1e-4.
    init(values: [Double], precision: Int) {
        self.precision = max(0, precision)
        let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map { abs($0) }
        var notation = Notation.integer
        if let smallest = magnitudes.min(), let largest = magnitudes.max() {
            let whole = values.allSatisfy { !$0.isFinite || $0 == $0.rounded(.up) }
            let spread = largest / smallest > 1000 || largest > 1e8
            if whole {
                notation = spread ? .scientific : .integer
            } else {
                notation = spread || smallest < 1e-4 ? .scientific : .fixed
            }
        }
        self.notation = notation
        // Non-finite values count towards the width too (PyTorch leaves them
        // out), so that a column holding `nan` stays aligned.
        var width = 1
        for value in values {
            width = max(width, ElementStyle.text(value, notation, self.precision).utf8.count)
        }
        self.width = width
    }

    /// The element right-aligned to the tensor's width.
    func padded(_ value: Double) -> String {
        let text = ElementStyle.text(value, notation, precision)
        return TextLayout.spaces(width - text.utf8.count) + text
    }

    /// The element without padding; negative zero is written as zero.
    static func text(_ value: Double, _ notation: Notation, _ precision: Int) -> String {
        let value = value == 0 ? 0 : value
        switch notation {
        case .scientific:
            return NumberText.scientific(value, decimals: precision)
        case .integer:
            let digits = NumberText.fixed(value, decimals: 0)
            return value.isFinite ? digits + "." : digits
        case .fixed:
            return NumberText.fixed(value, decimals: precision)
        }
    }
}
