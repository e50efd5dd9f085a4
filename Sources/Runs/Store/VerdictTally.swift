import Probes
import Statistics

/// Counts of a group of samples (an item, or a model × mode × value cell) by how far they got and what the
/// run's judge said.
public struct VerdictTally: Sendable, Equatable, Codable {
    /// Planned samples.
    public var planned: Int
    /// Samples with a response (including failed calls).
    public var answered: Int
    /// Responses whose backend call failed.
    public var failed: Int
    /// Verdicts of the run's judge by category (`VerdictCategory.rawValue` → count; categories with no sample are
    /// left out).
    public var byCategory: [String: Int]

    /// Creates a tally.
    public init(planned: Int, answered: Int, failed: Int, byCategory: [String: Int]) {
        self.planned = planned
        self.answered = answered
        self.failed = failed
        self.byCategory = byCategory
    }

    /// Verdicts in `category`.
    public func count(_ category: VerdictCategory) -> Int { byCategory[category.rawValue] ?? 0 }
    /// Samples with a verdict.
    public var judged: Int { byCategory.values.reduce(0, +) }
    /// Recognised or missed verdicts: the samples a rate counts.
    public var labelled: Int { count(.recognised) + count(.missed) }
    /// Recognised among labelled samples, nil without any label (never 0 for "no data").
    public var recognitionRate: Double? {
        labelled > 0 ? Double(count(.recognised)) / Double(labelled) : nil
    }

    /// The recognition rate with its Wilson interval (pooled over the labelled samples), nil without any label.
    public func recognitionInterval(confidence: Double = 0.95) -> IntervalEstimate? {
        guard labelled > 0,
              let interval = try? wilsonInterval(successes: count(.recognised), trials: labelled, confidence: confidence)
        else { return nil }
        return IntervalEstimate(wilson: interval, trials: labelled)
    }
}

/// The tally of one model × mode (× value) cell of a run.
public struct TallyCell: Sendable, Equatable, Codable {
    /// The model spec.
    public var model: String
    /// The items' mode.
    public var mode: ProbeMode
    /// The value, nil when the cell pools every value.
    public var value: String?
    /// The counts.
    public var tally: VerdictTally

    /// Creates a cell.
    public init(model: String, mode: ProbeMode, value: String?, tally: VerdictTally) {
        self.model = model
        self.mode = mode
        self.value = value
        self.tally = tally
    }
}
