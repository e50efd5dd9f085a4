import Probes
import Statistics

/// Computes ``ModeCorrection``s: per model × mode the raw rate, the judge's validity for the mode (the run's own
/// human labels when there are enough, else the shipped calibration figures), the Rogan–Gladen correction with a
/// joint bootstrap and, with labels on the model's own samples, prediction-powered inference.
enum JudgeCorrectionAnalysis {
    /// Each labelled sample's human decision: the majority of its annotators' yes/no labels ("can't decide"
    /// ignored; a tie gives no decision).
    static func humanDecisions(_ labels: [HumanLabel]) -> [String: Bool] {
        var votes: [String: (yes: Int, no: Int)] = [:]
        for label in labels {
            guard let recognised = label.recognised else { continue }
            var vote = votes[label.sampleKey] ?? (0, 0)
            if recognised { vote.yes += 1 } else { vote.no += 1 }
            votes[label.sampleKey] = vote
        }
        return votes.compactMapValues { $0.yes == $0.no ? nil : $0.yes > $0.no }
    }

    /// The judge's validity per mode against the human decisions on the run's samples (all models together);
    /// nil without any labelled sample that the judge judged. Failed samples (`error`) and pending ones are left
    /// out; every other judge category counts.
    static func labelValidity(
        samples: [JudgedSample], decisions: [String: Bool], judge: String, runID: String, options: MetricOptions
    ) -> JudgeValidity? {
        var pairs: [ProbeMode: [(HumanVerdict, VerdictCategory)]] = [:]
        var total = 0
        for sample in samples {
            guard let human = decisions[sample.sample.key], let category = sample.verdict?.category,
                  category != .error else { continue }
            pairs[sample.sample.mode, default: []].append((human ? .recognised : .missed, category))
            total += 1
        }
        guard total > 0 else { return nil }
        let modes = ProbeMode.allCases.compactMap { mode -> ModeValidity? in
            guard let own = pairs[mode], !own.isEmpty else { return nil }
            return ModeValidity.measure(mode: mode, pairs: own,
                                        seed: StatisticSeed.seed(base: options.seed, label: "label-validity"),
                                        replicates: options.bootstrapReplicates, confidence: options.confidence)
        }
        let run = runID.isEmpty ? "this run" : "run \(runID)"
        return JudgeValidity(judge: judge, source: "human labels imported into \(run) (\(total) labelled sample\(total == 1 ? "" : "s"))",
                             modes: modes)
    }

    /// The validity figures to correct `mode` with, and where they come from.
    static func chooseValidity(
        mode: ProbeMode, labelValidity: JudgeValidity?, builtin: JudgeValidity?
    ) -> (validity: ModeValidity, source: ModeCorrection.ValiditySource, description: String)? {
        let minimum = ModeCorrection.minimumLabelledPerClass
        if let labelValidity, let own = labelValidity.mode(mode) {
            let binary = own.confusion.binary
            if binary.truePositives + binary.falseNegatives >= minimum, binary.trueNegatives + binary.falsePositives >= minimum {
                return (own, .runLabels, labelValidity.source)
            }
        }
        if let builtin, let shipped = builtin.mode(mode) { return (shipped, .calibration, builtin.source) }
        return nil
    }

    /// The corrections of one model's samples, for the modes it has samples of.
    static func corrections(
        model: String, samples: [JudgedSample], decisions: [String: Bool], judge: String,
        labelValidity: JudgeValidity?, builtin: JudgeValidity?, options: MetricOptions
    ) throws(StatisticsError) -> [ModeCorrection] {
        var result: [ModeCorrection] = []
        for mode in ProbeMode.allCases {
            let own = samples.filter { $0.sample.mode == mode }
            guard !own.isEmpty else { continue }
            result.append(try correction(model: model, mode: mode, samples: own, decisions: decisions, judge: judge,
                                         labelValidity: labelValidity, builtin: builtin, options: options))
        }
        return result
    }

