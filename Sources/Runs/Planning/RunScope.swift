/// How much of a suite a run asks when the configuration does not say: the suite's quick plan (``QuickPlan``,
/// `defaults.quick` in the suite file) or its full plan. Settings given explicitly (`samples`,
/// `scenariosPerValue`) always win; a suite without a quick plan runs in full either way.
public enum RunScope: String, Codable, Sendable, CaseIterable, Hashable {
    /// The suite's quick plan: fewer samples and scenarios, main wordings only — what `valueprobe run` does.
    case quick
    /// Every scenario and paraphrase with the suite's default samples.
    case full
}
