import Probes

/// One item of one model in a run, with the tally of its samples (every paraphrase and repeat).
public struct ItemDigest: Sendable, Equatable, Codable {
    /// The model spec.
    public var model: String
    /// The item id.
    public var itemID: String
    /// The item's family.
    public var familyID: String
    /// The family's value.
    public var value: String
    /// The item's mode.
    public var mode: ProbeMode
    /// How many prompt variants (main prompt and paraphrases) were planned.
    public var variants: Int
    /// The counts of the item's samples.
    public var tally: VerdictTally

    /// Creates a digest.
    public init(model: String, itemID: String, familyID: String, value: String, mode: ProbeMode, variants: Int,
                tally: VerdictTally) {
        self.model = model
        self.itemID = itemID
        self.familyID = familyID
        self.value = value
        self.mode = mode
        self.variants = variants
        self.tally = tally
    }
}
