import Probes

/// One line that says what a run asks and, under a suite's quick plan, what was trimmed and how to ask it all.
public enum PlanSummary {
    /// E.g. "plan: 136 answers per model — 2 samples per prompt, 2 of 8 scenarios per value, main wordings only,
    /// up to 1024 tokens at temperature 1.0 (the suite's quick plan; --full asks every scenario, paraphrase and
    /// 10 samples)". `configuration` is resolved against `suite` first.
    /// With forced choices, their questions follow ("; 36 forced-choice questions per model, 3 of 8 choices per
    /// value, exact for local models, 5 sampled answers per question otherwise").
    public static func line(configuration: RunConfiguration, suite: ProbeSuite, plannedSamples: Int,
                            plannedChoices: [PlannedChoice] = []) -> String {
        let resolved = configuration.resolved(for: suite)
        let models = max(1, resolved.models.count)
        var parts = ["\(resolved.effectiveSamples) sample\(resolved.effectiveSamples == 1 ? "" : "s") per prompt"]
        let choiceCount = suite.families.map { $0.choices.filter { !$0.isControl }.count }.max() ?? 0
        if !plannedChoices.isEmpty && plannedSamples == 0 { parts = [] }
        let available = suite.families.map { Set($0.items.compactMap(\.scenario)).count }.max() ?? 0
        if available > 0 {
            let asked = min(resolved.scenariosPerValue ?? available, available)
            parts.append(asked < available ? "\(asked) of \(available) scenarios per value"
                         : "\(available) scenario\(available == 1 ? "" : "s") per value")
        }
        var line: String
        if plannedSamples > 0 || plannedChoices.isEmpty {
            parts.append(resolved.includeParaphrases ? "every paraphrase" : "main wordings only")
            parts.append("up to \(resolved.effectiveMaxTokens) tokens at temperature \(resolved.effectiveTemperature)")
            line = "plan: \(plannedSamples / models) answers per model — " + parts.joined(separator: ", ")
        } else {
            line = "plan:"
        }
        if !plannedChoices.isEmpty {
            let asked = min(resolved.scenariosPerValue ?? choiceCount, choiceCount)
            let exact = plannedChoices.filter { $0.method == .exact }.count
            var clause = " \(plannedChoices.count) forced-choice questions (\(asked) of \(choiceCount) choices per value with "
                + "their controls, every form and order"
            if exact > 0 { clause += "; exact likelihoods for local models" }
            if exact < plannedChoices.count {
                clause += "; \(resolved.effectiveSamples) sampled answers per question for remote models"
            }
            line += (plannedSamples > 0 ? ";" : "") + clause + ")"
        }
        let full = RunConfiguration(suite: configuration.suite, models: configuration.models, samples: configuration.samples,
                                    maxTokens: configuration.maxTokens, includeParaphrases: configuration.includeParaphrases,
                                    scenariosPerValue: configuration.scenariosPerValue, scope: .full)
            .resolved(for: suite)
        // Samples do not apply to exact forced-choice questions: a run of those alone has no quick plan to mention.
        let onlyExact = plannedSamples == 0 && plannedChoices.allSatisfy { $0.method == .exact }
        if !onlyExact, resolved.scope == .quick, suite.defaults.quick != nil,
           full.effectiveSamples != resolved.effectiveSamples || full.scenariosPerValue != resolved.scenariosPerValue
            || full.includeParaphrases != resolved.includeParaphrases {
            var asks: [String] = []
            if full.scenariosPerValue != resolved.scenariosPerValue { asks.append("every scenario") }
            if full.includeParaphrases != resolved.includeParaphrases { asks.append("every paraphrase") }
            if full.effectiveSamples != resolved.effectiveSamples { asks.append("\(full.effectiveSamples) samples") }
            line += " (the suite's quick plan; --full asks " + asks.joined(separator: ", ") + ")"
        }
        return line
    }
}
