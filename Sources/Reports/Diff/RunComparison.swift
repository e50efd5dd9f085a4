import Foundation
import Probes
import Runs
import Statistics

/// A paired comparison of two runs over the items they share: per value and overall, per measure (recognition,
/// explicit, implicit, false alarms, causal), Δ = A − B of mean item rates with a paired bootstrap interval and
/// McNemar's test on item majorities.
///
/// Pairing is by item: an item enters a row when both runs have at least one labelled (recognised or missed)
/// sample of it for the compared models. An item's rate is recognised / labelled over all its paraphrases and
/// samples; unparseable, refused and failed samples never count. The interval resamples items with replacement
/// (``pairedClusterBootstrap``, each item a cluster of its A and B rates), seeded per row with
/// ``StatisticSeed`` label `diff|VALUE|MEASURE` (VALUE `*` for all values). McNemar counts b = items recognised
/// (majority > ½) in A and missed (< ½) in B, c the reverse; items with a tied majority in either run are left out.
public struct RunComparison: Codable, Sendable, Equatable {
    /// One side of the comparison.
    public struct Side: Codable, Sendable, Equatable {
        public var runID: String
        public var model: String
        public var suiteID: String
        public var suiteHash: String
        /// Items of this side with labelled samples.
        public var labelledItems: Int

        /// Creates a side.
        public init(runID: String, model: String, suiteID: String, suiteHash: String, labelledItems: Int) {
            self.runID = runID
            self.model = model
            self.suiteID = suiteID
            self.suiteHash = suiteHash
            self.labelledItems = labelledItems
        }

        enum CodingKeys: String, CodingKey {
            case runID = "run_id"
            case model
            case suiteID = "suite_id"
            case suiteHash = "suite_hash"
            case labelledItems = "labelled_items"
        }
    }

    public var a: Side
    public var b: Side
    /// Bootstrap replicates, seed and confidence used.
    public var options: MetricOptions
    /// Items labelled in both runs.
    public var sharedItems: Int
    /// Rows: per value (suite order) each measure with shared items, then all values together (value nil).
    public var rows: [ComparisonRow]
    /// Things the reader should know (different suites, unpaired items).
    public var warnings: [String]

    /// Creates a comparison from its parts.
    public init(a: Side, b: Side, options: MetricOptions, sharedItems: Int, rows: [ComparisonRow], warnings: [String]) {
        self.a = a
        self.b = b
        self.options = options
        self.sharedItems = sharedItems
        self.rows = rows
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case a, b, options
        case sharedItems = "shared_items"
        case rows, warnings
    }

    /// The row of `value` (nil = all values) and `measure`, if any.
    public func row(value: String?, measure: ComparisonMeasure) -> ComparisonRow? {
        rows.first { $0.value == value && $0.measure == measure }
    }

    /// An item's labelled counts for one model of one run.
    struct ItemRate {
        var value: String
        var mode: ProbeMode
        var recognised = 0
        var labelled = 0
        var rate: Double { Double(recognised) / Double(labelled) }
        /// True above ½, false below, nil at ½.
        var majority: Bool? { rate > 0.5 ? true : (rate < 0.5 ? false : nil) }
    }

    static func itemRates(_ samples: [JudgedSample], model: String) -> [String: ItemRate] {
        var rates: [String: ItemRate] = [:]
        for judged in samples where judged.sample.model == model {
            guard let label = judged.verdict?.label else { continue }
            let sample = judged.sample
            var entry = rates[sample.itemID] ?? ItemRate(value: sample.value, mode: sample.mode)
            entry.labelled += 1
            if label { entry.recognised += 1 }
            rates[sample.itemID] = entry
        }
        return rates
    }

