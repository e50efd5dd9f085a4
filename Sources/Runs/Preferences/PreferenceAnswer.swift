/// The answer to one ``PreferenceQuestion``, as stored.
public struct PreferenceAnswer: Codable, Sendable, Hashable {
    /// What kind of answer it is.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Exact label probabilities (``firstProbability`` + ``secondProbability`` = 1).
        case exact
        /// A sampled answer that chose option A (the outcome shown first).
        case first
        /// A sampled answer that chose option B.
        case second
        /// A sampled answer that names neither option (or both).
        case unparseable
        /// A sampled answer that declines to choose.
        case refusal
        /// The backend call failed; the question is asked again when the run is resumed.
        case error
    }

    /// The plan position answered.
    public var ordinal: Int
    /// What kind of answer.
    public var kind: Kind
    /// P(A) renormalised over the two labels (exact answers only).
    public var firstProbability: Double?
    /// P(B) renormalised over the two labels (exact answers only).
    public var secondProbability: Double?
    /// P(A) + P(B) before renormalising (exact answers only).
    public var labelMass: Double?
    /// The answer text (sampled answers), or the error message.
    public var text: String

    /// Creates an answer.
    public init(ordinal: Int, kind: Kind, firstProbability: Double? = nil, secondProbability: Double? = nil,
                labelMass: Double? = nil, text: String = "") {
        self.ordinal = ordinal
        self.kind = kind
        self.firstProbability = firstProbability
        self.secondProbability = secondProbability
        self.labelMass = labelMass
        self.text = text
    }
}
