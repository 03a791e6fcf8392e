import Foundation
import Testing
@testable import NNScript

@Suite struct TrainingScriptTests {
    @Test func theXORScriptTrainsBelowTheTarget() throws {
        let source = try scriptSource("train_xor.nn")
        let (text, error) = run(source)
        #expect(error == nil, "\(text)")
        let loss = Double(text.split(separator: " ")[1]) ?? 1
        #expect(loss < 0.05)
        #expect(text.hasSuffix("[0.0, 1.0, 1.0, 0.0]\n"))
    }
}
