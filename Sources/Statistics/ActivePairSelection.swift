/// A pair of outcomes proposed for the next round of comparisons.
public struct ProposedPair: Sendable, Codable, Equatable, Hashable {
    /// The smaller outcome index.
    public var a: Int
    /// The larger outcome index.
    public var b: Int
    /// P(a ≻ b) under the model that proposed the pair.
    public var predictedPreference: Double
    /// Answers already counted for the pair (0 for a pair never asked).
    public var answersSoFar: Double
}

/// Active edge selection: the pairs whose preference the current model is least sure about.
///
/// Every pair a < b is scored by |P(a ≻ b) − ½| under `model` (smallest first: the model predicts close to a
/// coin flip, so an answer there tells the most about the utilities), ties broken by fewer answers so far, then
/// by (a, b). With `unaskedOnly`, pairs that already have answers in `data` are left out. At most `perOutcome`
/// proposed pairs touch any one outcome, so that one outcome in the middle of the scale does not take the whole
/// round. This is a simpler rule than the paper's (which samples candidate edges and mixes in low-degree
/// outcomes); it is deterministic.
///
/// - Throws: ``StatisticsError`` when `count` or `perOutcome` < 1, or `data` has a different number of outcomes
///   from the model.
public func proposeUncertainPairs(
    model: ThurstonianModel, data: PairwisePreferenceData?, count: Int, perOutcome: Int = .max,
    unaskedOnly: Bool = true
) throws(StatisticsError) -> [ProposedPair] {
    let function = "proposeUncertainPairs"
    guard count >= 1 else { throw StatisticsError(function: function, reason: "count (\(count)) must be at least 1") }
    guard perOutcome >= 1 else {
        throw StatisticsError(function: function, reason: "perOutcome (\(perOutcome)) must be at least 1")
    }
    let n = model.outcomeCount
    if let data, data.outcomeCount != n {
        throw StatisticsError(
            function: function, reason: "data has \(data.outcomeCount) outcomes but the model \(n)")
    }
    var asked: [Int: Double] = [:]
    for edge in data?.edges ?? [] { asked[edge.a * n + edge.b] = edge.total }
    var candidates: [ProposedPair] = []
    for a in 0..<n {
        for b in (a + 1)..<max(a + 1, n) {
            let answers = asked[a * n + b] ?? 0
            if unaskedOnly && answers > 0 { continue }
            candidates.append(ProposedPair(
                a: a, b: b, predictedPreference: normalCDF(model.standardizedDifference(a, b)), answersSoFar: answers))
        }
    }
    candidates.sort {
        let u = abs($0.predictedPreference - 0.5), v = abs($1.predictedPreference - 0.5)
        if u != v { return u < v }
        if $0.answersSoFar != $1.answersSoFar { return $0.answersSoFar < $1.answersSoFar }
        return ($0.a, $0.b) < ($1.a, $1.b)
    }
    var degree = [Int](repeating: 0, count: n)
    var chosen: [ProposedPair] = []
    for pair in candidates where chosen.count < count {
        guard degree[pair.a] < perOutcome, degree[pair.b] < perOutcome else { continue }
        degree[pair.a] += 1
        degree[pair.b] += 1
        chosen.append(pair)
    }
    return chosen
}
