import Assets
import Models
import Probes
import Statistics

/// Turns a suite's forced-choice items and a run's configuration into the questions the run asks: every choice ×
/// form × presentation order × model, once for a model that scores options exactly (``ChoiceMethod/exact``: the
/// embedded engine and `local:` GGUF models) and `samples` times for any other (``ChoiceMethod/sampled``).
///
/// With `scenariosPerValue` N (a quick plan), only the first N choices of each family that probe a value are
/// asked, with their control twins.
public enum ChoicePlanner {
    /// The questions of a run, in suite order (choice, then form, then order, then model, then repeat).
    public static func plan(suite: ProbeSuite, configuration resolved: RunConfiguration, runID: String)
        throws(RunConfigurationError) -> [PlannedChoice]
    {
        let specs = try resolved.modelSpecs()
        let samples = resolved.effectiveSamples
        var plan: [PlannedChoice] = []
        for (family, choice) in choices(of: suite, scenariosPerValue: resolved.scenariosPerValue) {
            let choiceHash = RunPlanner.stableHash(choice.id)
            for question in ChoiceQuestion.questions(for: choice, forms: suite.resolvedChoiceForms) {
                for spec in specs {
                    let method = method(for: spec)
                    for index in 0..<(method == .exact ? 1 : samples) {
                        let model = spec.description
                        plan.append(PlannedChoice(
                            key: key(runID: runID, model: model, choiceID: choice.id, form: question.form.id,
                                     orderIndex: question.orderIndex, sampleIndex: index),
                            model: model, choiceID: choice.id, familyID: family.id, value: family.value,
                            form: question.form.id, orderIndex: question.orderIndex, sampleIndex: index,
                            seed: SeededGenerator.derivedSeed(resolved.seed, choiceHash,
                                                              RunPlanner.stableHash(question.form.id),
                                                              UInt64(question.orderIndex), UInt64(index)),
                            method: method))
                    }
                }
            }
        }
        return plan
    }

    /// How a model's choices are measured: exactly for `local:` models, by sampling for every remote API.
    public static func method(for spec: ModelSpec) -> ChoiceMethod {
        if case .local = spec { return .exact }
        return .sampled
    }

    /// The choices a run asks, in suite order: all, or the first `scenariosPerValue` value-probing choices of each
    /// family with their control twins.
    public static func choices(of suite: ProbeSuite, scenariosPerValue: Int?)
        -> [(family: ProbeFamily, choice: ChoiceItem)]
    {
        guard let limit = scenariosPerValue else { return suite.allChoices }
        return suite.families.flatMap { family -> [(family: ProbeFamily, choice: ChoiceItem)] in
            let kept = Set(family.choices.filter { !$0.isControl }.prefix(limit).map(\.id))
            return family.choices.filter { kept.contains($0.controlOf ?? $0.id) }.map { (family: family, choice: $0) }
        }
    }

    /// A question's key: the first 24 hexadecimal digits of the SHA-256 of
    /// `runID␟model␟choice␟choiceID␟form␟orderIndex␟sampleIndex` (␟ = U+001F).
    public static func key(runID: String, model: String, choiceID: String, form: String, orderIndex: Int,
                           sampleIndex: Int) -> String {
        let text = [runID, model, "choice", choiceID, form, String(orderIndex), String(sampleIndex)]
            .joined(separator: "\u{1F}")
        return String(SHA256.hash(Array(text.utf8)).prefix(24))
    }
}
