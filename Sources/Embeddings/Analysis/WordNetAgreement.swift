import CKernels
import Foundation
import Lexicon

/// How far an embedding space's nearest neighbours of value words agree with WordNet: for each word, the share of
/// its k nearest neighbours (cosine) that WordNet relates to it, per relation and for any relation.
///
/// **Relations** (a neighbour may carry several):
/// - ``Relation/synonym``: the neighbour shares a synset with the word;
/// - ``Relation/hypernym`` / ``Relation/hyponym``: one of the neighbour's synsets lies above / below one of the
///   word's synsets within ``Options/taxonomyDistance`` steps (hypernym and instance-hypernym pointers; 1 = direct
///   only, the default 2 adds grandparents / grandchildren; siblings are not counted);
/// - ``Relation/derivation``: a derivationally related form of the word (lexical `+` pointers from the word's own
///   senses, e.g. dignity → dignify);
/// - ``Relation/antonym``: a direct antonym of one of the word's senses (lexical `!` pointers; the indirect
///   antonyms of adjective satellites are not followed);
/// - ``Relation/gloss``: the neighbour, or one of its base forms, appears in the gloss (definition or examples) of
///   one of the word's synsets, or a base form of a gloss word — function words in ``Options/glossStopWords`` are
///   ignored.
///
/// Both the word and each neighbour are lemmatised with WordNet's morphy over all parts of speech before lookup
/// (so "dignities" or "respected" find their lemmas). A neighbour whose base forms include one of the word's own
/// (an inflection or spelling of the word itself) gets only the label ``Relation/sameLemma``, which is reported
/// but does not count towards "any" unless ``Options/sameLemmaCountsAsRelated`` is set.
///
/// **Precision@k** of a relation is the number of neighbours with that label divided by the number of neighbours
/// returned (k, or fewer in a tiny space). The space-level means average over the words that are in both the
/// space and WordNet; the others are listed in the report but left out of the means.
///
/// Neighbour search is an exact brute-force scan over ``VectorSpace/normalizedVectors`` (the query word itself is
/// excluded; ties go to the lower row).
public enum WordNetAgreement {
    /// A WordNet relation between a word and one of its neighbours.
    public enum Relation: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Hashable {
        case sameLemma = "same-lemma"
        case synonym
        case hypernym
        case hyponym
        case derivation
        case antonym
        case gloss

        /// The relations that count towards "any" by default (all but ``sameLemma``).
        public static let wordNetRelations: [Relation] = [.synonym, .hypernym, .hyponym, .derivation, .antonym, .gloss]
    }

    /// Settings of the analysis.
    public struct Options: Sendable {
        /// Neighbours per word.
        public var k: Int = 10
        /// Steps up (hypernyms) and down (hyponyms) that still count: 1 = direct only.
        public var taxonomyDistance: Int = 2
        /// Search only the first N rows of the space (its most frequent words, for spaces stored in frequency
        /// order, as gensim's `restrict_vocab`); nil searches all.
        public var restrictVocabulary: Int?
        /// Whether a neighbour that is a form of the word itself counts towards "any".
        public var sameLemmaCountsAsRelated: Bool = false
        /// Words that never count as gloss matches.
        public var glossStopWords: Set<String> = Options.defaultGlossStopWords

        public init(k: Int = 10, taxonomyDistance: Int = 2, restrictVocabulary: Int? = nil) {
            self.k = k
            self.taxonomyDistance = taxonomyDistance
            self.restrictVocabulary = restrictVocabulary
        }

        /// English function words (articles, pronouns, prepositions, conjunctions, auxiliaries).
        public static let defaultGlossStopWords: Set<String> = [
            "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto", "out",
            "over", "under", "up", "down", "about", "above", "below", "between", "through", "during", "before",
            "after", "without", "within", "against", "among", "upon", "off", "is", "are", "was", "were", "be", "been",
            "being", "am", "do", "does", "did", "done", "have", "has", "had", "having", "can", "could", "may", "might",
            "must", "shall", "should", "will", "would", "that", "which", "who", "whom", "whose", "this", "these",
            "those", "it", "its", "or", "and", "but", "not", "no", "nor", "so", "than", "then", "there", "their",
            "they", "them", "he", "she", "his", "her", "him", "we", "us", "our", "you", "your", "i", "me", "my",
            "one", "ones", "some", "any", "all", "each", "every", "such", "other", "another", "more", "most", "less",
            "least", "very", "too", "just", "only", "also", "here", "when", "where", "why", "how", "what", "both",
            "few", "own", "same", "something", "someone", "somebody", "anything", "if", "because", "while", "e.g.",
            "etc", "esp", "especially", "usually", "often", "s",
        ]
    }

    /// One neighbour of a word.
    public struct Neighbour: Sendable, Codable, Hashable {
        /// The neighbour as the space spells it.
        public let word: String
        /// Cosine similarity to the word.
        public let similarity: Float
        /// Its WordNet base forms (empty when WordNet does not know it).
        public let lemmas: [String]
        /// Its relations to the word, in ``Relation`` order; empty when none.
        public let relations: [Relation]
    }

