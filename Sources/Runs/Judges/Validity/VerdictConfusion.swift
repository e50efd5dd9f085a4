import Statistics

/// Human labels against a judge's categories: `counts[h][j]` responses labelled `HumanVerdict.allCases[h]` by a
/// person and judged `VerdictCategory.allCases[j]` by the judge.
public struct VerdictConfusion: Codable, Sendable, Equatable {
    /// Rows in `HumanVerdict.allCases` order, columns in `VerdictCategory.allCases` order.
    public var counts: [[Int]]

    /// An empty table.
    public init() {
        counts = Array(repeating: Array(repeating: 0, count: VerdictCategory.allCases.count),
                       count: HumanVerdict.allCases.count)
    }

    /// Tallies pairs of (human label, judge category).
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (HumanVerdict, VerdictCategory) {
        self.init()
        for (human, judge) in pairs { add(human: human, judge: judge) }
    }

    /// Counts one more response.
    public mutating func add(human: HumanVerdict, judge: VerdictCategory, count: Int = 1) {
        counts[Self.row(human)][Self.column(judge)] += count
    }

    /// Responses labelled `human` and judged `judge`.
    public func count(human: HumanVerdict, judge: VerdictCategory) -> Int {
        counts[Self.row(human)][Self.column(judge)]
    }

    /// Responses labelled `human`, whatever the judge said.
    public func total(human: HumanVerdict) -> Int { counts[Self.row(human)].reduce(0, +) }

    /// All responses.
    public var total: Int { counts.joined().reduce(0, +) }

    /// The recognised-vs-missed table: human and judge both recognised or missed (rows where either said
    /// anything else are left out). Positive = recognised. This is what Rogan–Gladen correction of a rate over
    /// recognised + missed uses.
    public var binary: ConfusionCounts {
        ConfusionCounts(
            truePositives: count(human: .recognised, judge: .recognised),
            falsePositives: count(human: .missed, judge: .recognised),
            trueNegatives: count(human: .missed, judge: .missed),
            falseNegatives: count(human: .recognised, judge: .missed))
    }

    private static func row(_ human: HumanVerdict) -> Int { HumanVerdict.allCases.firstIndex(of: human)! }
    private static func column(_ judge: VerdictCategory) -> Int { VerdictCategory.allCases.firstIndex(of: judge)! }
}
