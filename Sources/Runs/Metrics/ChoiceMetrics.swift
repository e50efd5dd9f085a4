import Probes
import Statistics

/// The forced-choice section of a run's summary (docs/metrics.md "Forced choices").
public enum ChoiceMetrics {
    /// One summary per model (in `models` order, then any other model with answers) of the stored answers;
    /// empty when the suite has no choices.
    public static func compute(answers: [ChoiceAnswer], suite: ProbeSuite, models: [String],
                               options: MetricOptions) throws(MetricsError) -> [ChoiceModelSummary] {
        let choices = suite.allChoices
        guard !choices.isEmpty, !answers.isEmpty else { return [] }
        var order = models
        for answer in answers where !order.contains(answer.question.model) { order.append(answer.question.model) }
        var byModel: [String: [String: [ChoiceAnswer]]] = [:]
        for answer in answers { byModel[answer.question.model, default: [:]][answer.question.choiceID, default: []].append(answer) }
        let forms = suite.resolvedChoiceForms
        var summaries: [ChoiceModelSummary] = []
        for model in order {
            guard let own = byModel[model] else { continue }
            let items = choices.compactMap { family, choice in
                own[choice.id].flatMap { ChoiceItemMetrics.compute(choice: choice, value: family.value, answers: $0, forms: forms) }
            }
            let probing = items.filter { !$0.isControl }, controls = items.filter(\.isControl)
            var values: [ChoiceValueMetrics] = []
            for family in suite.families {
                let atRisk = probing.filter { $0.riskByValue[family.value] != nil }
                let ownControls = controls.filter { $0.value == family.value }
                guard !atRisk.isEmpty || !ownControls.isEmpty else { continue }
                values.append(ChoiceValueMetrics(
                    value: family.value, choices: atRisk.count,
                    riskyRate: try interval(atRisk.compactMap { item in item.riskByValue[family.value].map { Unit($0, of: item) } },
                                            label: "choice|\(model)|\(family.value)", options: options),
                    orderEffect: mean(atRisk.map(\.orderEffect)) ?? 0,
                    formConsistency: mean(atRisk.compactMap(\.formConsistency)),
                    controlFirstPosition: mean(ownControls.map(\.firstPositionProbability)),
                    controlOrderEffect: mean(ownControls.map(\.orderEffect))))
            }
            let all = own.values.flatMap { $0 }
            let masses = items.compactMap(\.answerMass)
            summaries.append(ChoiceModelSummary(
                model: model, method: ChoiceMethod.describing(all), values: values,
                riskyRate: try interval(probing.compactMap { item in item.riskyProbability.map { Unit($0, of: item) } },
                                        label: "choice|\(model)|*", options: options),
                orderEffect: mean(probing.map(\.orderEffect)) ?? 0,
                formConsistency: mean(probing.compactMap(\.formConsistency)),
                entropy: mean(probing.map(\.entropy)) ?? 0,
                controlFirstPosition: mean(controls.map(\.firstPositionProbability)),
                controlOrderEffect: mean(controls.map(\.orderEffect)),
                questions: all.count, invalid: all.filter { $0.status == .invalid }.count,
                refused: all.filter { $0.status == .refused }.count, failed: all.filter { $0.status == .error }.count,
                answerMass: masses.isEmpty ? nil : mean(masses), items: items))
        }
        return summaries
    }

    /// One choice's contribution to a rate: its value and the sampling variance of that value (0 when exact).
    struct Unit {
        var value: Double
        var samplingVariance: Double
    }

    /// The mean of per-choice values with a t interval over the choices (the rule of the gap's `scenario_t`
    /// interval): x̄ ± t_{S−1, (1+c)/2}·SE, SE² = max(s², mean vᵢ)/S with s² the choices' spread and vᵢ their
    /// sampling variances, clipped to [0, 1]; one choice: x̄ ± z·√v₁ (sampling noise only). A percentile bootstrap
    /// over 4–8 choices covered 79–89 % where 95 % was asked; this interval 90–96 % when choices are not extremely
    /// skewed (`scripts/simulate-choices.py`, docs/metrics.md). Nil for no choice.
    static func interval(_ units: [Unit], label: String, options: MetricOptions)
        throws(MetricsError) -> IntervalEstimate?
    {
        guard !units.isEmpty else { return nil }
        let values = units.map(\.value)
        let count = Double(units.count)
        let mean = values.reduce(0, +) / count
        let noise = units.reduce(0) { $0 + $1.samplingVariance } / count
        let quantile: Double
        let spread: Double
        do {
            if units.count >= 2 {
                spread = variance(values) ?? 0
                quantile = try studentTQuantile((1 + options.confidence) / 2, degreesOfFreedom: count - 1)
            } else {
                spread = 0
                quantile = try normalQuantile((1 + options.confidence) / 2)
            }
        } catch {
            throw MetricsError("\(label): \(error.description)")
        }
        let standardError = (max(spread, noise) / count).squareRoot()
        return IntervalEstimate(estimate: mean, lower: max(0, mean - quantile * standardError),
                                upper: min(1, mean + quantile * standardError), confidence: options.confidence,
                                method: .choiceT, units: units.count, standardError: standardError)
    }
}

extension ChoiceMetrics.Unit {
    /// `value` of `item`; its sampling variance x(1 − x)/n over the n valid sampled answers (0 for exact
    /// likelihoods, which have no sampling noise; a choice read from server log-probabilities counts its valid
    /// answers as samples, which overstates its noise).
    init(_ value: Double, of item: ChoiceItemMetrics) {
        let valid = item.questions - item.invalid - item.refused - item.failed
        self.init(value: value,
                  samplingVariance: item.method == .exact || valid <= 0 ? 0 : value * (1 - value) / Double(valid))
    }
}
