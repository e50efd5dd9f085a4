/// Agreement between two vector spaces over a word list.
///
/// Policy (stated in every report):
/// - Words are compared on the **shared vocabulary** V = vocab(A) ∩ vocab(B); requested words outside V are
///   listed in `missing`.
/// - **Neighbours are searched within V** in both spaces (a word's k nearest shared words, excluding itself), so
///   the lists are comparable; searching the full vocabularies would mostly compare vocabulary differences.
/// - Jaccard@k and RBO_ext (persistence p) per word, then averaged over the words used.
/// - RSA: Spearman ρ between the upper triangles of the words' cosine-similarity matrices in A and in B.
/// - Orthogonal Procrustes and linear CKA on **anchor words**: the first `anchors` words of V in A's row order
///   (frequency order for most files) plus the compared words; per-word displacement = cos(a_w·R, b_w) of the
///   centred, scaled vectors. Different widths are zero-padded; widths above 1024 skip Procrustes.
public struct SpaceComparison: Sendable, Codable, Equatable {
    /// Per-word agreement.
    public struct WordResult: Sendable, Codable, Equatable {
        public let word: String
        public let jaccard: Double
        public let rbo: Double
        public let neighborsA: [String]
        public let neighborsB: [String]
        /// cos(a_w·R*, b_w) after Procrustes alignment, nil when Procrustes was skipped.
        public let alignedCosine: Double?
    }

    /// Procrustes summary.
    public struct Alignment: Sendable, Codable, Equatable {
        public let anchors: Int
        public let dimension: Int
        public let padded: Bool
        /// 1 − ‖AR − B‖²/‖B‖² after centring and unit-norm scaling.
        public let fit: Double
        public let residual: Double
    }

    public let spaceA: String
    public let spaceB: String
    public let vocabularyA: Int
    public let vocabularyB: Int
    public let sharedVocabulary: Int
    public let k: Int
    public let rboP: Double
    /// Where neighbours were searched: always "shared vocabulary".
    public let neighborScope: String
    public let wordsRequested: Int
    public let missing: [String]
    public let words: [WordResult]
    public let meanJaccard: Double?
    public let meanRBO: Double?
    public let rsaSpearman: Double?
    public let procrustes: Alignment?
    /// Why Procrustes was skipped, if it was.
    public let procrustesNote: String?
    public let linearCKA: Double?

    /// Compares `a` and `b` over `words` (see the type's policy).
    public static func compare(
        _ a: VectorSpace, _ b: VectorSpace, words: [String], k: Int = 10, p: Double = 0.9, anchors: Int = 10_000,
        threads: Int? = nil
    ) throws(EmbeddingError) -> SpaceComparison {
        guard k >= 1 else { throw .invalid("k must be at least 1, got \(k)") }
        guard anchors >= 0 else { throw .invalid("anchors must be non-negative, got \(anchors)") }
        let shared = a.sharedVocabulary(with: b)
        var seen = Set<String>()
        let requested = words.filter { seen.insert($0).inserted }
        let used = requested.filter { a.contains($0) && b.contains($0) }
        let missing = requested.filter { !(a.contains($0) && b.contains($0)) }

        var results: [WordResult] = []
        var rsa: Double?
        var alignment: Alignment?
        var note: String?
        var cka: Double?
        if !used.isEmpty {
            let subA = try a.restricted(to: shared)
            let subB = try b.restricted(to: shared)
            let cores = threads ?? NeighborSearch(space: subA).threads
            let nA = try NeighborSearch(space: subA, threads: cores).nearest(to: used, k: k).map { $0.map(\.word) }
            let nB = try NeighborSearch(space: subB, threads: cores).nearest(to: used, k: k).map { $0.map(\.word) }

            let rowsA = try used.map { (w: String) throws(EmbeddingError) -> [Double] in try a.vector(for: w).map(Double.init) }
            let rowsB = try used.map { (w: String) throws(EmbeddingError) -> [Double] in try b.vector(for: w).map(Double.init) }
            rsa = try RepresentationalSimilarity.spearman(rowsA, rowsB)

            // Anchors: the first `anchors` shared words plus the compared words.
            var anchorWords = Array(shared.prefix(anchors))
            let anchorSet = Set(anchorWords)
            anchorWords += used.filter { !anchorSet.contains($0) }
            var cosines: [String: Double] = [:]
            if max(a.dimension, b.dimension) > 1024 {
                note = "dimension \(max(a.dimension, b.dimension)) exceeds 1024"
            } else if anchorWords.count < 2 {
                note = "fewer than 2 anchor words"
            } else {
                let xa = try anchorWords.map { (w: String) throws(EmbeddingError) -> [Double] in try a.vector(for: w).map(Double.init) }
                let xb = try anchorWords.map { (w: String) throws(EmbeddingError) -> [Double] in try b.vector(for: w).map(Double.init) }
                do {
                    let fit = try OrthogonalProcrustes(source: xa, target: xb)
                    alignment = Alignment(anchors: anchorWords.count, dimension: fit.dimension, padded: fit.padded,
                                          fit: fit.fit, residual: fit.residual)
                    for (i, w) in anchorWords.enumerated() where used.contains(w) { cosines[w] = fit.rowCosines[i] }
                } catch {
                    note = error.description
                }
                cka = try LinearCKA.similarity(xa, xb)
            }
            for (i, w) in used.enumerated() {
                results.append(WordResult(
                    word: w, jaccard: NeighborOverlap.jaccard(nA[i], nB[i]),
                    rbo: try RankBiasedOverlap.extrapolated(nA[i], nB[i], p: p),
                    neighborsA: nA[i], neighborsB: nB[i], alignedCosine: cosines[w]))
            }
        } else {
            note = "no compared word is in both vocabularies"
        }
        let mean = { (values: [Double]) -> Double? in values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        return SpaceComparison(
            spaceA: a.name, spaceB: b.name, vocabularyA: a.count, vocabularyB: b.count, sharedVocabulary: shared.count,
            k: k, rboP: p, neighborScope: "shared vocabulary", wordsRequested: requested.count, missing: missing,
            words: results, meanJaccard: mean(results.map(\.jaccard)), meanRBO: mean(results.map(\.rbo)),
            rsaSpearman: rsa, procrustes: alignment, procrustesNote: note, linearCKA: cka)
    }
}
