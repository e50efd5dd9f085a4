import Foundation

/// The TF-IDF document-term matrix, weighted as gensim's `TfidfModel` defaults: raw term frequency × idf with
/// idf = log₂(N / df) (N = all documents given, empty ones included, as gensim counts them; df = documents
/// containing the term), then each document scaled to unit L2 norm. Terms present in every document get idf 0 and
/// carry no weight; documents left without weight are not rows of the matrix. (scikit-learn's default differs:
/// ln((1 + N)/(1 + df)) + 1.)
public struct TFIDFMatrix: Sendable {
    /// Rows = documents, columns = terms.
    public let matrix: SparseMatrix
    /// Document frequency of each term.
    public let documentFrequencies: [Int]
    public let idf: [Double]

    /// - Parameters:
    ///   - termIDs: all documents' term ids in `0 ..< terms`, back to back (any order within a document).
    ///   - documentStarts: document `d` is `termIDs[documentStarts[d] ..< documentStarts[d + 1]]` (may be empty).
    public init(termIDs: [Int32], documentStarts: [Int], terms: Int) throws(EmbeddingError) {
        guard documentStarts.first == 0, documentStarts.last == termIDs.count else {
            throw .invalid("tf-idf: document starts must run from 0 to \(termIDs.count)")
        }
        if let bad = termIDs.firstIndex(where: { $0 < 0 || Int($0) >= terms }) {
            throw .invalid("tf-idf: term id \(termIDs[bad]) at position \(bad) is outside 0..<\(terms)")
        }
        // Pass 1: distinct terms and their frequencies per document; document frequencies.
        var df = [Int](repeating: 0, count: terms)
        var starts = [0]
        var indices: [Int32] = []
        var counts: [Int32] = []
        indices.reserveCapacity(termIDs.count / 2)
        counts.reserveCapacity(termIDs.count / 2)
        var scratch: [Int32] = []
        for d in 0 ..< documentStarts.count - 1 {
            let lo = documentStarts[d], hi = documentStarts[d + 1]
            guard lo <= hi else { throw .invalid("tf-idf: document \(d) ends before it starts") }
            guard lo < hi else { continue }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: termIDs[lo ..< hi])
            scratch.sort()
            var i = 0
            while i < scratch.count {
                var j = i + 1
                while j < scratch.count && scratch[j] == scratch[i] { j += 1 }
                indices.append(scratch[i])
                counts.append(Int32(j - i))
                df[Int(scratch[i])] += 1
                i = j
            }
            starts.append(indices.count)
        }
        let n = Double(documentStarts.count - 1)
        let idf = df.map { $0 > 0 ? log2(n / Double($0)) : 0 }
        // Pass 2: weights, L2 normalisation, zero weights dropped.
        var outStarts = [0]
        var outIndices: [Int32] = []
        var values: [Double] = []
        outIndices.reserveCapacity(indices.count)
        values.reserveCapacity(indices.count)
        for d in 0 ..< starts.count - 1 {
            var norm = 0.0
            for e in starts[d] ..< starts[d + 1] {
                let w = Double(counts[e]) * idf[Int(indices[e])]
                norm += w * w
            }
            if norm <= 0 { continue }
            let scale = 1 / norm.squareRoot()
            for e in starts[d] ..< starts[d + 1] {
                let w = Double(counts[e]) * idf[Int(indices[e])]
                if w == 0 { continue }
                outIndices.append(indices[e])
                values.append(w * scale)
            }
            outStarts.append(values.count)
        }
        matrix = try SparseMatrix(rows: outStarts.count - 1, columns: terms, rowStarts: outStarts,
                                  columnIndices: outIndices, values: values)
        documentFrequencies = df
        self.idf = idf
    }
}
