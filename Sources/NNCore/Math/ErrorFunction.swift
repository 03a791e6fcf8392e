extension Elementary {
    // fdlibm's rational approximations. On |x| < 0.84375: erf x = x + x·P(x²)/Q(x²).
    private static let efx = 1.28379167095512586316e-01
    private static let pp0 = 1.28379167095512558561e-01
    private static let pp1 = -3.25042107247001499370e-01
    private static let pp2 = -2.84817495755985104766e-02
    private static let pp3 = -5.77027029648944159157e-03
    private static let pp4 = -2.37630166566501626084e-05
    private static let qq1 = 3.97917223959155352819e-01
    private static let qq2 = 6.50222499887672944485e-02
    private static let qq3 = 5.08130628187576562776e-03
    private static let qq4 = 1.32494738004321644526e-04
    private static let qq5 = -3.96022827877536812320e-06
    // On 0.84375 ≤ |x| < 1.25: erf x = erx + P(|x| − 1)/Q(|x| − 1), erx = erf(1) to 24 bits.
    private static let erx = 8.45062911510467529297e-01
    private static let pa0 = -2.36211856075265944077e-03
    private static let pa1 = 4.14856118683748331666e-01
    private static let pa2 = -3.72207876035701323847e-01
    private static let pa3 = 3.18346619901161753674e-01
    private static let pa4 = -1.10894694282396677476e-01
    private static let pa5 = 3.54783043256182359371e-02
    private static let pa6 = -2.16637559486879084300e-03
    private static let qa1 = 1.06420880400844228286e-01
    private static let qa2 = 5.40397917702171048937e-01
    private static let qa3 = 7.18286544141962662868e-02
    private static let qa4 = 1.26171219808761642112e-01
    private static let qa5 = 1.36370839120290507362e-02
    private static let qa6 = 1.19844998467991074170e-02
    // On 1.25 ≤ |x| < 1/0.35: erfc x = e^(−x² − 0.5625 + R(1/x²)/S(1/x²))/x.
    private static let ra0 = -9.86494403484714822705e-03
    private static let ra1 = -6.93858572707181764372e-01
    private static let ra2 = -1.05586262253232909814e+01
    private static let ra3 = -6.23753324503260060396e+01
    private static let ra4 = -1.62396669462573470355e+02
    private static let ra5 = -1.84605092906711035994e+02
    private static let ra6 = -8.12874355063065934246e+01
    private static let ra7 = -9.81432934416914548592e+00
    private static let sa1 = 1.96512716674392571292e+01
    private static let sa2 = 1.37657754143519042600e+02
    private static let sa3 = 4.34565877475229228821e+02
    private static let sa4 = 6.45387271733267880336e+02
    private static let sa5 = 4.29008140027567833386e+02
    private static let sa6 = 1.08635005541779435134e+02
    private static let sa7 = 6.57024977031928170135e+00
    private static let sa8 = -6.04244152148580987438e-02
    // On 1/0.35 ≤ |x| < 6, the same form with other coefficients.
    private static let rb0 = -9.86494292470009928597e-03
    private static let rb1 = -7.99283237680523006574e-01
    private static let rb2 = -1.77579549177547519889e+01
    private static let rb3 = -1.60636384855821916062e+02
    private static let rb4 = -6.37566443368389627722e+02
    private static let rb5 = -1.02509513161107724954e+03
    private static let rb6 = -4.83519191608651397019e+02
    private static let sb1 = 3.03380607434824582924e+01
    private static let sb2 = 3.25792512996573918826e+02
    private static let sb3 = 1.53672958608443695994e+03
    private static let sb4 = 3.19985821950859553908e+03
    private static let sb5 = 2.55305040643316442583e+03
    private static let sb6 = 4.74528541206955367215e+02
    private static let sb7 = -2.24409524465858183362e+01

    /// The error function erf x = 2/√π ∫₀ˣ e^−t² dt within 1 ulp: erf(±0) = ±0, erf(±inf) = ±1, ±1 beyond |x| ≥ 6.
    public static func erf(_ x: Double) -> Double {
        if x.isNaN { return x }
        let magnitude = highWord(x) & 0x7fff_ffff
        if magnitude < 0x3feb_0000 {  // |x| < 0.84375
            if magnitude < 0x3e30_0000 {  // |x| < 2⁻²⁸; scaled by 8 first so subnormals keep their bits
                return magnitude < 0x0080_0000 ? 0.125 * (8 * x + (8 * efx) * x) : x + efx * x
            }
            let z = x * x
            let r = pp0 + z * (pp1 + z * (pp2 + z * (pp3 + z * pp4)))
            let s = 1 + z * (qq1 + z * (qq2 + z * (qq3 + z * (qq4 + z * qq5))))
            return x + x * (r / s)
        }
        if magnitude < 0x3ff4_0000 {  // |x| < 1.25
            let s = Swift.abs(x) - 1
            let p = pa0 + s * (pa1 + s * (pa2 + s * (pa3 + s * (pa4 + s * (pa5 + s * pa6)))))
            let q = 1 + s * (qa1 + s * (qa2 + s * (qa3 + s * (qa4 + s * (qa5 + s * qa6)))))
            return x < 0 ? -erx - p / q : erx + p / q
        }
        if magnitude >= 0x4018_0000 { return x < 0 ? -1 : 1 }  // |x| ≥ 6
        let a = Swift.abs(x)
        let s = 1 / (a * a)
        let r: Double
        let q: Double
        if magnitude < 0x4006_db6e {  // |x| < 1/0.35
            r = ra0 + s * (ra1 + s * (ra2 + s * (ra3 + s * (ra4 + s * (ra5 + s * (ra6 + s * ra7))))))
            q = 1 + s * (sa1 + s * (sa2 + s * (sa3 + s * (sa4 + s * (sa5 + s * (sa6 + s * (sa7 + s * sa8)))))))
        } else {
            r = rb0 + s * (rb1 + s * (rb2 + s * (rb3 + s * (rb4 + s * (rb5 + s * rb6)))))
            q = 1 + s * (sb1 + s * (sb2 + s * (sb3 + s * (sb4 + s * (sb5 + s * (sb6 + s * sb7))))))
        }
        // z is |x| cut to its high 32 bits, so z² is exact and e^−x² splits into two accurate factors.
        let z = Double(bitPattern: a.bitPattern & 0xffff_ffff_0000_0000)
        let erfc = exp(-z * z - 0.5625) * exp((z - a) * (z + a) + r / q)
        return x < 0 ? erfc / a - 1 : 1 - erfc / a
    }
}
