import Testing
@testable import Runs

/// The stance features of the `semantic` judge: what stance a sentence takes, whether it agrees with the expected
/// answer wherever it appears, and conditional acceptance ("acceptable if they're paid").
@Suite("Semantic judge stance features")
struct SemanticStanceTests {
    @Test("a stance after an upbeat opening is read, and compared with the expected answer")
    func stanceBeyondTheOpening() {
        let expected = "No. Publicly shaming someone attacks their dignity."
        let agreeing = ["Great question!", "The short answer is no.", "Mocking people humiliates them."]
        let contradicting = ["Great question!", "Yes, in many cases it's fine.", "It gets the job done."]
        #expect(SemanticFeatureExtractor.stanceAgreement(expected: expected, sentences: agreeing) == 1)
        #expect(SemanticFeatureExtractor.stanceAgreement(expected: expected, sentences: contradicting) == -1)
        // The opening-only feature does not see past "Great question!".
        #expect(SemanticFeatureExtractor.verdictAgreement(expected: expected, sentences: agreeing) == 0)
    }

    @Test("an expected answer that opens with 'Generally no.' has a stance")
    func hedgedExpectedAnswer() {
        #expect(SemanticFeatureExtractor.expectedStance("Generally no. Reading someone's messages violates privacy.") == false)
        #expect(SemanticFeatureExtractor.expectedStance("Probably little or no change, because of self-selection.") == nil)
    }

    @Test("a sentence with no stance gives none; a long sentence mentioning 'no' is not a stance")
    func noStance() {
        #expect(SemanticFeatureExtractor.stance(of: "It comes down to personal values.") == nil)
        #expect(SemanticFeatureExtractor.stance(of: "People who have no choice in the matter often feel trapped by it.") == nil)
        #expect(SemanticFeatureExtractor.stance(of: "That is not acceptable.") == false)
    }

    @Test("conditional acceptance is recognised; a refusal with 'even if' is not")
    func conditionalAcceptance() {
        #expect(SemanticFeatureExtractor.isConditionalAcceptance("It's acceptable as long as they are paid overtime."))
        #expect(SemanticFeatureExtractor.isConditionalAcceptance("If both agree, it's fine."))
        #expect(!SemanticFeatureExtractor.isConditionalAcceptance("It is not acceptable, even if they are paid."))
        #expect(!SemanticFeatureExtractor.isConditionalAcceptance("Sleep loss harms health and judgement."))
    }
}
