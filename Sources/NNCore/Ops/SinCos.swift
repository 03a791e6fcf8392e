extension Tensor {
    /// sin x elementwise (``Elementary/sin(_:)``, the same bits on every CPU); the gradient is g ⊙ cos x.
    public func sin() throws -> Tensor {
        try unary("sin", formulas: ["{g} ⊙ cos({0})"], Elementary.sin) { x, _ in Elementary.cos(x) }
    }

    /// cos x elementwise (``Elementary/cos(_:)``, the same bits on every CPU); the gradient is −g ⊙ sin x.
    public func cos() throws -> Tensor {
        try unary("cos", formulas: ["−{g} ⊙ sin({0})"], Elementary.cos) { x, _ in -Elementary.sin(x) }
    }
}
