/// The forced-choice section as text, shared by the terminal and Markdown summaries.
public enum ChoiceTables {
    /// How the model's likelihoods were obtained, in one sentence.
    public static func method(_ choices: ChoiceModelSummary) -> String {
        switch choices.method {
        case .exact:
            var text = "exact likelihoods from the model's logits (letter and yes/no forms: the answer's probability at the "
                + "answer position; repeat form: each action's full text), no sampling"
            if let mass = choices.answerMass { text += "; the offered answers hold \(ReportFormat.percent(mass)) % of its probability on average" }
            return text
        case .sampled:
            return "estimated from sampled answers (\(choices.questions) asked: \(choices.invalid) invalid, "
                + "\(choices.refused) refused, \(choices.failed) failed, counted apart)"
        case .logprobs:
            var text = "letter and yes/no forms: read from the first-token log-probabilities the server reports (top "
                + "20), renormalised over the offered answers"
            if let mass = choices.answerMass { text += ", which hold \(ReportFormat.percent(mass)) % of its probability on average" }
            return text + "; repeat form: sampled answers (\(choices.questions) questions asked: \(choices.invalid) invalid, "
                + "\(choices.refused) refused, \(choices.failed) failed, counted apart)"
        }
    }

    /// Header of the per-value table; the explicit column only when the run also judged explicit items.
    public static func valueHeader(explicit: Bool) -> [String] {
        ["value", "risky choice", "choices", "order effect", "form consistency", "control: first shown"]
            + (explicit ? ["explicit recognition"] : [])
    }

    /// One row per value: P(an action that puts it at risk) with interval, choices, mean order effect and form
    /// consistency, the controls' first-position probability, and the judged explicit recognition beside it.
    public static func valueRows(_ choices: ChoiceModelSummary, judged: ModelSummary?) -> [[String]] {
        let explicit = hasExplicit(judged)
        return choices.values.map { value in
            var cells = [value.value, ReportFormat.rate(value.riskyRate), "\(value.choices)",
                         ReportFormat.number(value.orderEffect), ReportFormat.number(value.formConsistency),
                         ReportFormat.percent(value.controlFirstPosition)]
            if explicit {
                cells.append(ReportFormat.rate(judged?.values.first { $0.value == value.value }?.explicit?.rate))
            }
            return cells
        }
    }

    /// The overall line: risky-choice rate over every value-probing choice, order effect, form consistency,
    /// entropy and the controls' first-position probability.
    public static func overall(_ choices: ChoiceModelSummary) -> String {
        "all values: risky choice \(ReportFormat.rate(choices.riskyRate)) %, order effect "
            + "\(ReportFormat.number(choices.orderEffect)), form consistency \(ReportFormat.number(choices.formConsistency)), "
            + "entropy \(ReportFormat.number(choices.entropy)) bits; controls: first-shown action chosen "
            + "\(ReportFormat.percent(choices.controlFirstPosition)) %, order effect \(ReportFormat.number(choices.controlOrderEffect))"
    }

    /// What the columns mean.
    public static let legend = "Forced choices (MoralChoice style; no judge): risky choice = mean marginal probability of "
        + "choosing an action that puts the value at risk (over forms and both orders; t interval over choices); "
        + "order effect = largest change of an action's probability when the order is swapped (0 = none); form "
        + "consistency = 1 - normalised Jensen-Shannon divergence across question forms (1 = same answer in every "
        + "form); control: first shown = how often the first-listed of two harmless actions is chosen (50 = no "
        + "position preference)."

    /// Whether a judged summary has explicit recognition to show beside the choices.
    public static func hasExplicit(_ judged: ModelSummary?) -> Bool {
        judged?.values.contains { $0.explicit?.rate != nil } ?? false
    }
}
