import Testing
@testable import NNCore

/// The bits of every elementary function over 100 000 fixed arguments, hashed and compared with
/// the hashes measured when they were written: a CPU, libm or platform that changed a single last bit
/// would fail here. (Measured on x86-64 with and without glibc's FMA variants: the same hashes.)
@Suite struct ElementaryBitsTests {
    /// FNV-1a over the bit patterns.
    static func hash(_ values: [Double]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values {
            var bits = v.bitPattern
            for _ in 0..<8 {
                h = (h ^ (bits & 0xff)) &* 0x0000_0100_0000_01b3
                bits >>= 8
            }
        }
        return h
    }

    static let expected: [String: UInt64] = [
        "exp": 0x52eb_31eb_d471_d6ca, "expm1": 0x7493_6389_f77b_60b2, "log": 0x7a81_ad97_74d1_516e,
        "log1p": 0xd00d_9959_abd4_d234, "tanh": 0x5824_49c9_d2a4_25f6, "sin": 0xb8fa_e217_05d2_dbe3,
        "cos": 0xc5cf_ea07_d179_f827, "erf": 0xaaed_a6c2_a462_ee2c, "pow": 0x47ff_0963_c6cb_3c74,
    ]

    @Test func theBitsAreTheOnesMeasured() {
        let functions: [(String, (Double) -> Double)] = [
            ("exp", Elementary.exp), ("expm1", Elementary.expm1), ("log", Elementary.log), ("log1p", Elementary.log1p),
            ("tanh", Elementary.tanh), ("sin", Elementary.sin), ("cos", Elementary.cos), ("erf", Elementary.erf),
        ]
        var hashes: [String: UInt64] = [:]
        for (name, f) in functions {
            hashes[name] = Self.hash(ElementarySamples.arguments(for: name, count: 100_000, seed: 0x2545_F491_4F6C_DD1D).map(f))
        }
        hashes["pow"] = Self.hash(ElementarySamples.powArguments(count: 100_000, seed: 0x2545_F491_4F6C_DD1D).map { Elementary.pow($0.0, $0.1) })
        for (name, h) in hashes.sorted(by: { $0.key < $1.key }) {
            print("bits \(name): 0x\(String(h, radix: 16))")
            #expect(h == Self.expected[name], "\(name): the bits changed (hash 0x\(String(h, radix: 16)))")
        }
    }
}