    /// The analysis of one word.
    public struct WordResult: Sendable, Codable {
        public let word: String
        /// Whether the space has the word (nothing else is filled in when it has not).
        public let inSpace: Bool
        /// Whether WordNet knows the word (through morphy); precision is left empty when it does not.
        public let inWordNet: Bool
        /// The word's WordNet base forms.
        public let lemmas: [String]
        /// The word's k nearest neighbours, nearest first.
        public let neighbours: [Neighbour]
        /// Per relation, the share of neighbours with that label (every relation is present, 0 when none);
        /// empty when the word was not evaluated.
        public let precision: [Relation: Double]
        /// The share of neighbours with any counting relation; nil when the word was not evaluated.
        public let precisionAny: Double?

        /// Whether the word enters the space-level means.
        public var isEvaluated: Bool { precisionAny != nil }
    }

    /// The analysis of a list of words in one space.
    public struct Report: Sendable, Codable {
        /// The space's name.
        public let space: String
        public let k: Int
        public let taxonomyDistance: Int
        public let restrictVocabulary: Int?
        public let words: [WordResult]
        /// Mean precision@k per relation over the evaluated words.
        public let meanPrecision: [Relation: Double]
        /// Mean "any" precision@k over the evaluated words; nil when no word was evaluated.
        public let meanPrecisionAny: Double?
        /// How many words entered the means.
        public let evaluatedCount: Int
        /// Words missing from the space.
        public let missingFromSpace: [String]
        /// Words in the space that WordNet does not know.
        public let missingFromWordNet: [String]
    }

    /// Value words used when no list is given: the ones counted in the project's corpus inventory
    /// (shared/reference/data.md §6), all in WordNet 3.0.
    public static let defaultValueWords = [
        "care", "trust", "justice", "respect", "liberty", "safety", "freedom", "dignity", "harm", "compassion",
        "consent", "integrity", "welfare", "honesty", "equality", "privacy", "well-being", "fairness", "autonomy",
        "wellbeing",
    ]

    /// Runs the analysis for `words` in `space`.
    public static func analyze(
        words: [String], in space: VectorSpace, wordNet: WordNet, options: Options = Options()
    ) throws(EmbeddingError) -> Report {
        guard options.k > 0 else { throw .invalid("agreement: k must be positive, got \(options.k)") }
        guard options.taxonomyDistance >= 1 else {
            throw .invalid("agreement: the taxonomy distance must be at least 1, got \(options.taxonomyDistance)")
        }
        if let r = options.restrictVocabulary, r < 1 {
            throw .invalid("agreement: the vocabulary restriction must be positive, got \(r)")
        }
        guard !words.isEmpty else { throw .invalid("agreement: the word list is empty") }

        let normalized = space.normalizedVectors
        var results: [WordResult] = []
        for word in words {
            guard let row = space.row(of: word) else {
                results.append(WordResult(word: word, inSpace: false, inWordNet: !wordNet.lemmatize(word).isEmpty,
                                          lemmas: wordNet.lemmatize(word), neighbours: [], precision: [:], precisionAny: nil))
                continue
            }
            let found = nearest(row: row, k: options.k, in: space, normalized: normalized, limit: options.restrictVocabulary)
            results.append(analyze(word: word, neighbours: found, space: space, wordNet: wordNet, options: options))
        }

        let evaluated = results.filter(\.isEvaluated)
        var means: [Relation: Double] = [:]
        if !evaluated.isEmpty {
            for r in Relation.allCases {
                means[r] = evaluated.map { $0.precision[r] ?? 0 }.reduce(0, +) / Double(evaluated.count)
            }
        }
        return Report(
            space: space.name, k: options.k, taxonomyDistance: options.taxonomyDistance,
            restrictVocabulary: options.restrictVocabulary, words: results, meanPrecision: means,
            meanPrecisionAny: evaluated.isEmpty ? nil : evaluated.compactMap(\.precisionAny).reduce(0, +) / Double(evaluated.count),
            evaluatedCount: evaluated.count,
            missingFromSpace: results.filter { !$0.inSpace }.map(\.word),
            missingFromWordNet: results.filter { $0.inSpace && !$0.inWordNet }.map(\.word))
    }

    /// What WordNet says about the query word, gathered once.
    private struct WordProfile {
        let lemmas: Set<String>
        let synsets: Set<SynsetID>
        let hypernyms: Set<SynsetID>
        let hyponyms: Set<SynsetID>
        let derivations: Set<String>
        let antonyms: Set<String>
        let glossWords: Set<String>
    }

