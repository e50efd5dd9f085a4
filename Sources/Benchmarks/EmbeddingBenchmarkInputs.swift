import Embeddings
import Foundation

/// The fixed inputs of `valueprobe bench embed`, identical on every run and for ValueProbe and its peers.
public enum EmbeddingBenchmarkInputs {
    /// 100 words of human values and virtues (the default value words first), all in GloVe's vocabulary.
    public static let valueWords: [String] = [
        "dignity", "fairness", "wellbeing", "autonomy", "privacy", "honesty", "safety", "justice", "care", "freedom",
        "respect", "responsibility", "equality", "compassion", "integrity", "trust", "liberty", "consent", "welfare",
        "loyalty", "transparency", "accountability", "kindness", "solidarity", "tolerance",
        "courage", "humility", "generosity", "gratitude", "patience", "wisdom", "temperance", "prudence", "mercy",
        "forgiveness", "charity", "benevolence", "empathy", "sincerity", "truthfulness", "decency", "virtue",
        "morality", "ethics", "conscience", "duty", "obligation", "rights", "equity", "impartiality", "neutrality",
        "democracy", "sovereignty", "independence", "self-determination", "security", "peace", "harmony", "unity",
        "cooperation", "community", "friendship", "love", "family", "tradition", "heritage", "faith", "spirituality",
        "piety", "reverence", "purity", "sanctity", "authority", "obedience", "discipline", "order", "stability",
        "prosperity", "health", "happiness", "pleasure", "achievement", "success", "ambition", "excellence",
        "competence", "creativity", "curiosity", "knowledge", "education", "beauty", "nature", "sustainability",
        "diversity", "inclusion", "openness", "accessibility", "reliability", "humanity", "altruism",
    ]

    /// `count` English-like sentences of 3–60 words (log-normal lengths around 15) drawn from a fixed word list
    /// with a fixed seed: the MiniLM speed set (about 20 tokens per sentence).
    public static func sentences(count: Int = 1000, seed: UInt64 = 1234) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0 ..< count).map { _ in
            let n = min(60, max(3, Int(Foundation.exp(2.7 + 0.55 * random.nextGaussian()))))
            var words = (0 ..< n).map { _ in sentenceWords[Int(random.next() % UInt64(sentenceWords.count))] }
            words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
            return words.joined(separator: " ") + [".", "?", "!", "."][Int(random.next() % 4)]
        }
    }

    static let sentenceWords = """
        people value honesty fairness dignity care freedom justice loyalty respect harm help lie steal share friend \
        family work money time city house child school doctor teacher river mountain music history science policy \
        market vote community privacy safety health nature animal world question answer story small large quickly \
        always never often rarely because although while after before should could would the a an of to in on for \
        with about from by and or but not is are was were be been has have
        """.split(separator: " ").map(String.init)

    /// Writes the first `bytes` bytes of `corpus` (cut back to the last whole line) to `destination`; returns the
    /// bytes written. The word2vec and LSA figures are taken on such a slice of the built-in corpus.
    public static func writeSlice(of corpus: URL, bytes: Int, to destination: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: corpus)
        defer { try? handle.close() }
        var data = try handle.read(upToCount: max(0, bytes)) ?? Data()
        if data.count == bytes, let lastNewline = data.lastIndex(of: 0x0A) {
            data = data.prefix(through: lastNewline)
        }
        try data.write(to: destination)
        return data.count
    }
}
