import Probes

/// One scenario of one model, every form side by side (``ProbeScenario``): the recognition rate of each form
/// pooled over its paraphrases and samples (Wilson interval), keyed by form — `explicit`, `implicit` (the plain
/// request), `deliberation` and `follow-up` (the hinted requests), `control` (false alarms), `causal` (accuracy).
public struct ScenarioMetrics: Codable, Sendable, Equatable {
    /// The scenario id.
    public var scenario: String
    /// Its value.
    public var value: String
    /// Rates by form name, for the forms the run asked.
    public var forms: [String: IntervalEstimate]
    /// Labelled answers by form name.
    public var labelled: [String: Int]

    /// The form names in table order.
    public static let formOrder = ["explicit", "implicit", "deliberation", "follow-up", "control", "causal"]

    /// The forms present in any of `rows`, in table order.
    public static func forms(in rows: [ScenarioMetrics]) -> [String] {
        formOrder.filter { form in rows.contains { $0.labelled[form] != nil } }
    }

    /// The name of an item's form.
    static func form(of item: ProbeItem) -> String {
        switch item.mode {
        case .implicit: item.isHinted ? LadderMetrics.name(of: item.level ?? 0) : "implicit"
        default: item.mode.rawValue
        }
    }

    /// One row per scenario, in suite order, from the model's item metrics.
    static func rows(items: [ItemMetrics], suite: ProbeSuite) -> [ScenarioMetrics] {
        let byID = Dictionary(items.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [ScenarioMetrics] = []
        var index: [String: Int] = [:]
        for (family, item) in suite.allItems {
            guard let scenario = item.scenario, let metrics = byID[item.id] else { continue }
            let row: Int
            if let existing = index[scenario] {
                row = existing
            } else {
                row = rows.count
                index[scenario] = row
                rows.append(ScenarioMetrics(scenario: scenario, value: family.value, forms: [:], labelled: [:]))
            }
            let form = form(of: item)
            rows[row].labelled[form] = metrics.counts.labelled
            if let rate = metrics.rate { rows[row].forms[form] = rate }
        }
        return rows
    }
}
