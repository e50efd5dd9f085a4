import Assets
import Embeddings
import Foundation
import Lexicon
import Testing

/// WordNet agreement on a tiny hand-built space whose neighbour order is fixed by construction, against the real
/// WordNet 3.0 (asset `wordnet`).
///
/// The expected labels were worked out from the raw `data.*`/`index.*` lines (and cross-checked with a separate
/// throwaway script that parses the files itself), e.g. for dignity:
/// - `04886881 … dignity 0 self-respect 0 self-regard 0 self-worth 0 002 @ 07508486 n 0000 + 02546876 v 0102`:
///   self-respect is a synonym, pride (07508486) a direct hypernym, dignify (word 2 of 02546876) a derivation;
/// - `04910684 … dignity 1 lordliness 1 gravitas 0 002 @ 04910377 n 0000 + 01591050 a 0203`: the derivation
///   lordly comes from word 2 (lordliness), not from dignity, so lordly is unrelated; bearing (04910377) has the
///   hypernym manner (04910135), two steps up;
/// - glosses "the quality of being worthy of esteem or respect; …" and "…; "he respected the dignity of the
///   emissaries"": respect and emissaries (base form emissary) are gloss words; "the" is a function word.
@Suite struct WordNetAgreementTests {
    typealias R = WordNetAgreement.Relation

    static let groups: [(query: String, neighbours: [(String, [R])])] = [
        ("dignity", [
            ("dignities", [.sameLemma]), ("self-respect", [.synonym]), ("pride", [.hypernym]), ("manner", [.hypernym]),
            ("dignify", [.derivation]), ("lordly", []), ("respect", [.gloss]), ("emissaries", [.gloss]), ("the", []),
            ("banana", []),
        ]),
        // feeling.n.01 (00026192) is pride's hypernym, so pridefulness (pride.n.01) is a direct hyponym and
        // self-esteem (07508705 @ pride) and self-worth (dignity.n.01 @ pride) hyponyms two steps down; state
        // (00024720) is feeling.n.01's hypernym.
        ("feeling", [
            ("pridefulness", [.hyponym]), ("self-esteem", [.hyponym]), ("self-worth", [.hyponym]),
            ("emotion", [.hyponym, .gloss]), ("state", [.hypernym, .gloss]), ("feelings", [.sameLemma]),
            ("guitar", []), ("carrot", []), ("violin", []), ("pebble", []),
        ]),
        // fair.a.01 (00956131): `fair 3 just 4 … + 04839154 n 0101 … ! 00957176 a 0101`: fairness is a
        // derivation and unfair an antonym of the word fair; just shares the synset; equitable is only
        // similar-to (not counted); "cloud" is in a weather sense's gloss; fairer is fair's comparative.
        ("fair", [
            ("unfair", [.antonym]), ("fairness", [.derivation]), ("just", [.synonym]), ("equitable", []),
            ("fairer", [.sameLemma]), ("trumpet", []), ("cloud", [.gloss]), ("kettle", []), ("ladder", []),
            ("spoon", []),
        ]),
    ]

    /// Four dimensions: each group around its own axis, neighbour i at i degrees towards the fourth axis, where
    /// "xyzzy" (not a WordNet word) sits. Within a group cosines are ≥ cos 10°, across groups ≤ sin² 10°.
    static func space() throws -> VectorSpace {
        var words: [String] = []
        var vectors: [Float] = []
        for (g, group) in groups.enumerated() {
            for (i, word) in ([group.query] + group.neighbours.map(\.0)).enumerated() {
                let angle = Double(i) * Double.pi / 180
                var v = [Float](repeating: 0, count: 4)
                v[g] = Float(cos(angle))
                v[3] = Float(sin(angle))
                words.append(word)
                vectors += v
            }
        }
        words.append("xyzzy")
        vectors += [0, 0, 0, 1]
        return try VectorSpace(name: "tiny", words: words, vectors: vectors, dimension: 4)
    }

    private static let loaded = Result { try WordNet(store: AssetStore()) }
    let wn: WordNet
    init() throws { wn = try Self.loaded.get() }

