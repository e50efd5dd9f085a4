/// Counts of a binary classifier (e.g. an LLM judge) against reference labels (e.g. human labels).
public struct ConfusionCounts: Sendable, Codable, Equatable, Hashable {
    /// Predicted positive, truly positive.
    public var truePositives: Int
    /// Predicted positive, truly negative.
    public var falsePositives: Int
    /// Predicted negative, truly negative.
    public var trueNegatives: Int
    /// Predicted negative, truly positive.
    public var falseNegatives: Int

    /// Creates counts as given.
    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Tallies predictions against the truth; `predicted[i]` and `actual[i]` belong to unit i.
    /// - Throws: `StatisticsError` when the arrays differ in length.
    public init(predicted: [Bool], actual: [Bool]) throws(StatisticsError) {
        guard predicted.count == actual.count else {
            throw StatisticsError(function: "ConfusionCounts", reason: "predicted has \(predicted.count) labels but actual has \(actual.count)")
        }
        var counts = ConfusionCounts(truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0)
        for (p, a) in zip(predicted, actual) {
            switch (p, a) {
            case (true, true): counts.truePositives += 1
            case (true, false): counts.falsePositives += 1
            case (false, false): counts.trueNegatives += 1
            case (false, true): counts.falseNegatives += 1
            }
        }
        self = counts
    }

    /// All units.
    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
    /// Sensitivity (recall) TP/(TP + FN); `nil` without positives.
    public var sensitivity: Double? { ratio(truePositives, truePositives + falseNegatives) }
    /// Specificity TN/(TN + FP) = P(no flag | not at risk); `nil` without negatives.
    public var specificity: Double? { ratio(trueNegatives, trueNegatives + falsePositives) }
    /// Precision TP/(TP + FP); `nil` without predicted positives.
    public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
    /// Accuracy (TP + TN)/total; `nil` when empty.
    public var accuracy: Double? { ratio(truePositives + trueNegatives, total) }
    /// F1 = 2TP/(2TP + FP + FN); `nil` when there is neither a positive nor a predicted positive.
    public var f1: Double? { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
