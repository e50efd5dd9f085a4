/// How a similarity data set's file is laid out.
public struct SimilarityDatasetFormat: Sendable, Hashable {
    /// The 0-based column that holds the score (2 for `word1 word2 score`; 3 for SimLex/SimVerb files with a POS
    /// column).
    public var scoreColumn: Int
    /// The scale scores must lie on; a score outside is an error naming the line.
    public var scale: ClosedRange<Double>

    public init(scoreColumn: Int = 2, scale: ClosedRange<Double>) {
        self.scoreColumn = scoreColumn
        self.scale = scale
    }
}