    private static func profile(_ word: String, wordNet wn: WordNet, options: Options) -> WordProfile {
        let lemmas = wn.lemmatize(word)
        let synsets = wn.synsets(word)
        var hypernyms = Set<SynsetID>()
        var hyponyms = Set<SynsetID>()
        var glossWords = Set<String>()
        for s in synsets {
            for (h, _) in wn.hypernymClosure(s, maxDepth: options.taxonomyDistance) { hypernyms.insert(h) }
            for (h, _) in wn.hyponymClosure(s, maxDepth: options.taxonomyDistance) { hyponyms.insert(h) }
            for token in glossTokens(wn.gloss(of: s)) where !options.glossStopWords.contains(token) {
                glossWords.insert(token)
                for base in wn.lemmatize(token) where !options.glossStopWords.contains(base) { glossWords.insert(base) }
            }
        }
        var derivations = Set<String>()
        var antonyms = Set<String>()
        for lemma in lemmas {
            for sense in wn.lemmas(lemma) {
                for d in wn.derivationallyRelatedForms(of: sense) { derivations.insert(WordNet.normalize(d.name)) }
                for a in wn.antonyms(of: sense) { antonyms.insert(WordNet.normalize(a.name)) }
            }
        }
        return WordProfile(
            lemmas: Set(lemmas), synsets: Set(synsets), hypernyms: hypernyms, hyponyms: hyponyms,
            derivations: derivations, antonyms: antonyms, glossWords: glossWords)
    }

    /// Lower-case words of a gloss: runs of letters, with inner hyphens and apostrophes kept (`well-being`).
    static func glossTokens(_ gloss: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            while let last = current.last, last == "-" || last == "'" { current.removeLast() }
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for c in gloss.lowercased() {
            if c.isLetter {
                current.append(c)
            } else if (c == "-" || c == "'") && !current.isEmpty {
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private static func analyze(
        word: String, neighbours found: [(row: Int, similarity: Float)], space: VectorSpace, wordNet wn: WordNet,
        options: Options
    ) -> WordResult {
        let p = profile(word, wordNet: wn, options: options)
        guard !p.lemmas.isEmpty else {
            let neighbours = found.map { Neighbour(word: space.words[$0.row], similarity: $0.similarity, lemmas: wn.lemmatize(space.words[$0.row]), relations: []) }
            return WordResult(word: word, inSpace: true, inWordNet: false, lemmas: [], neighbours: neighbours, precision: [:], precisionAny: nil)
        }
        let counting = Set(options.sameLemmaCountsAsRelated ? Relation.allCases : Relation.wordNetRelations)
        var counts: [Relation: Int] = [:]
        var anyCount = 0
        var neighbours: [Neighbour] = []
        for (row, similarity) in found {
            let text = space.words[row]
            let forms = wn.lemmatize(text)
            var relations: [Relation] = []
            if !forms.isEmpty, !p.lemmas.isDisjoint(with: forms) {
                relations = [.sameLemma]
            } else {
                let synsets = Set(wn.synsets(text))
                if !synsets.isDisjoint(with: p.synsets) { relations.append(.synonym) }
                if !synsets.isDisjoint(with: p.hypernyms) { relations.append(.hypernym) }
                if !synsets.isDisjoint(with: p.hyponyms) { relations.append(.hyponym) }
                if !p.derivations.isDisjoint(with: forms) { relations.append(.derivation) }
                if !p.antonyms.isDisjoint(with: forms) { relations.append(.antonym) }
                let own = WordNet.normalize(text)
                let glossForms = ([own] + forms).filter { !options.glossStopWords.contains($0) }
                if !p.glossWords.isDisjoint(with: glossForms) { relations.append(.gloss) }
            }
            for r in relations { counts[r, default: 0] += 1 }
            if relations.contains(where: counting.contains) { anyCount += 1 }
            neighbours.append(Neighbour(word: text, similarity: similarity, lemmas: forms, relations: relations))
        }
        guard !found.isEmpty else {
            return WordResult(word: word, inSpace: true, inWordNet: true, lemmas: wn.lemmatize(word), neighbours: [], precision: [:], precisionAny: nil)
        }
        let n = Double(found.count)
        var precision: [Relation: Double] = [:]
        for r in Relation.allCases { precision[r] = Double(counts[r] ?? 0) / n }
        return WordResult(
            word: word, inSpace: true, inWordNet: true, lemmas: wn.lemmatize(word), neighbours: neighbours,
            precision: precision, precisionAny: Double(anyCount) / n)
    }

    /// Exact top-k cosine neighbours of `row` among the first `limit` rows (all when nil), the row itself
    /// excluded; nearest first, ties to the lower row.
    static func nearest(
        row query: Int, k: Int, in space: VectorSpace, normalized: [Float], limit: Int?
    ) -> [(row: Int, similarity: Float)] {
        let d = space.dimension
        let rows = min(space.count, limit ?? space.count)
        let k = min(k, rows)
        var best: [(row: Int, similarity: Float)] = []
        best.reserveCapacity(k + 1)
        normalized.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let q = base + query * d
            for r in 0 ..< rows where r != query && k > 0 {
                let s = vp_dot_f32(q, base + r * d, Int64(d))
                if best.count == k, let last = best.last, !(s > last.similarity) { continue }
                // Insert keeping descending order; equal scores stay in row order.
                var i = best.count
                while i > 0 && best[i - 1].similarity < s { i -= 1 }
                best.insert((r, s), at: i)
                if best.count > k { best.removeLast() }
            }
        }
        return best
    }
}
