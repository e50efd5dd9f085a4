/// A judge whose verdicts depend on a seed (an LLM judge sampling at temperature 0 still may): the runner's
/// repeat-consistency check (``Runner/consistencySamples``) asks it again with the same seed and with another one.
public protocol ReseedableJudge: Judge {
    /// The seed sent with every request.
    var seed: UInt64 { get }
    /// The same judge (same spec) asking with `seed`.
    func reseeded(_ seed: UInt64) -> any Judge
}
