import Foundation
@testable import NNCore

/// Reads nested JSON arrays of numbers as tensors, and compares to a tolerance.
enum Fixture {
    /// The PyTorch reference file: NNLEARN_TORCH_FIXTURE when set, else the checked-in copy.
    static func referenceURL() -> URL { reference("torch-reference.json", overriddenBy: "NNLEARN_TORCH_FIXTURE") }

    static func load() throws -> [String: Any] { try object(at: referenceURL()) }

    /// The file named by `variable` when it is set, else the checked-in copy `Fixtures/<name>`.
    static func reference(_ name: String, overriddenBy variable: String) -> URL {
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
    }

    /// A reference file's top-level JSON object.
    static func object(at url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CoreError("fixture", "the reference file is not a JSON object")
        }
        return object
    }

    /// A tensor from a JSON number or nested array of numbers.
    static func tensor(_ json: Any?, requiresGrad: Bool = false) throws -> Tensor {
        var values: [Double] = []
        var shape: [Int] = []
        func walk(_ node: Any, depth: Int) throws {
            if let number = node as? NSNumber {
                values.append(number.doubleValue)
                return
            }
            guard let list = node as? [Any] else { throw CoreError("fixture", "not a number or list: \(node)") }
            if depth == shape.count { shape.append(list.count) }
            for item in list { try walk(item, depth: depth + 1) }
        }
        guard let json else { throw CoreError("fixture", "missing value") }
        try walk(json, depth: 0)
        return try Tensor(values, shape: shape, requiresGrad: requiresGrad)
    }

    /// |a − b| ≤ max(1e-12, 1e-9·|b|) for every element, with matching shapes.
    static func mismatch(_ got: Tensor, _ expected: Tensor, relative: Double = 1e-9, absolute: Double = 1e-12) -> String? {
        guard got.count == expected.count else {
            return "shape \(got.shape) vs expected \(expected.shape)"
        }
        for (index, (a, b)) in zip(got.data, expected.data).enumerated() {
            if Swift.abs(a - b) > Swift.max(absolute, relative * Swift.abs(b)) {
                return "element \(index): got \(a), expected \(b)"
            }
        }
        return nil
    }
}
