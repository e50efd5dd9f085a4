import Statistics

/// The two extra askings of the repeat-consistency check (``Runner/consistencySamples``): the same judge asked
/// again with the same seed, and once with another seed.
///
/// Their verdicts are stored in the run store's verdict table beside the real judges' verdicts, under the judge
/// name ``storedJudge(for:)`` (`SPEC #repeat-same-seed`, `SPEC #repeat-other-seed`), so that resuming a run
/// completes them like any verdict. Reports never treat these names as judges: they compare them with the judge's
/// own verdicts (``JudgeConsistency``).
public enum JudgeRepeat: String, CaseIterable, Codable, Sendable {
    /// Asked again with the judge's own seed: does it give the same verdict twice?
    case sameSeed = "same-seed"
    /// Asked with ``seed(for:)`` instead: does the verdict survive another seed?
    case otherSeed = "other-seed"

    /// What separates the judge's spec from the repeat's name.
    public static let marker = " #repeat-"

    /// The judge name the repeat's verdicts are stored under.
    public func storedJudge(for spec: String) -> String { spec + Self.marker + rawValue }

    /// The judge spec and the repeat a stored judge name stands for; nil for a real judge.
    public static func parse(storedJudge name: String) -> (spec: String, repeat: JudgeRepeat)? {
        for kind in allCases where name.hasSuffix(marker + kind.rawValue) {
            return (String(name.dropLast((marker + kind.rawValue).count)), kind)
        }
        return nil
    }

    /// The seed of the repeat for a judge whose seed is `base`: `base` itself, or the low 31 bits of
    /// `SeededGenerator.derivedSeed(base, 1)` (small enough for every backend's seed field).
    public func seed(for base: UInt64) -> UInt64 {
        self == .sameSeed ? base : SeededGenerator.derivedSeed(base, 1) & 0x7FFF_FFFF
    }
}
