/// A human word-similarity benchmark: word pairs with mean human ratings on a stated scale.
public struct SimilarityDataset: Sendable {
    /// The data set's canonical name (`simlex999`, `men` …).
    public let name: String
    /// Word pairs and their human score, in file order. Words keep the file's spelling and case.
    public let pairs: [(String, String, Double)]
    /// The rating scale the scores are on (SimLex-999 0–10, MEN 0–50, RG-65 0–4, MTurk-287 1–5 …).
    public let scale: ClosedRange<Double>
    /// The file the pairs were read from.
    public let path: String

    public init(name: String, pairs: [(String, String, Double)], scale: ClosedRange<Double>, path: String) {
        self.name = name
        self.pairs = pairs
        self.scale = scale
        self.path = path
    }

    /// Number of pairs.
    public var count: Int { pairs.count }

    /// The distinct words of all pairs, in first-appearance order.
    public var words: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for (a, b, _) in pairs {
            if seen.insert(a).inserted { out.append(a) }
            if seen.insert(b).inserted { out.append(b) }
        }
        return out
    }

    /// Scores mapped linearly from ``scale`` to 0…1.
    public var normalizedScores: [Double] {
        let span = scale.upperBound - scale.lowerBound
        return pairs.map { span > 0 ? ($0.2 - scale.lowerBound) / span : 0 }
    }
}
