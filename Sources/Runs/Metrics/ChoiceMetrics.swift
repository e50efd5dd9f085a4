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
                    riskyRate: try interval(atRisk.compactMap { $0.riskByValue[family.value] },
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
                riskyRate: try interval(probing.compactMap(\.riskyProbability), label: "choice|\(model)|*",
                                        options: options),
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

    /// The mean of per-choice values with a percentile bootstrap over the choices; nil for none.
    static func interval(_ values: [Double], label: String, options: MetricOptions)
        throws(MetricsError) -> IntervalEstimate?
    {
        guard !values.isEmpty else { return nil }
        do {
            let result = try unitBootstrap(units: values.count, replicates: options.bootstrapReplicates,
                                           seed: StatisticSeed.seed(base: options.seed, label: label),
                                           confidence: options.confidence) { indices in
                indices.reduce(0.0) { $0 + values[$1] } / Double(indices.count)
            }
            return result.map { IntervalEstimate(bootstrap: $0, method: .choiceBootstrap) }
        } catch {
            throw MetricsError("\(label): \(error.description)")
        }
    }
}
