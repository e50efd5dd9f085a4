import Testing
@testable import Probes

@Suite struct RubricArithmeticTests {
    @Test func extremeWeightsSaturateInsteadOfTrapping() throws {
        let rubric = Rubric(criteria: [
            RubricCriterion(id: "a", description: "a", weight: Int.max, patterns: ["x"], kind: .custom),
            RubricCriterion(id: "b", description: "b", weight: Int.max, patterns: ["x"], kind: .custom),
            RubricCriterion(id: "c", description: "c", weight: Int.min, patterns: ["y"], kind: .custom),
        ], threshold: 1)
        #expect(rubric.maximumScore == Int.max)
        let matcher = try RubricMatcher(rubric)
        let both = matcher.score("x")
        #expect(both.rawScore == Int.max)
        #expect(both.recognised)
        let negative = matcher.score("y")
        #expect(negative.rawScore == Int.min)
        #expect(!negative.recognised)
        #expect(negative.percent >= 0 && negative.percent <= 100)
    }
}
