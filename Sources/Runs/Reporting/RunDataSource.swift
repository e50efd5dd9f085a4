import Probes

/// What ``RunReporting/finish(source:runDirectory:options:)`` needs from a run's store.
///
/// The SQLite run store conforms through a small adapter, so that reporting does not depend on how runs are stored.
public protocol RunDataSource {
    /// The run's manifest: ids, models, judge, version, seed and samples per prompt.
    func manifest() throws -> RunSummary.Context
    /// The suite the run used.
    func suite() throws -> ProbeSuite
    /// Every planned sample with its response and verdict so far.
    func samples() throws -> [JudgedSample]
    /// Human labels imported for the run (empty when none).
    func labels() throws -> [HumanLabel]
    /// Verdicts of every other judge name (further judges, repeat-consistency names), keyed by judge name.
    func otherVerdicts() throws -> [String: [Verdict]]
    /// The configured judges, primary first.
    func judgeOrder() throws -> [String]
    /// The run's stored forced-choice answers (empty when its suite has no choices).
    func choiceAnswers() throws -> [ChoiceAnswer]
}

extension RunDataSource {
    /// The verdicts of every judge name other than the primary judge's, keyed by judge name: further judges and
    /// the repeat-consistency names (``JudgeRepeat``). None unless a source provides them.
    public func otherVerdicts() throws -> [String: [Verdict]] { [:] }

    /// The configured judges, primary first (the order reports show them in). Just the primary judge unless a
    /// source provides more.
    public func judgeOrder() throws -> [String] { [try manifest().judge] }

    /// No forced-choice answers unless a source provides them.
    public func choiceAnswers() throws -> [ChoiceAnswer] { [] }

    /// The run's summary: the judged samples' metrics (``RunMetrics``), the judge panel and the forced choices.
    /// - Parameter samples: the samples when the caller has loaded them already (nil = ``samples()``).
    public func summary(options: MetricOptions, samples loaded: [JudgedSample]? = nil) throws -> RunSummary {
        let context = try manifest()
        let samples = try loaded ?? samples(), suite = try suite()
        var summary = try RunMetrics.compute(samples: samples, suite: suite, labels: try labels(), context: context,
                                             options: options)
        summary.judgePanel = try JudgePanel.compute(
            samples: samples, otherVerdicts: try otherVerdicts(), judgeOrder: try judgeOrder(), suite: suite,
            summary: summary)
        summary.choices = try ChoiceMetrics.compute(answers: try choiceAnswers(), suite: suite,
                                                    models: context.models, options: options)
        return summary
    }
}
