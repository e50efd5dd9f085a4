import Probes
import Statistics

/// Several judges on the same responses (`valueprobe run --judge A --judge B …`) and the repeat-consistency check
/// (`--judge-consistency N`): what `summary.json` holds under `judge_panel`.
///
/// - ``headlines``: every judge's headline rates per model, side by side (the primary judge's are the run's own);
/// - ``agreement``: per mode and over all modes, Krippendorff's α (nominal, bootstrap interval) and pairwise
///   Cohen's κ on the samples every judge judged (``PanelAgreement``), when there are at least two judges;
/// - ``consistency``: per seeded judge, the share of verdicts that stayed the same when asked again with the same
///   seed and with another seed (``JudgeConsistency``).
public struct JudgePanel: Codable, Sendable, Equatable {
    /// The judges, the primary one (whose verdicts feed the headline) first, the others in the order given.
    public var judges: [String]
    /// Per judge (in ``judges`` order), per model.
    public var headlines: [JudgeHeadline]
    /// Per mode in ``ProbeMode`` order, then all modes together (`mode` null); empty with one judge.
    public var agreement: [PanelAgreement]
    /// Per judge and repeat kind; empty when the check was not run.
    public var consistency: [JudgeConsistency]

    /// Creates a panel from its parts.
    public init(judges: [String], headlines: [JudgeHeadline], agreement: [PanelAgreement],
                consistency: [JudgeConsistency]) {
        self.judges = judges
        self.headlines = headlines
        self.agreement = agreement
        self.consistency = consistency
    }

    /// The agreement figures over every mode together.
    public var overallAgreement: PanelAgreement? { agreement.first { $0.mode == nil } }

