/// The texts of a suite's hint ladder (``HintLevel``): with a `ladder`, every scenario of the suite also gets a
/// level-1 item (its request followed by ``deliberation``) and a level-2 item (its request, the model's own answer,
/// then ``followUp``). Neither text may name a value: the ladder tests whether a model notices by itself when it is
/// made to deliberate.
public struct HintLadder: Codable, Sendable, Hashable {
    /// Appended to the request at level 1.
    public var deliberation: String
    /// Asked after the model's first answer at level 2.
    public var followUp: String

    /// Creates ladder texts.
    public init(deliberation: String, followUp: String) {
        self.deliberation = deliberation
        self.followUp = followUp
    }

    enum CodingKeys: String, CodingKey {
        case deliberation
        case followUp = "follow_up"
    }
}