    @Test func labelsAndPrecision() throws {
        let space = try Self.space()
        let report = try WordNetAgreement.analyze(
            words: ["dignity", "feeling", "fair", "autonomy", "xyzzy"], in: space, wordNet: wn,
            options: .init(k: 10))
        #expect(report.space == "tiny" && report.k == 10 && report.taxonomyDistance == 2)
        #expect(report.missingFromSpace == ["autonomy"])
        #expect(report.missingFromWordNet == ["xyzzy"])
        #expect(report.evaluatedCount == 3)

        var anys: [Double] = []
        for group in Self.groups {
            let result = try #require(report.words.first { $0.word == group.query })
            #expect(result.inSpace && result.inWordNet)
            #expect(result.neighbours.map(\.word) == group.neighbours.map(\.0), "\(group.query)")
            for (n, expected) in zip(result.neighbours, group.neighbours) {
                #expect(n.relations == expected.1, "\(group.query) → \(n.word)")
            }
            // Precision per relation and "any" (same-lemma excluded), counted here from the expected labels.
            for r in R.allCases {
                let count = group.neighbours.filter { $0.1.contains(r) }.count
                #expect(result.precision[r] == Double(count) / 10, "\(group.query) \(r)")
            }
            let any = Double(group.neighbours.filter { !$0.1.isEmpty && $0.1 != [.sameLemma] }.count) / 10
            #expect(result.precisionAny == any)
            anys.append(any)
            // Similarities are the cosines by construction: cos(i°).
            for (i, n) in result.neighbours.enumerated() {
                #expect(abs(Double(n.similarity) - cos(Double(i + 1) * .pi / 180)) < 1e-5)
            }
        }
        #expect(anys == [0.6, 0.5, 0.4])
        #expect(abs(try #require(report.meanPrecisionAny) - anys.reduce(0, +) / 3) < 1e-12)
        #expect(report.meanPrecision[.hypernym] == (0.2 + 0.1 + 0) / 3)
        let autonomy = try #require(report.words.first { $0.word == "autonomy" })
        #expect(!autonomy.inSpace && autonomy.inWordNet && autonomy.neighbours.isEmpty && autonomy.precisionAny == nil)
        let xyzzy = try #require(report.words.first { $0.word == "xyzzy" })
        #expect(xyzzy.inSpace && !xyzzy.inWordNet && xyzzy.neighbours.count == 10 && xyzzy.precisionAny == nil)
    }

    @Test func options() throws {
        let space = try Self.space()
        // Direct relations only: manner (two steps above dignity) and self-esteem, self-worth (two below
        // feeling) lose their labels.
        var direct = WordNetAgreement.Options(k: 10, taxonomyDistance: 1)
        let report = try WordNetAgreement.analyze(words: ["dignity", "feeling"], in: space, wordNet: wn, options: direct)
        let dignity = try #require(report.words.first)
        #expect(dignity.neighbours.first { $0.word == "manner" }?.relations == [])
        #expect(dignity.precisionAny == 0.5)
        let feeling = try #require(report.words.last)
        #expect(feeling.neighbours.filter { $0.relations == [.hyponym] }.map(\.word) == ["pridefulness"])
        // Same-lemma neighbours may count towards "any".
        direct.sameLemmaCountsAsRelated = true
        #expect(try WordNetAgreement.analyze(words: ["dignity"], in: space, wordNet: wn, options: direct).words[0].precisionAny == 0.6)
        // A restricted vocabulary searches only the first rows (dignity's group is rows 0–10).
        let restricted = try WordNetAgreement.analyze(
            words: ["dignity"], in: space, wordNet: wn, options: .init(k: 3, restrictVocabulary: 3))
        #expect(restricted.words[0].neighbours.map(\.word) == ["dignities", "self-respect"])
        // A k beyond the vocabulary returns every other word.
        let all = try WordNetAgreement.analyze(words: ["dignity"], in: space, wordNet: wn, options: .init(k: Int.max))
        #expect(all.words[0].neighbours.count == space.count - 1)
        // Bad arguments are one-line errors.
        for (options, says) in [
            (WordNetAgreement.Options(k: 0), "k must be positive"),
            (WordNetAgreement.Options(k: 5, taxonomyDistance: 0), "taxonomy distance"),
            (WordNetAgreement.Options(k: 5, restrictVocabulary: 0), "vocabulary restriction"),
        ] {
            #expect(throws: EmbeddingError.self) { try WordNetAgreement.analyze(words: ["dignity"], in: space, wordNet: wn, options: options) }
            do {
                _ = try WordNetAgreement.analyze(words: ["dignity"], in: space, wordNet: wn, options: options)
            } catch {
                #expect(error.description.contains(says))
            }
        }
        #expect(throws: EmbeddingError.self) { try WordNetAgreement.analyze(words: [], in: space, wordNet: wn) }
    }

    @Test func neighbourSearchIsExact() throws {
        // A random space of 300 words "w0"…: neighbours must be the top k by cosine computed here in Double.
        var generator = SplitMix(seed: 7)
        let n = 300, d = 16
        var vectors: [Float] = []
        for _ in 0 ..< n * d { vectors.append(Float(generator.nextUnit() * 2 - 1)) }
        let words = (0 ..< n).map { "w\($0)" }
        let space = try VectorSpace(name: "random", words: words, vectors: vectors, dimension: d)
        let report = try WordNetAgreement.analyze(words: ["w0", "w17", "w299"], in: space, wordNet: wn, options: .init(k: 7))
        for result in report.words {
            let q = Int(result.word.dropFirst())!
            func cosine(_ a: Int, _ b: Int) -> Double {
                var dot = 0.0, na = 0.0, nb = 0.0
                for i in 0 ..< d {
                    let x = Double(vectors[a * d + i]), y = Double(vectors[b * d + i])
                    dot += x * y
                    na += x * x
                    nb += y * y
                }
                return dot / (na * nb).squareRoot()
            }
            let expected = (0 ..< n).filter { $0 != q }.sorted { cosine(q, $0) > cosine(q, $1) }.prefix(7).map { "w\($0)" }
            #expect(result.neighbours.map(\.word) == Array(expected), "\(result.word)")
            #expect(!result.inWordNet)
        }
    }
}

/// SplitMix64, for reproducible random vectors.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
