/// A progress report from a trainer, delivered on the calling thread about once per `progressInterval`.
public struct TrainingProgress: Sendable {
    /// What is running ("training", "counting", "power iteration 2/2" …).
    public var phase: String
    /// 0…1 over the whole run.
    public var fraction: Double
    /// Seconds since the start.
    public var elapsed: Double
    /// Estimated seconds left, when known.
    public var remaining: Double?
    /// Corpus words per second (word2vec: in-vocabulary words before subsampling), when meaningful.
    public var wordsPerSecond: Double?
    /// Current learning rate (word2vec).
    public var alpha: Double?

    public init(phase: String, fraction: Double, elapsed: Double, remaining: Double? = nil,
                wordsPerSecond: Double? = nil, alpha: Double? = nil) {
        self.phase = phase
        self.fraction = fraction
        self.elapsed = elapsed
        self.remaining = remaining
        self.wordsPerSecond = wordsPerSecond
        self.alpha = alpha
    }
}