    static func correction(
        model: String, mode: ProbeMode, samples: [JudgedSample], decisions: [String: Bool], judge: String,
        labelValidity: JudgeValidity?, builtin: JudgeValidity?, options: MetricOptions
    ) throws(StatisticsError) -> ModeCorrection {
        var byItem: [String: [Bool]] = [:]
        var itemOrder: [String] = []
        var refused = 0, truncated = 0
        var labelled: [(human: Bool, judge: Bool)] = []
        var unlabelled: [Bool] = []
        for sample in samples {
            if sample.verdict?.category == .refused { refused += 1 }
            if let response = sample.response, response.error == nil, response.isTruncated { truncated += 1 }
            guard let label = sample.verdict?.label else { continue }
            if byItem[sample.sample.itemID] == nil { itemOrder.append(sample.sample.itemID) }
            byItem[sample.sample.itemID, default: []].append(label)
            if let human = decisions[sample.sample.key] {
                labelled.append((human, label))
            } else {
                unlabelled.append(label)
            }
        }
        let clusters = itemOrder.map { byItem[$0] ?? [] }
        let judged = clusters.reduce(0) { $0 + $1.count }
        let recognised = clusters.reduce(0) { $0 + $1.filter { $0 }.count }
        let rawRate = judged > 0 ? Double(recognised) / Double(judged) : nil

        var correction = ModeCorrection(
            mode: mode, judged: judged, recognised: recognised, refused: refused, truncated: truncated,
            rawRate: rawRate, validitySource: nil, validityDescription: nil, validity: nil, sensitivityUsed: nil,
            specificityUsed: nil, corrected: nil, undefinedReplicates: nil, undefinedReason: nil,
            predictionPowered: nil, predictionPoweredLambda: nil, labelledSamples: labelled.count)

        if let chosen = chooseValidity(mode: mode, labelValidity: labelValidity, builtin: builtin) {
            correction.validitySource = chosen.source
            correction.validityDescription = chosen.description
            correction.validity = chosen.validity
            let binary = chosen.validity.confusion.binary
            let positives = binary.truePositives + binary.falseNegatives
            let negatives = binary.trueNegatives + binary.falsePositives
            correction.sensitivityUsed = binary.sensitivity
            correction.specificityUsed = binary.specificity
            if judged == 0 {
                correction.undefinedReason = "no recognised or missed verdicts to correct"
            } else if positives == 0 || negatives == 0 {
                correction.undefinedReason = "the validity figures have no \(positives == 0 ? "human-recognised" : "human-missed") "
                    + "\(mode.rawValue) response the judge labelled, so its \(positives == 0 ? "sensitivity" : "specificity") is unknown"
            } else if let result = try roganGladenBootstrap(
                clusters: clusters, positiveHits: binary.truePositives, positives: positives,
                negativeHits: binary.trueNegatives, negatives: negatives, replicates: options.bootstrapReplicates,
                seed: StatisticSeed.seed(base: options.seed, label: "correction|\(model)|\(mode.rawValue)"),
                confidence: options.confidence) {
                correction.undefinedReplicates = result.undefinedReplicates
                if let estimate = result.estimate, let interval = result.interval {
                    correction.corrected = IntervalEstimate(
                        estimate: estimate, lower: interval.lower, upper: interval.upper, confidence: interval.confidence,
                        method: .roganGladenBootstrap, units: result.clusters, replicates: result.replicates,
                        standardError: result.standardError)
                } else {
                    correction.undefinedReason = "sensitivity \(format(result.sensitivity)) + specificity "
                        + "\(format(result.specificity)) <= 1 on \(mode.rawValue) items: the judge carries no information about the rate"
                }
            }
        } else {
            correction.undefinedReason = "no validity figures for judge '\(judge)' on \(mode.rawValue) items (it is not in the "
                + "shipped calibration table, and the run has fewer than \(ModeCorrection.minimumLabelledPerClass) "
                + "human-recognised and \(ModeCorrection.minimumLabelledPerClass) human-missed labels of this mode)"
        }

        if labelled.count >= ModeCorrection.minimumLabelledPerClass,
           let ppi = try predictionPoweredMean(
               labels: labelled.map { $0.human ? 1 : 0 }, predictions: labelled.map { $0.judge ? 1 : 0 },
               unlabelledPredictions: unlabelled.map { $0 ? 1 : 0 }, confidence: options.confidence) {
            correction.predictionPowered = IntervalEstimate(
                estimate: ppi.estimate, lower: max(0, ppi.interval.lower), upper: min(1, ppi.interval.upper),
                confidence: ppi.interval.confidence, method: .predictionPowered, units: ppi.labelled + ppi.unlabelled,
                standardError: ppi.standardError)
            correction.predictionPoweredLambda = ppi.lambda
        }
        return correction
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
