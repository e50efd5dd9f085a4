import Foundation
import Statistics
import Testing

@testable import Embeddings

/// Golden values from embeddings.md §4.1 (computed there with NumPy/SciPy).
enum CompareGolden {
    static let p: [[Double]] = [[0.12573, -0.132105, 0.640423], [0.1049, -0.535669, 0.361595], [1.304, 0.947081, -0.703735],
                                [-1.265421, -0.623274, 0.041326], [-2.325031, -0.218792, -1.245911], [-0.732267, -0.544259, -0.3163]]
    static let r: [[Double]] = [[-0.921725, -0.457726, 0.220195, -1.009618], [-0.209176, -0.159225, 0.540846, 0.214659],
                                [0.355373, -0.653829, -0.129614, 0.783975], [1.493431, -1.259066, 1.513924, 1.345875],
                                [0.781311, 0.264456, -0.313923, 1.458021], [1.960258, 1.801635, 1.315104, 0.35738]]
    /// 90° rotation about the third axis.
    static let rz: [[Double]] = [[0, -1, 0], [1, 0, 0], [0, 0, 1]]
}

func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    a.map { row in (0 ..< b[0].count).map { j in zip(row, b).reduce(0) { $0 + $1.0 * $1.1[j] } } }
}

/// A random orthogonal d × d matrix (Gram–Schmidt of a random matrix).
func randomOrthogonal(_ d: Int, seed: UInt64) -> [[Double]] {
    var g = SeededGenerator(seed: seed)
    var q: [[Double]] = []
    while q.count < d {
        var v = (0 ..< d).map { _ in g.nextDouble() - 0.5 }
        for _ in 0 ..< 2 { for u in q { let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }; v = zip(v, u).map { $0 - dot * $1 } } }
        let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if n > 1e-3 { q.append(v.map { $0 / n }) }
    }
    return q
}

@Suite("Comparing spaces: Jaccard, RBO, RSA, CKA, Procrustes, SVD")
struct CompareSpacesTests {
    @Test func jaccardAndRBOGoldenValues() throws {
        let s = ["a", "b", "c", "d", "e"], t = ["b", "c", "d", "a", "e"]
        #expect(NeighborOverlap.jaccard(Array(s.prefix(3)), Array(t.prefix(3))) == 0.5)
        #expect(NeighborOverlap.jaccard(s, t) == 1)
        #expect(abs(try RankBiasedOverlap.extrapolated(s, t, p: 0.9) - 0.828) < 0.0005)
        #expect(abs(try RankBiasedOverlap.extrapolated(s, s, p: 0.9) - 1) < 1e-12)
        #expect(try RankBiasedOverlap.extrapolated(["a", "b", "c"], ["x", "y", "z"]) == 0)
        #expect(abs(try RankBiasedOverlap.extrapolated(s, Array(s.reversed())) - 0.737775) < 1e-6)
        #expect(try RankBiasedOverlap.extrapolated([String](), []) == 1)
        #expect(throws: EmbeddingError.self) { try RankBiasedOverlap.extrapolated(s, t, p: 1) }
        #expect(NeighborOverlap.overlap(Array(s.prefix(3)), Array(t.prefix(3))) == 2.0 / 3.0)
    }

    @Test func rsaAndCKAGoldenValues() throws {
        #expect(abs(try #require(try RepresentationalSimilarity.spearman(CompareGolden.p, CompareGolden.r)) - 0.210714) < 1e-6)
        #expect(abs(try #require(try LinearCKA.similarity(CompareGolden.p, CompareGolden.r)) - 0.331847) < 1e-6)
        let q = randomOrthogonal(3, seed: 3)
        let transformed = multiply(CompareGolden.p, q).map { $0.map { 2 * $0 + 0.5 } }
        #expect(abs(try #require(try LinearCKA.similarity(CompareGolden.p, transformed)) - 1) < 1e-9)
        #expect(abs(try #require(try RepresentationalSimilarity.spearman(CompareGolden.p, CompareGolden.p)) - 1) < 1e-12)
    }

