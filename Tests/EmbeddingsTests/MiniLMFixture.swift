import Assets
import Embeddings
import Foundation

/// The real all-MiniLM-L6-v2 from the asset store (fetched on first use), loaded once for all tests.
enum MiniLMFixture {
    static let encoder: SentenceEncoder? = try? SentenceEncoder.miniLM(threads: 2)

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for i in a.indices {
            dot += Double(a[i]) * Double(b[i])
            na += Double(a[i]) * Double(a[i])
            nb += Double(b[i]) * Double(b[i])
        }
        return dot / (na.squareRoot() * nb.squareRoot())
    }
}