    /// Compares model `modelA`'s samples in run A with model `modelB`'s in run B.
    /// - Parameters:
    ///   - itemOrder: item ids in the order rows should follow (usually suite A's order); values appear in the
    ///     order of their first item, items not listed come after, sorted.
    ///   - hinted: ids of hinted items (hint-ladder levels above 0), left out as in the run summary: the implicit
    ///     measure compares the plain requests.
    /// - Throws: ``MetricsError`` for unusable options.
    public static func compare(
        a samplesA: [JudgedSample], modelA: String, runA: String = "", suiteA: SuiteIdentity? = nil,
        b samplesB: [JudgedSample], modelB: String, runB: String = "", suiteB: SuiteIdentity? = nil,
        itemOrder: [String] = [], hinted: Set<String> = [], options: MetricOptions = MetricOptions()
    ) throws(MetricsError) -> RunComparison {
        try options.validate()
        let ratesA = itemRates(samplesA, model: modelA).filter { !hinted.contains($0.key) }
        let ratesB = itemRates(samplesB, model: modelB).filter { !hinted.contains($0.key) }
        var warnings: [String] = []
        if let suiteA, let suiteB, suiteA.hash != suiteB.hash {
            warnings.append("the runs used different suites (\(suiteA.id) \(suiteA.hash.prefix(12)), \(suiteB.id) \(suiteB.hash.prefix(12))); items are paired by id")
        }
        var shared: [String] = []
        let position = Dictionary(itemOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ratesA.keys.sorted(by: { (position[$0] ?? Int.max, $0) < (position[$1] ?? Int.max, $1) }) {
            guard let left = ratesA[id], let right = ratesB[id] else { continue }
            if left.mode != right.mode || left.value != right.value {
                warnings.append("item '\(id)' is \(left.value)/\(left.mode.rawValue) in run A but \(right.value)/\(right.mode.rawValue) in run B; left out")
                continue
            }
            shared.append(id)
        }
        let onlyA = ratesA.keys.filter { ratesB[$0] == nil }.count
        let onlyB = ratesB.keys.filter { ratesA[$0] == nil }.count
        if onlyA > 0 || onlyB > 0 {
            warnings.append("\(onlyA) item\(onlyA == 1 ? "" : "s") labelled only in run A and \(onlyB) only in run B are not compared")
        }

        var values: [String] = []
        for id in shared {
            if let value = ratesA[id]?.value, !values.contains(value) { values.append(value) }
        }

        var rows: [ComparisonRow] = []
        do {
            for value in values + [nil] as [String?] {
                for measure in ComparisonMeasure.allCases {
                    let ids = shared.filter { id in
                        guard let rate = ratesA[id] else { return false }
                        return measure.modes.contains(rate.mode) && (value == nil || rate.value == value)
                    }
                    guard !ids.isEmpty else { continue }
                    let pairs = ids.compactMap { id -> (ItemRate, ItemRate)? in
                        guard let left = ratesA[id], let right = ratesB[id] else { return nil }
                        return (left, right)
                    }
                    rows.append(try row(value: value, measure: measure, pairs: pairs, options: options))
                }
            }
        } catch {
            throw MetricsError("comparing \(modelA) with \(modelB): \(error.description)")
        }
        return RunComparison(
            a: Side(runID: runA, model: modelA, suiteID: suiteA?.id ?? "", suiteHash: suiteA?.hash ?? "", labelledItems: ratesA.count),
            b: Side(runID: runB, model: modelB, suiteID: suiteB?.id ?? "", suiteHash: suiteB?.hash ?? "", labelledItems: ratesB.count),
            options: options, sharedItems: shared.count, rows: rows, warnings: warnings)
    }

    static func row(value: String?, measure: ComparisonMeasure, pairs: [(ItemRate, ItemRate)],
                    options: MetricOptions) throws(StatisticsError) -> ComparisonRow {
        let clusters = pairs.map { PairedCluster(first: $0.0.rate, second: $0.1.rate) }
        let label = "diff|\(value ?? "*")|\(measure.rawValue)"
        let seed = StatisticSeed.seed(base: options.seed, label: label)
        let count = Double(pairs.count)
        let meanA = pairs.reduce(0) { $0 + $1.0.rate } / count
        let meanB = pairs.reduce(0) { $0 + $1.1.rate } / count
        let delta: IntervalEstimate
        if let result = try pairedClusterBootstrap(clusters, replicates: options.bootstrapReplicates, seed: seed,
                                                   confidence: options.confidence) {
            delta = IntervalEstimate(bootstrap: result, method: .pairedBootstrap)
        } else {
            delta = IntervalEstimate(estimate: meanA - meanB, lower: meanA - meanB, upper: meanA - meanB,
                                     confidence: options.confidence, method: .pairedBootstrap, units: pairs.count)
        }
        var first: [Bool] = []
        var second: [Bool] = []
        var tied = 0
        for (left, right) in pairs {
            guard let x = left.majority, let y = right.majority else {
                tied += 1
                continue
            }
            first.append(x)
            second.append(y)
        }
        let mcnemar = first.isEmpty ? nil : McNemarSummary(try mcnemarTest(first: first, second: second), pairs: first.count)
        return ComparisonRow(value: value, measure: measure, items: pairs.count, rateA: meanA, rateB: meanB,
                             delta: delta, mcnemar: mcnemar, tiedItems: tied)
    }

    /// Loads two stored runs and compares them.
    ///
    /// Models: `modelA`/`modelB` when given; otherwise, when each run has one model, those two; otherwise the
    /// first model the runs have in common (the same spec).
    /// - Throws: ``MetricsError`` when the models cannot be matched or are not in their runs; store errors.
    public static func load(a: RunStoreDataSource, b: RunStoreDataSource, modelA: String? = nil, modelB: String? = nil,
                            options: MetricOptions = MetricOptions()) throws -> RunComparison {
        guard let manifestA = try a.store.manifest(run: a.runID) else { throw RunStoreError.unknownRun(id: a.runID) }
        guard let manifestB = try b.store.manifest(run: b.runID) else { throw RunStoreError.unknownRun(id: b.runID) }
        let (left, right) = try matchModels(manifestA.configuration.models, manifestB.configuration.models,
                                            modelA: modelA, modelB: modelB)
        let itemsA = (try? a.suite().allItems.map(\.item)) ?? []
        let itemsB = (try? b.suite().allItems.map(\.item)) ?? []
        return try compare(a: try a.samples(), modelA: left, runA: a.runID, suiteA: manifestA.suite,
                           b: try b.samples(), modelB: right, runB: b.runID, suiteB: manifestB.suite,
                           itemOrder: itemsA.map(\.id), hinted: Set((itemsA + itemsB).filter(\.isHinted).map(\.id)),
                           options: options)
    }

    /// Which model of run A to compare with which of run B (rules in ``load(a:b:modelA:modelB:options:)``).
    public static func matchModels(_ modelsA: [String], _ modelsB: [String], modelA: String?, modelB: String?)
        throws(MetricsError) -> (String, String)
    {
        if let modelA, !modelsA.contains(modelA) {
            throw MetricsError("model '\(modelA)' is not in run A (it has \(modelsA.joined(separator: ", ")))")
        }
        if let modelB, !modelsB.contains(modelB) {
            throw MetricsError("model '\(modelB)' is not in run B (it has \(modelsB.joined(separator: ", ")))")
        }
        if let modelA, let modelB { return (modelA, modelB) }
        if let modelA {
            if modelsB.count == 1 { return (modelA, modelsB[0]) }
            if modelsB.contains(modelA) { return (modelA, modelA) }
        } else if let modelB {
            if modelsA.count == 1 { return (modelsA[0], modelB) }
            if modelsA.contains(modelB) { return (modelB, modelB) }
        } else {
            if modelsA.count == 1 && modelsB.count == 1 { return (modelsA[0], modelsB[0]) }
            if let common = modelsA.first(where: modelsB.contains) { return (common, common) }
        }
        throw MetricsError("cannot tell which models to compare (run A: \(modelsA.joined(separator: ", ")); run B: \(modelsB.joined(separator: ", "))); name them with --model-a and --model-b")
    }
}
