import Testing
@testable import NNCore

/// Every case of the second PyTorch reference file is checked by one of its two suites.
@Suite struct TorchReference2CoverageTests {
    @Test func everyOpCaseBelongsToExactlyOneSuite() throws {
        let corners = TorchReference2CornerTests.handledCases, deepLearning = TorchReference2DeepLearningTests.handledCases
        #expect(corners.isDisjoint(with: deepLearning), "claimed twice: \(corners.intersection(deepLearning).sorted())")
        let names = Set(try Fixture2.ops().keys)
        let unchecked = names.subtracting(corners).subtracting(deepLearning)
        #expect(unchecked.isEmpty, "cases no suite checks: \(unchecked.sorted())")
        #expect(names.count >= 37)
    }

    @Test func theOptimizerAndScheduleSectionsAreThere() throws {
        let file = try Fixture2.load()
        #expect((file["optimizers_late_parameter"] as? [Any])?.count ?? 0 > 0)
        #expect((file["schedules"] as? [Any])?.count ?? 0 > 0)
    }
}
