@testable import Embeddings
import Foundation
import Testing

@Suite("LSA")
struct LSATrainerTests {
    @Test func tfidfWeightsAreGensimsDefault() throws {
        // d0 = {t0, t0, t1}, d1 = {t1, t2}, d2 = {t2}; N = 3, df = [1, 2, 2]
        let m = try TFIDFMatrix(termIDs: [0, 1, 0, 1, 2, 2], documentStarts: [0, 3, 5, 6], terms: 3)
        let idf = [log2(3.0), log2(1.5), log2(1.5)]
        #expect(m.documentFrequencies == [1, 2, 2])
        #expect(zip(m.idf, idf).allSatisfy { abs($0 - $1) < 1e-15 })
        let d0 = [2 * idf[0], idf[1]], n0 = (d0[0] * d0[0] + d0[1] * d0[1]).squareRoot()
        let x = m.matrix
        #expect(x.rows == 3 && x.rowStarts == [0, 2, 4, 5] && x.columnIndices == [0, 1, 1, 2, 2])
        let expected = [d0[0] / n0, d0[1] / n0, 1 / 2.0.squareRoot(), 1 / 2.0.squareRoot(), 1]
        #expect(zip(x.values, expected).allSatisfy { abs($0 - $1) < 1e-15 })
        // A term in every document weighs nothing.
        let everywhere = try TFIDFMatrix(termIDs: [0, 1, 0, 2], documentStarts: [0, 2, 4], terms: 3)
        #expect(everywhere.idf[0] == 0 && !everywhere.matrix.columnIndices.contains(0))
        #expect(throws: EmbeddingError.self) { _ = try TFIDFMatrix(termIDs: [3], documentStarts: [0, 1], terms: 3) }
        // Empty documents count in N (as in gensim) but are not rows: N = 3, df(t0) = 2.
        let withEmpty = try TFIDFMatrix(termIDs: [0, 0, 1], documentStarts: [0, 1, 1, 3], terms: 2)
        #expect(abs(withEmpty.idf[0] - log2(1.5)) < 1e-15 && abs(withEmpty.idf[1] - log2(3.0)) < 1e-15)
        #expect(withEmpty.matrix.rows == 2)
    }

    static func topicCorpus() -> TokenCorpus {
        let pets = ["cat", "dog", "pet", "fur", "paw"]
        let money = ["stock", "bond", "market", "price", "trade"]
        var random = SeededRandom(seed: 17)
        var lines: [[String]] = []
        for i in 0 ..< 300 {
            let topic = i % 2 == 0 ? pets : money
            lines.append((0 ..< 4).map { _ in topic[Int(random.next() % 5)] } + ["the"])
        }
        return TokenCorpus(lines: lines)
    }

    @Test func topicsSeparateAndSingularValuesMatchTheDenseSVD() throws {
        var config = LSAConfiguration()
        config.dimension = 2
        config.minCount = 1
        config.oversampling = 8  // l = 10 = all terms: the range finder is exact
        config.threads = 2
        let corpus = Self.topicCorpus()
        let result = try LSATrainer(configuration: config).train(corpus)
        let space = result.space
        #expect(space.name == "lsa" && space.dimension == 2)
        // "the" is in every document: idf 0, left out.
        #expect(!space.contains("the") && space.count == 10)
        for (a, b) in [("cat", "dog"), ("fur", "paw"), ("stock", "price")] { #expect(try space.similarity(a, b) > 0.9) }
        for (a, b) in [("cat", "stock"), ("paw", "market")] { #expect(try space.similarity(a, b) < 0.2) }
        // Same singular values as a direct Jacobi SVD of the same TF-IDF matrix.
        let tfidf = try TFIDFMatrix(termIDs: corpus.tokens, documentStarts: corpus.lineStarts, terms: corpus.words.count)
        var dense = DenseMatrix(rows: tfidf.matrix.rows, columns: tfidf.matrix.columns)
        for r in 0 ..< dense.rows {
            for e in tfidf.matrix.rowStarts[r] ..< tfidf.matrix.rowStarts[r + 1] {
                dense[r, Int(tfidf.matrix.columnIndices[e])] = tfidf.matrix.values[e]
            }
        }
        let direct = try JacobiSVD.decompose(dense)
        for i in 0 ..< 2 { #expect(abs(result.singularValues[i] - direct.singularValues[i]) < 1e-9) }
        // Word vectors are V·Σ: their norms squared add up to Σσ².
        let total = space.vectors.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(abs(total - result.singularValues.reduce(0) { $0 + $1 * $1 }) < 1e-4)
        #expect(result.statistics.documents == 300 && result.statistics.terms == 10)
    }

    @Test func windowsStopWordsAndExponent() throws {
        var config = LSAConfiguration()
        config.dimension = 2
        config.minCount = 1
        config.documents = .windows(5)
        config.stopWords = ["pet", "bond"]
        config.singularValueExponent = 0
        let corpus = Self.topicCorpus()
        let result = try LSATrainer(configuration: config).train(corpus)
        #expect(!result.space.contains("pet") && !result.space.contains("bond"))
        // Windows of 5 tokens are the 300 lines; those holding only stop words and "the" (idf 0) carry no weight.
        let weighted = (0 ..< corpus.lineCount).filter { line in
            (corpus.lineStarts[line] ..< corpus.lineStarts[line + 1]).contains { !["pet", "bond", "the"].contains(corpus.words[Int(corpus.tokens[$0])]) }
        }.count
        #expect(result.statistics.documents == weighted && weighted < 300 && weighted > 280)
        // α = 0: bare singular vectors, columns of unit length.
        for c in 0 ..< 2 {
            var norm = 0.0
            for r in 0 ..< result.space.count { norm += Double(result.space.vectors[r * 2 + c] * result.space.vectors[r * 2 + c]) }
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test func dimensionLargerThanTheMatrixIsRefused() {
        var config = LSAConfiguration()
        config.dimension = 50
        config.minCount = 1
        #expect(throws: EmbeddingError.self) { _ = try LSATrainer(configuration: config).train(Self.topicCorpus()) }
        config.dimension = 2
        config.minCount = 10_000
        #expect(throws: EmbeddingError.self) { _ = try LSATrainer(configuration: config).train(Self.topicCorpus()) }
    }
}
