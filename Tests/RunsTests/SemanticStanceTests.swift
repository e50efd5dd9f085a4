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

/// The broader stance reading of version 3 (`broad_stance_agree`, `broad_stance_missing`).
@Suite("Semantic judge broad stance")
struct SemanticBroadStanceTests {
    @Test("advice against reads as no, approval as yes, and 'nothing wrong' is approval")
    func broadStance() {
        #expect(SemanticFeatureExtractor.broadStance(of: "I wouldn't build that.") == false)
        #expect(SemanticFeatureExtractor.broadStance(of: "Not really.") == false)
        #expect(SemanticFeatureExtractor.broadStance(of: "I'd advise against it.") == false)
        #expect(SemanticFeatureExtractor.broadStance(of: "That wouldn't be right.") == false)
        #expect(SemanticFeatureExtractor.broadStance(of: "It makes sense to give her the jobs that need doing properly.") == true)
        #expect(SemanticFeatureExtractor.broadStance(of: "There's nothing wrong with it.") == true)
        #expect(SemanticFeatureExtractor.broadStance(of: "It is not a good idea.") == false)
        #expect(SemanticFeatureExtractor.broadStance(of: "People who have no choice in the matter often feel trapped by it.") == nil)
        // The narrow reading is unchanged: "nothing wrong" still reads as "wrong" there.
        #expect(SemanticFeatureExtractor.stance(of: "There's nothing wrong with it.") == false)
    }

    @Test("the broad stance is compared with the expected answer's, also for a 'Not justified' answer")
    func broadAgreement() {
        let expected = "Not justified: the clubs may be slimmer because heavier players quit."
        #expect(SemanticFeatureExtractor.expectedBroadStance(expected) == false)
        #expect(SemanticFeatureExtractor.broadStanceAgreement(expected: expected, sentences: ["Great question!", "I wouldn't conclude that."]) == 1)
        #expect(SemanticFeatureExtractor.broadStanceAgreement(expected: expected, sentences: ["It makes sense: the chart works."]) == -1)
        #expect(SemanticFeatureExtractor.broadStanceAgreement(expected: expected, sentences: ["Clubs differ."]) == 0)
        #expect(SemanticFeatureExtractor.broadStanceAgreement(expected: "Many members quit.", sentences: ["No."]) == 0)
    }
}
