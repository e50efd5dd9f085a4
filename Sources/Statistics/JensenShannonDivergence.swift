import Foundation

/// The generalised Jensen–Shannon divergence of several distributions.
public struct JensenShannonDivergence: Sendable, Codable, Equatable, Hashable {
    /// JSD = H(mean_z p_z) − mean_z H(p_z), in bits.
    public var bits: Double
    /// JSD / log₂(number of distributions), in [0, 1]; `nil` for a single distribution.
    public var normalized: Double?

    /// Creates a result from its parts, as stored.
    public init(bits: Double, normalized: Double?) {
        self.bits = bits
        self.normalized = normalized
    }
}

/// The generalised Jensen–Shannon divergence, with equal weights, of distributions over the same K outcomes
/// (e.g. action likelihoods p(A | z(x)) under each question form z): the entropy of the mean distribution minus
/// the mean entropy, in bits, and normalised by log₂|Z|. 1 − normalised JSD is a consistency score.
///
/// Each distribution is normalised by its sum first, so counts work as well as probabilities.
/// - Returns: `nil` when there is no distribution.
/// - Throws: `StatisticsError` when the distributions differ in length, a weight is negative or not finite, or a
///   distribution sums to 0.
public func jensenShannonDivergence(_ distributions: [[Double]]) throws(StatisticsError) -> JensenShannonDivergence? {
    let function = "jensenShannonDivergence"
    guard let width = distributions.first?.count else { return nil }
    var normalised: [[Double]] = []
    for (index, distribution) in distributions.enumerated() {
        guard distribution.count == width else {
            throw StatisticsError(function: function, reason: "distribution \(index) has \(distribution.count) outcomes but distribution 0 has \(width)")
        }
        try StatisticsError.checkFinite(distribution, named: "distribution \(index) weight", in: function)
        guard !distribution.contains(where: { $0 < 0 }) else {
            throw StatisticsError(function: function, reason: "distribution \(index) has a negative weight")
        }
        let total = distribution.reduce(0, +)
        guard total > 0 else {
            throw StatisticsError(function: function, reason: "distribution \(index) sums to 0")
        }
        normalised.append(distribution.map { $0 / total })
    }
    let count = Double(normalised.count)
    var mixture = [Double](repeating: 0, count: width)
    var meanEntropy = 0.0
    for distribution in normalised {
        for (index, p) in distribution.enumerated() { mixture[index] += p / count }
        meanEntropy += (uncheckedEntropy(distribution) ?? 0) / count
    }
    let nats = max(0, (uncheckedEntropy(mixture) ?? 0) - meanEntropy)
    let bits = nats / M_LN2
    let normalized = normalised.count > 1 ? min(1, bits / log2(count)) : nil
    return JensenShannonDivergence(bits: bits, normalized: normalized)
}
