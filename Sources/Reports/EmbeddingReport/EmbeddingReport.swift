import Embeddings
import Lexicon

/// The embedding analyses of value words for several spaces side by side: neighbour tables, WordNet agreement,
/// pairwise space comparisons (Jaccard@k, RSA) and a 2-D projection of the words per space.
public struct EmbeddingReport: Sendable, Codable {
    /// A word's nearest neighbours in one space.
    public struct WordNeighbours: Sendable, Codable, Equatable {
        public var word: String
        /// The k nearest words (cosine, descending; the word itself excluded).
        public var neighbours: [Neighbor]
        /// Per neighbour (same order), the WordNet relations to the word (empty without WordNet).
        public var relations: [[WordNetAgreement.Relation]]

        /// Creates an entry.
        public init(word: String, neighbours: [Neighbor], relations: [[WordNetAgreement.Relation]]) {
            self.word = word
            self.neighbours = neighbours
            self.relations = relations
        }
    }

    /// One space's results.
    public struct SpaceSection: Sendable, Codable {
        public var name: String
        public var vocabulary: Int
        public var dimension: Int
        /// The value words the space contains, with their neighbours.
        public var words: [WordNeighbours]
        /// Value words the space lacks.
        public var missing: [String]
        /// WordNet agreement of the neighbourhoods (nil without WordNet).
        public var agreement: WordNetAgreement.Report?
        /// The words in two principal components (nil with fewer than 3 words).
        public var projection: WordProjection?

        /// Creates a section.
        public init(name: String, vocabulary: Int, dimension: Int, words: [WordNeighbours], missing: [String],
                    agreement: WordNetAgreement.Report?, projection: WordProjection?) {
            self.name = name
            self.vocabulary = vocabulary
            self.dimension = dimension
            self.words = words
            self.missing = missing
            self.agreement = agreement
            self.projection = projection
        }
    }

    /// Neighbours per word.
    public var k: Int
    /// The value words, as requested.
    public var words: [String]
    /// Per space, in the order given.
    public var spaces: [SpaceSection]
    /// Every pair of spaces (i < j, in order).
    public var comparisons: [SpaceComparison]

    /// Creates a report from its parts.
    public init(k: Int, words: [String], spaces: [SpaceSection], comparisons: [SpaceComparison]) {
        self.k = k
        self.words = words
        self.spaces = spaces
        self.comparisons = comparisons
    }

    /// Runs every analysis.
    /// - Parameters:
    ///   - spaces: the spaces, in report order (names must differ).
    ///   - words: the value words (spellings as they should be looked up).
    ///   - wordNet: for the agreement analysis; nil leaves it out.
    ///   - k: neighbours per word.
    ///   - anchors: anchor words of the Procrustes/CKA part of the space comparisons.
    ///   - threads: neighbour-search threads.
    /// - Throws: ``EmbeddingError`` for a bad `k`, an empty word list or duplicate space names.
    public static func compute(spaces: [VectorSpace], words: [String], wordNet: WordNet? = nil, k: Int = 10,
                               anchors: Int = 2_000, threads: Int? = nil) throws(EmbeddingError) -> EmbeddingReport {
        guard k >= 1 else { throw .invalid("embedding report: k must be at least 1, got \(k)") }
        guard !words.isEmpty else { throw .invalid("embedding report: the word list is empty") }
        guard !spaces.isEmpty else { throw .invalid("embedding report: no space given") }
        var names = Set<String>()
        for space in spaces where !names.insert(space.name).inserted {
            throw .invalid("embedding report: the space '\(space.name)' is given twice")
        }
        var sections: [SpaceSection] = []
        for space in spaces {
            let present = words.filter(space.contains)
            let missing = words.filter { !space.contains($0) }
            var entries: [WordNeighbours] = []
            var agreement: WordNetAgreement.Report?
            if let wordNet {
                let report = try WordNetAgreement.analyze(words: words, in: space, wordNet: wordNet, options: .init(k: k))
                agreement = report
                for result in report.words where result.inSpace {
                    entries.append(WordNeighbours(
                        word: result.word,
                        neighbours: result.neighbours.map { Neighbor(word: $0.word, row: space.row(of: $0.word) ?? -1, cosine: $0.similarity) },
                        relations: result.neighbours.map(\.relations)))
                }
            } else if !present.isEmpty {
                let search = threads.map { NeighborSearch(space: space, threads: $0) } ?? NeighborSearch(space: space)
                let found = try search.nearest(to: present, k: k)
                entries = zip(present, found).map { WordNeighbours(word: $0, neighbours: $1, relations: $1.map { _ in [] }) }
            }
            sections.append(SpaceSection(
                name: space.name, vocabulary: space.count, dimension: space.dimension, words: entries, missing: missing,
                agreement: agreement, projection: try WordProjection.principalComponents(of: words, in: space)))
        }
        var comparisons: [SpaceComparison] = []
        for i in spaces.indices {
            for j in spaces.indices where j > i {
                comparisons.append(try SpaceComparison.compare(spaces[i], spaces[j], words: words, k: k, anchors: anchors,
                                                               threads: threads))
            }
        }
        return EmbeddingReport(k: k, words: words, spaces: sections, comparisons: comparisons)
    }

    /// The symmetric space × space matrix of a comparison statistic (1 on the diagonal, nil where undefined).
    public func matrix(_ statistic: (SpaceComparison) -> Double?) -> [[Double?]] {
        let names = spaces.map(\.name)
        var result = names.map { _ in [Double?](repeating: nil, count: names.count) }
        for index in names.indices { result[index][index] = 1 }
        for comparison in comparisons {
            guard let i = names.firstIndex(of: comparison.spaceA), let j = names.firstIndex(of: comparison.spaceB) else { continue }
            let value = statistic(comparison)
            result[i][j] = value
            result[j][i] = value
        }
        return result
    }
}
