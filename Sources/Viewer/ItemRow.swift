import Runs

/// One row of `GET /api/runs/{id}/items`: an item of one model with its samples' tally.
public struct ItemRow: Sendable, Encodable {
    public var model: String
    public var itemId: String
    public var familyId: String
    public var value: String
    public var mode: String
    /// Prompt variants planned (main prompt and paraphrases).
    public var variants: Int
    public var tally: VerdictTally
    /// Recognised among labelled samples, nil without labels.
    public var rate: Double?
    /// Whether every labelled sample got the same label (nil without labels).
    public var unanimous: Bool?

    init(_ digest: ItemDigest) {
        model = digest.model
        itemId = digest.itemID
        familyId = digest.familyID
        value = digest.value
        mode = digest.mode.rawValue
        variants = digest.variants
        tally = digest.tally
        rate = digest.tally.recognitionRate
        unanimous = digest.tally.labelled > 0
            ? (digest.tally.count(.recognised) == 0 || digest.tally.count(.missed) == 0) : nil
    }
}
