/// What a call of ``Runner/run()`` did.
public struct RunOutcome: Sendable, Equatable, Codable {
    /// The run id.
    public var runID: String
    /// The run directory (holds `valueprobe.sqlite`).
    public var directory: String
    /// Whether the run was created by this call (false when it continued an earlier one).
    public var isNew: Bool
    /// The judge whose verdicts `counts` counts.
    public var judge: String
    /// The store's counts after this call.
    public var counts: RunCounts
    /// Responses stored by this call.
    public var answeredNow: Int
    /// Of those, failed backend calls.
    public var failedNow: Int
    /// Verdicts stored by this call.
    public var judgedNow: Int
    /// Failed responses deleted to be asked again (`retryErrors`).
    public var retried: Int
    /// Judge calls that threw (their samples stay unjudged until the next run).
    public var judgeFailures: Int
    /// The first judge failure's message.
    public var firstJudgeFailure: String?
    /// Whether the run stopped early because its task was cancelled.
    public var cancelled: Bool
    /// Wall time of this call, seconds.
    public var elapsedSeconds: Double
    /// The run's forced-choice questions after this call; nil when the suite has none.
    public var choices: ChoiceCounts?

    /// Creates an outcome.
    public init(runID: String, directory: String, isNew: Bool, judge: String, counts: RunCounts, answeredNow: Int,
                failedNow: Int, judgedNow: Int, retried: Int, judgeFailures: Int, firstJudgeFailure: String?,
                cancelled: Bool, elapsedSeconds: Double, choices: ChoiceCounts? = nil) {
        self.runID = runID
        self.directory = directory
        self.isNew = isNew
        self.judge = judge
        self.counts = counts
        self.answeredNow = answeredNow
        self.failedNow = failedNow
        self.judgedNow = judgedNow
        self.retried = retried
        self.judgeFailures = judgeFailures
        self.firstJudgeFailure = firstJudgeFailure
        self.cancelled = cancelled
        self.elapsedSeconds = elapsedSeconds
        self.choices = choices
    }

    /// Every planned sample and forced-choice question has an answer and the run was not cancelled.
    public var isComplete: Bool { !cancelled && counts.pending == 0 && (choices?.pending ?? 0) == 0 }
}
