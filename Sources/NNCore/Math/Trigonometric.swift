extension Elementary {
    // Minimax polynomials on |x| ≤ π/4 (fdlibm): sin with error below 2⁻⁵⁸, cos below 2⁻⁵⁸.
    private static let s1 = -1.66666666666666324348e-01
    private static let s2 = 8.33333333332248946124e-03
    private static let s3 = -1.98412698298579493134e-04
    private static let s4 = 2.75573137070700676789e-06
    private static let s5 = -2.50507602534068634195e-08
    private static let s6 = 1.58969099521155010221e-10
    private static let c1 = 4.16666666666666019037e-02
    private static let c2 = -1.38888888888741095749e-03
    private static let c3 = 2.48015872894767294178e-05
    private static let c4 = -2.75573143513906633035e-07
    private static let c5 = 2.08757232129817482790e-09
    private static let c6 = -1.13596475577881948265e-11

    /// sin x within 1 ulp for every finite x (exact reduction by π/2): sin(−0) = −0, sin(±inf) = nan.
    public static func sin(_ x: Double) -> Double {
        let magnitude = highWord(x) & 0x7fff_ffff
        if magnitude <= 0x3fe9_21fb {  // |x| ≤ π/4
            return magnitude < 0x3e50_0000 ? x : sinKernel(x, 0, hasTail: false)
        }
        if magnitude >= 0x7ff0_0000 { return .nan }
        let (n, y) = reducedByHalfPi(x)
        switch n & 3 {
        case 0: return sinKernel(y.hi, y.lo, hasTail: true)
        case 1: return cosKernel(y.hi, y.lo)
        case 2: return -sinKernel(y.hi, y.lo, hasTail: true)
        default: return -cosKernel(y.hi, y.lo)
        }
    }

    /// cos x within 1 ulp for every finite x (exact reduction by π/2): cos(±inf) = nan.
    public static func cos(_ x: Double) -> Double {
        let magnitude = highWord(x) & 0x7fff_ffff
        if magnitude <= 0x3fe9_21fb {  // |x| ≤ π/4
            return magnitude < 0x3e46_a09e ? 1 : cosKernel(x, 0)
        }
        if magnitude >= 0x7ff0_0000 { return .nan }
        let (n, y) = reducedByHalfPi(x)
        switch n & 3 {
        case 0: return cosKernel(y.hi, y.lo)
        case 1: return -sinKernel(y.hi, y.lo, hasTail: true)
        case 2: return -cosKernel(y.hi, y.lo)
        default: return sinKernel(y.hi, y.lo, hasTail: true)
        }
    }

    /// sin(x + y) for |x + y| ≤ π/4, y the tail of a reduced argument.
    private static func sinKernel(_ x: Double, _ y: Double, hasTail: Bool) -> Double {
        let z = x * x
        let w = z * z
        let r = s2 + z * (s3 + z * s4) + z * w * (s5 + z * s6)
        let v = z * x
        if !hasTail { return x + v * (s1 + z * r) }
        return x - ((z * (0.5 * y - v * r) - y) - v * s1)
    }

    /// cos(x + y) for |x + y| ≤ π/4: 1 − x²/2 is rounded separately and its error folded back.
    private static func cosKernel(_ x: Double, _ y: Double) -> Double {
        let z = x * x
        let w = z * z
        let r = z * (c1 + z * (c2 + z * c3)) + w * w * (c4 + z * (c5 + z * c6))
        let halfZ = 0.5 * z
        let oneMinus = 1 - halfZ
        return oneMinus + (((1 - oneMinus) - halfZ) + (z * r - x * y))
    }
}
