import Probes
import Statistics

/// The hint ladder of one model (``HintLevel``): recognition at each level, the gain from each level to the next
/// within scenarios, and the level at which the model starts to notice.
///
/// Built from the items that carry a level (the suite has a `ladder`): level 0 the plain requests, 1 the requests
/// with a deliberation prompt, 2 the follow-up question after the model's own answer, 3 the explicit twins. Each
/// level's rate is the mean of its item rates with a hierarchical bootstrap interval (as ``ModeMetrics``); each
/// step is a within-scenario difference (level k+1 − level k) with the scenario-level t interval and stratified
/// permutation test of the gap (``GapMetrics``). The onset is the lowest level whose rate reaches ½.
public struct LadderMetrics: Codable, Sendable, Equatable {
    /// One rung.
    public struct Level: Codable, Sendable, Equatable {
        /// The level number (0–3 for the built-in ladder).
        public var level: Int
        /// "request", "deliberation", "follow-up", "explicit" (or "level N").
        public var name: String
        /// Recognition at this level.
        public var metrics: ModeMetrics
        /// The gain over the level below within scenarios (nil for the first level).
        public var step: GapMetrics?
    }

    /// The levels, lowest first.
    public var levels: [Level]
    /// The lowest level whose recognition rate is at least ½; nil when none is.
    public var onset: Int?

    /// Where the model starts to notice, as one ASCII sentence for every report: "onset: starts to notice at
    /// level 2 (follow-up), the lowest level with recognition of 50% or more".
    public var onsetSentence: String {
        guard let onset else { return "onset: recognition stays below 50% at every level" }
        let name = Self.name(of: onset)
        return onset == levels.first?.level
            ? "onset: notices at the plain request already (level \(onset), \(name): recognition of 50% or more)"
            : "onset: starts to notice at level \(onset) (\(name)), the lowest level with recognition of 50% or more"
    }

    /// The name of a level: ``HintLevel/name`` or "level N".
    public static func name(of level: Int) -> String { HintLevel(rawValue: level)?.name ?? "level \(level)" }

    /// The ladder of the observations that carry a level; nil when none does.
    static func compute(_ observations: [ItemObservations], model: String, value: String, options: MetricOptions)
        throws(StatisticsError) -> LadderMetrics?
    {
        let leveled = observations.filter { $0.item.level != nil && $0.item.scenario != nil }
        let numbers = Set(leveled.compactMap(\.item.level)).sorted()
        guard numbers.count >= 2 else { return nil }
        var levels: [Level] = []
        for (index, number) in numbers.enumerated() {
            let own = leveled.filter { $0.item.level == number }
            let metrics = try RunMetrics.modeMetrics(
                own, mode: own.first?.item.mode ?? .implicit, seedLabel: "ladder|\(model)|\(value)|\(number)",
                options: options, corrector: nil)
            var step: GapMetrics?
            if index > 0 {
                let below = leveled.filter { $0.item.level == numbers[index - 1] }
                var analysis = GapAnalysis()
                analysis.scenarios = scenarioPairs(upper: own, lower: below)
                analysis.pairs = analysis.scenarios.count
                step = try analysis.metrics(
                    differenceOfMeans: RunMetrics.difference(metrics.rate, levels.last?.metrics.rate),
                    options: options, seedLabel: "ladder-step|\(model)|\(value)|\(number)")
            }
            levels.append(Level(level: number, name: name(of: number), metrics: metrics, step: step))
        }
        let onset = levels.first { ($0.metrics.rate?.estimate ?? 0) >= 0.5 }?.level
        return LadderMetrics(levels: levels, onset: onset)
    }

    /// Per scenario present at both levels: the upper level's labels against the lower level's.
    private static func scenarioPairs(upper: [ItemObservations], lower: [ItemObservations]) -> [ScenarioOutcomes] {
        var lowerLabels: [String: [Bool]] = [:]
        for observation in lower { lowerLabels[observation.item.scenario ?? "", default: []] += observation.labels }
        var order: [String] = [], upperLabels: [String: [Bool]] = [:]
        for observation in upper {
            let scenario = observation.item.scenario ?? ""
            if upperLabels[scenario] == nil { order.append(scenario) }
            upperLabels[scenario, default: []] += observation.labels
        }
        return order.compactMap { scenario in
            guard let first = upperLabels[scenario], let second = lowerLabels[scenario] else { return nil }
            return ScenarioOutcomes(first: first, second: second)
        }
    }
}
