import CKernels
import Foundation
import Statistics
import Testing

@testable import Embeddings

/// Brute-force reference: cosine of every row in double precision, sorted by (cosine desc, row asc), self excluded.
func bruteForceNeighbors(_ space: VectorSpace, row q: Int, k: Int) -> [(row: Int, cosine: Double)] {
    let d = space.dimension
    let v = space.vectors
    func norm(_ r: Int) -> Double { (0 ..< d).reduce(0.0) { $0 + Double(v[r * d + $1]) * Double(v[r * d + $1]) }.squareRoot() }
    let nq = norm(q)
    var scored: [(row: Int, cosine: Double)] = []
    scored.reserveCapacity(space.count)
    for r in 0 ..< space.count where r != q {
        var dot = 0.0
        for j in 0 ..< d { dot += Double(v[q * d + j]) * Double(v[r * d + j]) }
        let n = norm(r)
        scored.append((r, n > 0 && nq > 0 ? dot / (n * nq) : 0))
    }
    scored.sort { $0.cosine > $1.cosine || ($0.cosine == $1.cosine && $0.row < $1.row) }
    return Array(scored.prefix(k + 1))
}

func randomSpace(words n: Int, dimension d: Int, seed: UInt64) throws -> VectorSpace {
    var g = SeededGenerator(seed: seed)
    let values = (0 ..< n * d).map { _ in Float(g.nextDouble() * 2 - 1) }
    return try VectorSpace(name: "random\(seed)", words: (0 ..< n).map { "w\($0)" }, vectors: values, dimension: d)
}

@Suite("Exact top-k neighbour search")
struct NeighborSearchTests {
    @Test(arguments: [(1000, 17, 13, 10), (777, 50, 100, 10), (64, 3, 1, 5), (300, 8, 9, 1)])
    func matchesBruteForce(n: Int, d: Int, m: Int, k: Int) throws {
        let space = try randomSpace(words: n, dimension: d, seed: UInt64(n * 31 + d))
        let queries = (0 ..< m).map { ($0 * 7919) % n }
        for threads in [1, 3] {
            let results = try NeighborSearch(space: space, threads: threads).nearest(toRows: queries, k: k)
            #expect(results.count == m)
            for (i, q) in queries.enumerated() {
                let reference = bruteForceNeighbors(space, row: q, k: k)
                let got = results[i]
                #expect(got.count == k)
                #expect(!got.contains { $0.row == q })
                for (a, b) in zip(got, got.dropFirst()) { #expect(a.cosine >= b.cosine) }
                for nb in got { #expect(nb.word == space.words[nb.row]) }
                // Equal rows unless the reference has a near-tie around the cut or inside the list.
                let gaps = zip(reference, reference.dropFirst()).map { $0.cosine - $1.cosine }
                if gaps.allSatisfy({ $0 > 1e-5 }) {
                    #expect(got.map(\.row) == reference.prefix(k).map(\.row), "query \(q)")
                } else {
                    #expect(got.last!.cosine >= Float(reference[k - 1].cosine) - 1e-5)
                }
                for (nb, ref) in zip(got, reference) where nb.row == ref.row {
                    #expect(abs(Double(nb.cosine) - ref.cosine) < 1e-5)
                }
            }
        }
    }

    @Test func tiesResolveByRowOrderAcrossBlocks() throws {
        let n = 2000, d = 6
        var space = try randomSpace(words: n, dimension: d, seed: 5)
        var values = space.vectors
        let direction: [Float] = [0.3, -0.2, 0.9, 0.1, 0.05, -0.4]
        // Rows with the same direction (exact multiples by powers of two normalise to identical unit vectors).
        for (r, scale) in [(1999, 1.0), (5, 2.0), (1000, 0.5), (3, 4.0), (42, 1.0)] as [(Int, Float)] {
            for j in 0 ..< d { values[r * d + j] = direction[j] * scale }
        }
        space = try VectorSpace(name: "ties", words: space.words, vectors: values, dimension: d)
        for threads in [1, 4] {
            let got = try NeighborSearch(space: space, threads: threads).nearest(toRows: [42], k: 4)[0]
            #expect(got.map(\.row) == [3, 5, 1000, 1999])
            #expect(got.allSatisfy { $0.cosine == got[0].cosine })
        }
    }

    @Test func edgeCases() throws {
        let space = try randomSpace(words: 5, dimension: 4, seed: 9)
        let search = NeighborSearch(space: space)
        #expect(try search.nearest(to: ["w0"], k: 10)[0].count == 4)
        #expect(try search.nearest(to: ["w0"], k: 0)[0].isEmpty)
        #expect(try search.nearest(to: [], k: 3).isEmpty)
        #expect(throws: EmbeddingError.missingWord("nope", space: space.name)) { try search.nearest(to: ["w1", "nope"], k: 3) }
        #expect(throws: EmbeddingError.self) { try search.nearest(to: ["w1"], k: -1) }
        #expect(throws: EmbeddingError.self) { try search.nearest(toVectors: [1, 0, 0, 0], k: 1, excluding: [1 << 40]) }
        #expect(throws: EmbeddingError.self) { try search.nearest(toVectors: [1, 0, 0], k: 1, excluding: [nil]) }
        // Unnormalised query vectors; nothing excluded, so the row itself comes first.
        let v = try space.vector(for: "w2").map { $0 * 3 }
        let got = try search.nearest(toVectors: v, k: 2, excluding: [nil])[0]
        #expect(got.first?.row == 2)
        #expect(abs(got[0].cosine - 1) < 1e-6)
        #expect(try space.nearestNeighbors(of: "w2", k: 2).map(\.row) == bruteForceNeighbors(space, row: 2, k: 2).prefix(2).map(\.row))
    }

    @Test func gloveNeighborsMatchBruteForce() throws {
        let space = try GloVeFixture.space()
        let d = space.dimension
        // Reference: every cosine from the raw vectors with the C dot product, then a full sort.
        let norms: [Float] = space.vectors.withUnsafeBufferPointer { v in
            (0 ..< space.count).map { r in vp_dot_f32(v.baseAddress! + r * d, v.baseAddress! + r * d, Int64(d)).squareRoot() }
        }
        let words = ["dignity", "fairness", "well-being"]
        let results = try NeighborSearch(space: space).nearest(to: words, k: 10)
        for (w, got) in zip(words, results) {
            let q = try #require(space.row(of: w))
            let cosines: [Double] = space.vectors.withUnsafeBufferPointer { v in
                (0 ..< space.count).map { r in
                    Double(vp_dot_f32(v.baseAddress! + q * d, v.baseAddress! + r * d, Int64(d))) / Double(norms[q] * norms[r])
                }
            }
            let reference = (0 ..< space.count).filter { $0 != q }.sorted { cosines[$0] > cosines[$1] || (cosines[$0] == cosines[$1] && $0 < $1) }
            #expect(got.map(\.row) == Array(reference.prefix(10)), "\(w)")
            for nb in got { #expect(abs(Double(nb.cosine) - cosines[nb.row]) < 1e-5) }
        }
    }
}
