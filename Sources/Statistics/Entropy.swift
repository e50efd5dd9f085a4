import Foundation

/// The unit of an entropy: natural log (nats) or log base 2 (bits).
public enum InformationUnit: String, Sendable, Codable, Equatable, Hashable {
    /// Natural logarithm.
    case nats
    /// Logarithm base 2.
    case bits

    /// Converts a value in nats into this unit.
    func fromNats(_ value: Double) -> Double {
        self == .nats ? value : value / M_LN2
    }
}

/// Shannon entropy −Σ p log p of the distribution given by `weights` (normalised by their sum, so counts or
/// probabilities both work). Zero weights contribute nothing.
///
/// - Returns: `nil` when the weights sum to 0 (including an empty input).
/// - Throws: `StatisticsError` when a weight is negative or not finite.
public func entropy(_ weights: [Double], unit: InformationUnit = .nats) throws(StatisticsError) -> Double? {
    try StatisticsError.checkFinite(weights, named: "weights", in: "entropy")
    if let index = weights.firstIndex(where: { $0 < 0 }) {
        throw StatisticsError(function: "entropy", reason: "weights[\(index)] (\(weights[index])) is negative")
    }
    return uncheckedEntropy(weights).map(unit.fromNats)
}

/// Discrete entropy of category counts n_c: −Σ (n_c/n) log(n_c/n).
///
/// - Returns: `nil` when all counts are 0 (including an empty input).
/// - Throws: `StatisticsError` when a count is negative.
public func discreteEntropy(counts: [Int], unit: InformationUnit = .nats) throws(StatisticsError) -> Double? {
    if let index = counts.firstIndex(where: { $0 < 0 }) {
        throw StatisticsError(function: "discreteEntropy", reason: "counts[\(index)] (\(counts[index])) is negative")
    }
    return uncheckedEntropy(counts.map(Double.init)).map(unit.fromNats)
}

/// Discrete ("semantic") entropy of a list of labels or cluster ids: the entropy of their empirical distribution
/// p̂(c) = n_c/n (`cluster_assignment_entropy`). Needs no log-probabilities.
///
/// - Returns: `nil` for an empty input.
public func discreteEntropy<Label: Hashable>(labels: [Label], unit: InformationUnit = .nats) -> Double? {
    uncheckedEntropy(labelCounts(labels).map(Double.init)).map(unit.fromNats)
}

/// Entropy in nats of non-negative finite weights, or `nil` when they sum to 0.
func uncheckedEntropy(_ weights: [Double]) -> Double? {
    var total = 0.0
    for weight in weights { total += weight }
    guard total > 0 else { return nil }
    var sum = 0.0
    for weight in weights where weight > 0 {
        let p = weight / total
        sum -= p * log(p)
    }
    return max(0, sum)
}

/// Counts of each distinct label, in order of first appearance (deterministic, unlike dictionary order).
func labelCounts<Label: Hashable>(_ labels: [Label]) -> [Int] {
    var slot: [Label: Int] = [:]
    var counts: [Int] = []
    for label in labels {
        if let index = slot[label] {
            counts[index] += 1
        } else {
            slot[label] = counts.count
            counts.append(1)
        }
    }
    return counts
}
