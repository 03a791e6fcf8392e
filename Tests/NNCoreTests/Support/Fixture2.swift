import Foundation
@testable import NNCore

/// The second PyTorch reference file (deep-learning ops, corners, late parameters, schedules),
/// whose numbers may be the strings "nan", "inf" and "-inf".
enum Fixture2 {
    /// NNLEARN_TORCH_FIXTURE_2 when set, else the checked-in copy.
    static func referenceURL() -> URL { Fixture.reference("torch-reference-2.json", overriddenBy: "NNLEARN_TORCH_FIXTURE_2") }

    static func load() throws -> [String: Any] { try Fixture.object(at: referenceURL()) }

    /// The `ops` cases keyed by their `op` name.
    static func ops() throws -> [String: [String: Any]] {
        let list = try load()["ops"] as? [[String: Any]] ?? []
        var cases: [String: [String: Any]] = [:]
        for item in list { if let name = item["op"] as? String { cases[name] = item } }
        return cases
    }

    /// A number, with "nan", "inf" and "-inf" spelled as strings.
    static func number(_ node: Any) throws -> Double {
        if let number = node as? NSNumber { return number.doubleValue }
        switch node as? String {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: throw CoreError("fixture", "not a number: \(node)")
        }
    }

    /// A tensor from a number or nested array of numbers (strings for nan and inf).
    static func tensor(_ json: Any?, requiresGrad: Bool = false) throws -> Tensor {
        var values: [Double] = []
        var shape: [Int] = []
        func walk(_ node: Any, depth: Int) throws {
            guard let list = node as? [Any] else {
                values.append(try number(node))
                return
            }
            if depth == shape.count { shape.append(list.count) }
            for item in list { try walk(item, depth: depth + 1) }
        }
        guard let json, !(json is NSNull) else { throw CoreError("fixture", "missing value") }
        try walk(json, depth: 0)
        return try Tensor(values, shape: shape, requiresGrad: requiresGrad)
    }

    /// Like ``Fixture/mismatch(_:_:relative:absolute:)``, but nan matches nan and infinities match exactly.
    static func mismatch(_ got: Tensor, _ expected: Tensor, relative: Double = 1e-9, absolute: Double = 1e-12) -> String? {
        guard got.count == expected.count else { return "shape \(got.shape) vs expected \(expected.shape)" }
        for (index, (a, b)) in zip(got.data, expected.data).enumerated() {
            if b.isNaN { if !a.isNaN { return "element \(index): got \(a), expected nan" }; continue }
            if b.isInfinite { if a != b { return "element \(index): got \(a), expected \(b)" }; continue }
            if !(Swift.abs(a - b) <= Swift.max(absolute, relative * Swift.abs(b))) {
                return "element \(index): got \(a), expected \(b)"
            }
        }
        return nil
    }
}
