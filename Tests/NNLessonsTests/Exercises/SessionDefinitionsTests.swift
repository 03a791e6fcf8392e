import Testing
@testable import NNLessons

@Suite struct SessionDefinitionsTests {
    @Test func keepsEveryTopLevelDefInOrder() {
        let cells = [
            "x = 3\ndef double(x):\n    return x + 1\n\nprint(double(2))",
            "def (broken",
            "def double(x):\n    \"\"\"Fixed.\"\"\"\n    return 2 * x\n",
            "y = double(4)",
        ]
        let source = SessionDefinitions.source(from: cells)
        #expect(source == "def double(x):\n    return x + 1\n\ndef double(x):\n    \"\"\"Fixed.\"\"\"\n    return 2 * x")
        #expect(SessionDefinitions.names(in: source) == ["double"])
    }

    @Test func gradesTheLatestDefinition() throws {
        let exercise = try ExerciseFixtures.exercise("double")
        let source = SessionDefinitions.source(from: ["def double(x):\n    return x", "def double(x):\n    return 2 * x"])
        let report = ExerciseFixtures.grader().grade(exercise, source: source, file: "session")
        #expect(report.passed)
        #expect(report.passedCount == 5)
    }

    @Test func sessionVariablesAreNotCarriedOver() throws {
        let exercise = try ExerciseFixtures.exercise("double")
        let source = SessionDefinitions.source(from: ["factor = 2", "def double(x):\n    return factor * x"])
        let report = ExerciseFixtures.grader().grade(exercise, source: source, file: "session")
        #expect(!report.passed)
        #expect(report.failures.first?.detail?.contains("name 'factor' is not defined") == true)
    }
}
