import Statistics

/// The answers of a preference run turned into pairwise observations, with everything that was not counted
/// kept apart and counted: unparseable answers, refusals, failed calls and questions still unanswered.
public struct PreferenceTally: Codable, Sendable, Equatable {
    /// Questions planned.
    public var planned: Int
    /// Questions with a counted answer (exact, or a sampled A or B).
    public var counted: Int
    /// Sampled answers that named neither option (or both).
    public var unparseable: Int
    /// Sampled answers that declined to choose.
    public var refusals: Int
    /// Questions whose backend call failed (asked again on the next run).
    public var errors: Int
    /// Questions not asked yet.
    public var unanswered: Int
    /// Mean P("A") + P("B") before renormalising, over exact answers (`nil` without exact answers).
    public var meanLabelMass: Double?
    /// Smallest label mass of an exact answer.
    public var minimumLabelMass: Double?
    /// One observation per orientation of each pair with a counted answer.
    public var observations: [PairwiseObservation]

    /// Tallies `answers` to `questions`; an exact answer counts as `weight` answers split by its probabilities.
    public init(questions: [PreferenceQuestion], answers: [PreferenceAnswer], weight: Int) {
        let byOrdinal = Dictionary(answers.map { ($0.ordinal, $0) }, uniquingKeysWith: { $1 })
        var pooled: [Int: (first: Int, second: Int, a: Double, b: Double)] = [:]
        var order: [Int] = []
        var masses: [Double] = []
        var counted = 0, unparseable = 0, refusals = 0, errors = 0, unanswered = 0
        let n = (questions.map { max($0.first, $0.second) }.max() ?? 0) + 1
        for question in questions {
            guard let answer = byOrdinal[question.ordinal] else {
                unanswered += 1
                continue
            }
            var a = 0.0, b = 0.0
            switch answer.kind {
            case .exact:
                guard let p = answer.firstProbability, let q = answer.secondProbability, p.isFinite, q.isFinite else {
                    errors += 1
                    continue
                }
                a = p * Double(weight)
                b = q * Double(weight)
                if let mass = answer.labelMass { masses.append(mass) }
            case .first: a = 1
            case .second: b = 1
            case .unparseable:
                unparseable += 1
                continue
            case .refusal:
                refusals += 1
                continue
            case .error:
                errors += 1
                continue
            }
            counted += 1
            let key = question.first * n + question.second
            if pooled[key] == nil {
                pooled[key] = (question.first, question.second, 0, 0)
                order.append(key)
            }
            pooled[key]?.a += a
            pooled[key]?.b += b
        }
        self.planned = questions.count
        self.counted = counted
        self.unparseable = unparseable
        self.refusals = refusals
        self.errors = errors
        self.unanswered = unanswered
        self.meanLabelMass = masses.isEmpty ? nil : masses.reduce(0, +) / Double(masses.count)
        self.minimumLabelMass = masses.min()
        self.observations = order.sorted().compactMap { key in
            pooled[key].map { PairwiseObservation(first: $0.first, second: $0.second, firstPreferred: $0.a,
                                                  secondPreferred: $0.b) }
        }
    }
}
