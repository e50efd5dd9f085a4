/// The answers to one ordered presentation of a pair of outcomes: `first` was shown as option A, `second` as
/// option B, and the model chose each of them this many times.
///
/// Counts are `Double` so that a caller can also pass probability mass (for example exact option probabilities
/// from an engine, times the number of samples they stand for). Unparseable answers and refusals are not counted
/// here: the caller keeps them apart and reports them beside the fit.
public struct PairwiseObservation: Sendable, Codable, Equatable, Hashable {
    /// The outcome shown first (option A), in `0 ..< outcomeCount`.
    public var first: Int
    /// The outcome shown second (option B), in `0 ..< outcomeCount`, different from `first`.
    public var second: Int
    /// How often (or how much probability mass) the model preferred `first`.
    public var firstPreferred: Double
    /// How often (or how much probability mass) the model preferred `second`.
    public var secondPreferred: Double

    /// Creates an observation; it is checked when a ``PairwisePreferenceData`` is built from it.
    public init(first: Int, second: Int, firstPreferred: Double, secondPreferred: Double) {
        self.first = first
        self.second = second
        self.firstPreferred = firstPreferred
        self.secondPreferred = secondPreferred
    }
}

/// Pairwise preference data over outcomes `0 ..< outcomeCount`, checked and pooled into edges.
///
/// Observations of the same pair are pooled whatever their order of presentation (both orientations count towards
/// one edge), but each edge keeps the counts per orientation for order-consistency measures. A pair whose
/// observations all have zero counts (every answer unparseable) is not an edge.
public struct PairwisePreferenceData: Sendable, Codable, Equatable, Hashable {
    /// Number of outcomes; outcome indices run over `0 ..< outcomeCount`.
    public let outcomeCount: Int
    /// One edge per pair with at least some counted answer, ordered by (`a`, `b`) with `a < b`.
    public let edges: [PreferenceEdge]

    /// Checks and pools the observations.
    /// - Throws: ``StatisticsError`` when there are fewer than 2 outcomes, no observation, an outcome index out of
    ///   range, a pair of an outcome with itself, a negative or non-finite count, or no counted answer at all.
    public init(outcomeCount: Int, observations: [PairwiseObservation]) throws(StatisticsError) {
        let function = "PairwisePreferenceData"
        guard outcomeCount >= 2 else {
            throw StatisticsError(function: function, reason: "outcomeCount (\(outcomeCount)) must be at least 2")
        }
        guard !observations.isEmpty else {
            throw StatisticsError(function: function, reason: "no observations")
        }
        var pooled: [PairKey: PreferenceEdge] = [:]
        for (index, observation) in observations.enumerated() {
            let place = "observation \(index) (\(observation.first) vs \(observation.second))"
            for outcome in [observation.first, observation.second] where !(0..<outcomeCount).contains(outcome) {
                throw StatisticsError(
                    function: function, reason: "\(place): outcome \(outcome) outside 0..<\(outcomeCount)")
            }
            guard observation.first != observation.second else {
                throw StatisticsError(function: function, reason: "\(place): an outcome compared with itself")
            }
            for (name, count) in [("firstPreferred", observation.firstPreferred),
                                  ("secondPreferred", observation.secondPreferred)] {
                guard count.isFinite, count >= 0 else {
                    throw StatisticsError(
                        function: function, reason: "\(place): \(name) (\(count)) must be finite and not negative")
                }
            }
            let a = min(observation.first, observation.second)
            let b = max(observation.first, observation.second)
            var edge = pooled[PairKey(a: a, b: b)] ?? PreferenceEdge(a: a, b: b)
            if observation.first == a {
                edge.aPreferredWhenAFirst += observation.firstPreferred
                edge.bPreferredWhenAFirst += observation.secondPreferred
            } else {
                edge.bPreferredWhenBFirst += observation.firstPreferred
                edge.aPreferredWhenBFirst += observation.secondPreferred
            }
            pooled[PairKey(a: a, b: b)] = edge
        }
        let edges = pooled.values.filter { $0.total > 0 }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        guard !edges.isEmpty else {
            throw StatisticsError(function: function, reason: "no observation has a counted answer (all counts are 0)")
        }
        self.outcomeCount = outcomeCount
        self.edges = edges
    }

    /// Builds data directly from already pooled edges (used for training splits and bootstrap samples).
    init(outcomeCount: Int, checkedEdges: [PreferenceEdge]) {
        self.outcomeCount = outcomeCount
        self.edges = checkedEdges
    }

    /// Total counted answers (or probability mass) per outcome, over all its edges.
    public var comparisonsPerOutcome: [Double] {
        var totals = [Double](repeating: 0, count: outcomeCount)
        for edge in edges {
            totals[edge.a] += edge.total
            totals[edge.b] += edge.total
        }
        return totals
    }

    /// The outcomes that appear in no edge.
    public var uncomparedOutcomes: [Int] {
        var seen = [Bool](repeating: false, count: outcomeCount)
        for edge in edges {
            seen[edge.a] = true
            seen[edge.b] = true
        }
        return (0..<outcomeCount).filter { !seen[$0] }
    }

    /// The connected components of the comparison graph (each sorted, ordered by their smallest outcome).
    public var components: [[Int]] {
        var forest = UnionFind(count: outcomeCount)
        for edge in edges { forest.union(edge.a, edge.b) }
        var groups: [Int: [Int]] = [:]
        for outcome in 0..<outcomeCount { groups[forest.find(outcome), default: []].append(outcome) }
        return groups.values.sorted { $0[0] < $1[0] }
    }
}

private struct PairKey: Hashable {
    var a: Int
    var b: Int
}