    @Test func procrustesRecoversARotation() throws {
        let y = multiply(CompareGolden.p, CompareGolden.rz)
        let fit = try OrthogonalProcrustes(source: CompareGolden.p, target: y)
        #expect(fit.residual < 1e-12)
        #expect(abs(fit.fit - 1) < 1e-12)
        for a in 0 ..< 3 { for b in 0 ..< 3 { #expect(abs(fit.rotation[a * 3 + b] - CompareGolden.rz[a][b]) < 1e-9) } }
        #expect(fit.rowCosines.allSatisfy { abs($0 - 1) < 1e-9 })
        // Rotated, scaled and shifted: still a perfect fit after centring and scaling.
        let q = randomOrthogonal(3, seed: 11)
        let moved = multiply(CompareGolden.p, q).map { $0.map { 3 * $0 - 1.5 } }
        #expect(abs(try OrthogonalProcrustes(source: CompareGolden.p, target: moved).fit - 1) < 1e-12)
        // Unrelated point sets fit worse; the fit equals 2·Σσ(XᵀY) − 1 (unit-norm X, Y).
        let other = try OrthogonalProcrustes(source: CompareGolden.p, target: CompareGolden.r)
        #expect(other.padded && other.dimension == 4)
        // NumPy reference (P zero-padded to 4 columns, centred, unit-norm; svd of XᵀY): fit = 0.0949161.
        #expect(abs(other.fit - 0.0949161) < 1e-6)
        #expect(throws: EmbeddingError.self) { try OrthogonalProcrustes(source: [[1, 2]], target: [[1, 2]]) }
        #expect(throws: EmbeddingError.self) { try OrthogonalProcrustes(source: [[1, 2], [1, 2]], target: [[0, 1], [3, 4]]) }
    }

    @Test func jacobiSVDReconstructs() throws {
        var g = SeededGenerator(seed: 21)
        for (m, n) in [(7, 5), (40, 40), (3, 1), (64, 12), (1, 2)] {
            let a = (0 ..< m * n).map { _ in g.nextDouble() * 2 - 1 }
            let svd = try JacobiSVD.decompose(try DenseMatrix(rows: m, columns: n, values: a), tolerance: 1e-13, completeU: true)
            let k = min(m, n)
            for i in 0 ..< m {
                for j in 0 ..< n {
                    var s = 0.0
                    for c in 0 ..< k { s += svd.u[i, c] * svd.singularValues[c] * svd.v[j, c] }
                    #expect(abs(s - a[i * n + j]) < 1e-10)
                }
            }
            for (x, y) in zip(svd.singularValues, svd.singularValues.dropFirst()) { #expect(x >= y) }
            try expectOrthonormalColumns(svd.u.values, rows: m, columns: k)
            try expectOrthonormalColumns(svd.v.values, rows: n, columns: k)
        }
        // Rank 1: columns of U for zero singular values are completed to an orthonormal set.
        let rank1 = (0 ..< 4).flatMap { i in (0 ..< 3).map { j in Double(i + 1) * Double(j + 1) } }
        let svd = try JacobiSVD.decompose(try DenseMatrix(rows: 4, columns: 3, values: rank1), completeU: true)
        #expect(svd.singularValues[1] < 1e-12 && svd.singularValues[2] < 1e-12)
        try expectOrthonormalColumns(svd.u.values, rows: 4, columns: 3)
        #expect(throws: EmbeddingError.self) { try JacobiSVD.decompose(try DenseMatrix(rows: 1, columns: 1, values: [.nan])) }
    }

    func expectOrthonormalColumns(_ a: [Double], rows m: Int, columns n: Int) throws {
        for p in 0 ..< n {
            for q in 0 ..< n {
                var s = 0.0
                for i in 0 ..< m { s += a[i * n + p] * a[i * n + q] }
                #expect(abs(s - (p == q ? 1 : 0)) < 1e-10)
            }
        }
    }

    @Test func identicalSpacesAgreeCompletely() throws {
        let a = try randomSpace(words: 400, dimension: 12, seed: 2)
        let b = try VectorSpace(name: "copy", words: a.words, vectors: a.vectors, dimension: 12)
        let words = ["w1", "w7", "w100", "w399", "absent"]
        let c = try SpaceComparison.compare(a, b, words: words, k: 10)
        #expect(c.missing == ["absent"])
        #expect(c.words.map(\.word) == ["w1", "w7", "w100", "w399"])
        #expect(c.sharedVocabulary == 400 && c.neighborScope == "shared vocabulary")
        #expect(c.meanJaccard == 1 && abs(c.meanRBO! - 1) < 1e-12)
        #expect(abs(c.rsaSpearman! - 1) < 1e-12)
        #expect(abs(c.procrustes!.fit - 1) < 1e-9)
        #expect(abs(c.linearCKA! - 1) < 1e-9)
    }

    @Test func rotatedCopyIsAPerfectProcrustesFit() throws {
        let d = 10
        let a = try randomSpace(words: 300, dimension: d, seed: 4)
        let q = randomOrthogonal(d, seed: 8)
        let rows = (0 ..< a.count).map { r in (0 ..< d).map { Double(a.vectors[r * d + $0]) } }
        let rotated = multiply(rows, q).flatMap { $0.map(Float.init) }
        // Different vocabulary order and an extra word: comparison must align by word.
        let order = Array((0 ..< a.count).reversed())
        let b = try VectorSpace(name: "rotated", words: order.map { a.words[$0] } + ["extra"],
                                vectors: order.flatMap { Array(rotated[$0 * d ..< ($0 + 1) * d]) } + Array(repeating: 1, count: d),
                                dimension: d)
        let c = try SpaceComparison.compare(a, b, words: ["w0", "w5", "w77", "w123", "w250"], k: 8, anchors: 1000)
        #expect(c.sharedVocabulary == 300)
        #expect(c.procrustes!.fit > 1 - 1e-9)
        #expect(c.words.allSatisfy { abs($0.alignedCosine! - 1) < 1e-6 })
        #expect(c.meanJaccard! > 0.95)
        #expect(c.rsaSpearman! > 0.999)
        // Against an unrelated space everything is much lower.
        let unrelated = try randomSpace(words: 300, dimension: d, seed: 99)
        let u = try SpaceComparison.compare(a, unrelated, words: ["w0", "w5", "w77", "w123", "w250"], k: 8)
        #expect(u.procrustes!.fit < 0.5)
        #expect(u.meanJaccard! < 0.5)
    }
}
