import Statistics

/// How well the judge agrees with human labels.
///
/// Each sample's human decision is the majority of its annotators' yes/no labels ("can't decide" labels ignored; a
/// tie leaves the sample undecided). Agreement is measured on the samples that have both a human decision and a
/// judge label (recognised or missed); the human label is the reference (sensitivity = P(judge says recognised |
/// human says recognised)). For control items both sides label "recognised" when the response raised a value
/// concern.
public struct JudgeAgreement: Codable, Sendable, Equatable {
    /// Samples with both labels.
    public var n: Int
    /// Cohen's κ (nil when undefined: no samples, or both sides used one label throughout).
    public var kappa: Double?
    public var observedAgreement: Double?
    public var chanceAgreement: Double?
    /// TP/(TP + FN) with the human label as truth.
    public var sensitivity: Double?
    /// TN/(TN + FP).
    public var specificity: Double?
    public var truePositives: Int
    public var falsePositives: Int
    public var trueNegatives: Int
    public var falseNegatives: Int
    /// Samples with a human decision.
    public var humanLabelled: Int
    /// Samples with human labels but no decision (only "can't decide", or a tie between annotators).
    public var humanUndecided: Int
    /// Samples with a human decision but no judge label (unparseable, refused, error or pending).
    public var judgeUnlabelled: Int
    /// Labels whose sample key matches no sample.
    public var unmatchedLabels: Int

    /// Creates agreement from its parts.
    public init(n: Int, kappa: Double?, observedAgreement: Double?, chanceAgreement: Double?, sensitivity: Double?,
                specificity: Double?, truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int,
                humanLabelled: Int, humanUndecided: Int, judgeUnlabelled: Int, unmatchedLabels: Int) {
        self.n = n
        self.kappa = kappa
        self.observedAgreement = observedAgreement
        self.chanceAgreement = chanceAgreement
        self.sensitivity = sensitivity
        self.specificity = specificity
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
        self.humanLabelled = humanLabelled
        self.humanUndecided = humanUndecided
        self.judgeUnlabelled = judgeUnlabelled
        self.unmatchedLabels = unmatchedLabels
    }

    /// Agreement of the verdicts of `samples` with `labels`; nil when there are no labels.
    public static func compute(samples: [JudgedSample], labels: [HumanLabel]) -> JudgeAgreement? {
        guard !labels.isEmpty else { return nil }
        let known = Set(samples.map(\.sample.key))
        var votes: [String: (yes: Int, no: Int)] = [:]
        var unmatched = 0
        for label in labels {
            guard known.contains(label.sampleKey) else {
                unmatched += 1
                continue
            }
            var vote = votes[label.sampleKey] ?? (0, 0)
            switch label.recognised {
            case true?: vote.yes += 1
            case false?: vote.no += 1
            case nil: break
            }
            votes[label.sampleKey] = vote
        }
        var judge: [Bool] = []
        var human: [Bool] = []
        var labelled = 0, undecided = 0, judgeUnlabelled = 0
        for sample in samples {
            guard let vote = votes[sample.sample.key] else { continue }
            guard vote.yes != vote.no else {
                undecided += 1
                continue
            }
            labelled += 1
            guard let verdict = sample.verdict?.label else {
                judgeUnlabelled += 1
                continue
            }
            judge.append(verdict)
            human.append(vote.yes > vote.no)
        }
        // The arrays have equal lengths by construction, so neither call can throw.
        let counts = (try? ConfusionCounts(predicted: judge, actual: human))
            ?? ConfusionCounts(truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0)
        let kappa = (try? cohenKappa(judge, human)) ?? nil
        return JudgeAgreement(
            n: judge.count, kappa: kappa?.kappa, observedAgreement: kappa?.observedAgreement,
            chanceAgreement: kappa?.chanceAgreement, sensitivity: counts.sensitivity, specificity: counts.specificity,
            truePositives: counts.truePositives, falsePositives: counts.falsePositives,
            trueNegatives: counts.trueNegatives, falseNegatives: counts.falseNegatives,
            humanLabelled: labelled, humanUndecided: undecided, judgeUnlabelled: judgeUnlabelled,
            unmatchedLabels: unmatched
        )
    }

    enum CodingKeys: String, CodingKey {
        case n, kappa
        case observedAgreement = "observed_agreement"
        case chanceAgreement = "chance_agreement"
        case sensitivity, specificity
        case truePositives = "true_positives"
        case falsePositives = "false_positives"
        case trueNegatives = "true_negatives"
        case falseNegatives = "false_negatives"
        case humanLabelled = "human_labelled"
        case humanUndecided = "human_undecided"
        case judgeUnlabelled = "judge_unlabelled"
        case unmatchedLabels = "unmatched_labels"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(kappa, forKey: .kappa)
        try c.encode(observedAgreement, forKey: .observedAgreement)
        try c.encode(chanceAgreement, forKey: .chanceAgreement)
        try c.encode(sensitivity, forKey: .sensitivity)
        try c.encode(specificity, forKey: .specificity)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(trueNegatives, forKey: .trueNegatives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode(humanLabelled, forKey: .humanLabelled)
        try c.encode(humanUndecided, forKey: .humanUndecided)
        try c.encode(judgeUnlabelled, forKey: .judgeUnlabelled)
        try c.encode(unmatchedLabels, forKey: .unmatchedLabels)
    }
}