    /// The panel of a run, or nil when `otherVerdicts` is empty (one judge, no consistency check).
    ///
    /// - Parameters:
    ///   - samples: every planned sample with the primary judge's verdict (what ``RunMetrics`` summarised).
    ///   - otherVerdicts: the verdicts of every other stored judge name, the repeat names (``JudgeRepeat``)
    ///     included, keyed by judge name.
    ///   - judgeOrder: the configured judges, primary first; judges found only in the store follow, sorted.
    ///   - summary: the run's summary (its context and headline give the primary judge's figures).
    public static func compute(
        samples: [JudgedSample], otherVerdicts: [String: [Verdict]], judgeOrder: [String], suite: ProbeSuite,
        summary: RunSummary
    ) throws(MetricsError) -> JudgePanel? {
        guard !otherVerdicts.isEmpty else { return nil }
        let primary = summary.context.judge
        var repeats: [(spec: String, kind: JudgeRepeat, verdicts: [Verdict])] = []
        var others: [String: [Verdict]] = [:]
        for (name, verdicts) in otherVerdicts where name != primary {
            if let parsed = JudgeRepeat.parse(storedJudge: name) {
                repeats.append((parsed.spec, parsed.repeat, verdicts))
            } else {
                others[name] = verdicts
            }
        }
        var judges = [primary]
        for name in judgeOrder where others[name] != nil && !judges.contains(name) { judges.append(name) }
        for name in others.keys.sorted() where !judges.contains(name) { judges.append(name) }

        // Verdicts per judge, keyed by sample key.
        var byJudge: [String: [String: Verdict]] = [:]
        byJudge[primary] = Dictionary(samples.compactMap { $0.verdict.map { ($0.sampleKey, $0) } },
                                      uniquingKeysWith: { first, _ in first })
        for (name, verdicts) in others {
            byJudge[name] = Dictionary(verdicts.map { ($0.sampleKey, $0) }, uniquingKeysWith: { first, _ in first })
        }

        var headlines: [JudgeHeadline] = []
        for judge in judges {
            let verdicts = byJudge[judge] ?? [:]
            let own = samples.map { JudgedSample(sample: $0.sample, response: $0.response, verdict: verdicts[$0.sample.key]) }
            let judgeSummary: RunSummary
            if judge == primary {
                judgeSummary = summary
            } else {
                var context = summary.context
                context.judge = judge
                judgeSummary = try RunMetrics.compute(samples: own, suite: suite, context: context, options: summary.options)
            }
            for model in judgeSummary.models {
                let modelSamples = own.filter { $0.sample.model == model.model }
                let modes = ProbeMode.allCases.compactMap { mode -> JudgeHeadline.ModeCounts? in
                    let ofMode = modelSamples.filter { $0.sample.mode == mode }
                    guard !ofMode.isEmpty else { return nil }
                    var counts = CategoryCounts()
                    for sample in ofMode { counts.add(sample.verdict?.category) }
                    return JudgeHeadline.ModeCounts(mode: mode, counts: counts)
                }
                var headline = model.headline
                headline.corrected = nil
                headlines.append(JudgeHeadline(judge: judge, model: model.model, headline: headline, modes: modes))
            }
        }

        var agreement: [PanelAgreement] = []
        if judges.count >= 2 {
            let modes: [ProbeMode?] = ProbeMode.allCases.map { $0 } + [nil]
            for mode in modes {
                let chosen = samples.filter { mode == nil || $0.sample.mode == mode }
                if mode != nil && chosen.isEmpty { continue }
                agreement.append(try panelAgreement(mode: mode, samples: chosen, judges: judges, byJudge: byJudge,
                                                    options: summary.options))
            }
        }

        var consistency: [JudgeConsistency] = []
        let repeatOrder = repeats.sorted {
            let left = judges.firstIndex(of: $0.spec) ?? Int.max, right = judges.firstIndex(of: $1.spec) ?? Int.max
            let leftKind = JudgeRepeat.allCases.firstIndex(of: $0.kind) ?? 0
            let rightKind = JudgeRepeat.allCases.firstIndex(of: $1.kind) ?? 0
            return (left, $0.spec, leftKind) < (right, $1.spec, rightKind)
        }
        for entry in repeatOrder {
            let original = byJudge[entry.spec] ?? [:]
            var units = 0, agreeing = 0
            for verdict in entry.verdicts {
                guard let first = original[verdict.sampleKey] else { continue }
                units += 1
                if first.category == verdict.category { agreeing += 1 }
            }
            let interval: IntervalEstimate?
            do {
                interval = try wilsonInterval(successes: agreeing, trials: units, confidence: summary.options.confidence)
                    .map { IntervalEstimate(wilson: $0, trials: units) }
            } catch {
                throw MetricsError("consistency of \(entry.spec): \(error.description)")
            }
            consistency.append(JudgeConsistency(judge: entry.spec, repeatKind: entry.kind, samples: units,
                                                agreeing: agreeing, share: interval))
        }
        return JudgePanel(judges: judges, headlines: headlines, agreement: agreement, consistency: consistency)
    }

    /// α and pairwise κ on the samples every judge judged (failed answers left out).
    static func panelAgreement(
        mode: ProbeMode?, samples: [JudgedSample], judges: [String], byJudge: [String: [String: Verdict]],
        options: MetricOptions
    ) throws(MetricsError) -> PanelAgreement {
        var rows: [[VerdictCategory]] = judges.map { _ in [] }
        for sample in samples {
            let categories = judges.compactMap { byJudge[$0]?[sample.sample.key]?.category }
            guard categories.count == judges.count, !categories.contains(.error) else { continue }
            for (index, category) in categories.enumerated() { rows[index].append(category) }
        }
        do {
            return try PanelAgreement.measure(
                judges: judges, mode: mode, categories: rows, replicates: options.bootstrapReplicates,
                seed: StatisticSeed.seed(base: options.seed, label: "alpha|" + (mode?.rawValue ?? "*")),
                confidence: options.confidence)
        } catch {
            throw MetricsError("judge agreement (\(mode?.rawValue ?? "all modes")): \(error.description)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case judges, headlines, agreement, consistency
    }
}
