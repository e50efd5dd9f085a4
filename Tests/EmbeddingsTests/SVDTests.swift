@testable import Embeddings
import Foundation
import Testing

/// The dense QR and Jacobi SVD against matrices with known factors, and the randomized SVD against the direct
/// Jacobi SVD of the same matrix.
@Suite("SVD")
struct SVDTests {
    static func maxAbsDifference(_ a: DenseMatrix, _ b: DenseMatrix) -> Double {
        zip(a.values, b.values).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    static func gram(_ q: DenseMatrix) -> DenseMatrix {
        (try? q.transposed().multiplied(by: q)) ?? DenseMatrix(rows: 0, columns: 0)
    }

    /// U·diag(s)·Vᵀ with random orthonormal U (m × k) and V (n × k).
    static func matrix(singularValues s: [Double], rows m: Int, columns n: Int, seed: UInt64) throws -> DenseMatrix {
        let u = HouseholderQR.decompose(DenseMatrix.gaussian(rows: m, columns: s.count, seed: seed)).q
        let v = HouseholderQR.decompose(DenseMatrix.gaussian(rows: n, columns: s.count, seed: seed + 1)).q
        var us = u
        for i in 0 ..< m { for k in 0 ..< s.count { us[i, k] *= s[k] } }
        return try us.multiplied(by: v.transposed())
    }

    @Test(arguments: [(12, 5), (5, 8), (9, 9)])
    func householderQR(_ shape: (Int, Int)) throws {
        let a = DenseMatrix.gaussian(rows: shape.0, columns: shape.1, seed: 11)
        let (q, r) = HouseholderQR.decompose(a)
        let k = min(shape.0, shape.1)
        #expect(q.rows == shape.0 && q.columns == k && r.rows == k && r.columns == shape.1)
        #expect(Self.maxAbsDifference(Self.gram(q), .identity(k)) < 1e-13)
        #expect(Self.maxAbsDifference(try q.multiplied(by: r), a) < 1e-12)
        for i in 0 ..< k { for j in 0 ..< i { #expect(r[i, j] == 0) } }
    }

    @Test func jacobiRecoversKnownSingularValues() throws {
        let s = [9.0, 4.5, 2.25, 1.0, 0.5, 0.01]
        let a = try Self.matrix(singularValues: s, rows: 15, columns: 9, seed: 5)
        let svd = try JacobiSVD.decompose(a)
        #expect(svd.singularValues.count == 9)
        for (got, want) in zip(svd.singularValues, s) { #expect(abs(got - want) < 1e-12 * 9) }
        for extra in svd.singularValues.dropFirst(s.count) { #expect(extra < 1e-12) }
        #expect(Self.maxAbsDifference(svd.reconstructed(), a) < 1e-12)
        let u6 = svd.u.leadingColumns(6), v = svd.v
        #expect(Self.maxAbsDifference(Self.gram(u6), .identity(6)) < 1e-12)
        #expect(Self.maxAbsDifference(Self.gram(v), .identity(9)) < 1e-12)
    }

    @Test func jacobiOnWideAndRandomMatrices() throws {
        let a = DenseMatrix.gaussian(rows: 6, columns: 10, seed: 21)
        let svd = try JacobiSVD.decompose(a)
        #expect(svd.u.rows == 6 && svd.v.rows == 10 && svd.singularValues.count == 6)
        #expect(Self.maxAbsDifference(svd.reconstructed(), a) < 1e-12)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        // Σσ² equals the squared Frobenius norm.
        let energy = svd.singularValues.reduce(0) { $0 + $1 * $1 }
        #expect(abs(energy - a.frobeniusNorm * a.frobeniusNorm) < 1e-10)
        // Canonical signs: the largest-magnitude entry of every V column is positive.
        for k in 0 ..< 6 {
            let column = (0 ..< 10).map { svd.v[$0, k] }
            #expect((column.max(by: { abs($0) < abs($1) }) ?? 0) > 0)
        }
    }

    @Test func gramProductMatchesDenseArithmetic() throws {
        var dense = DenseMatrix.gaussian(rows: 37, columns: 11, seed: 3)
        for i in 0 ..< dense.values.count where i % 3 != 0 { dense.values[i] = 0 }
        let sparse = SparseMatrix(dense)
        #expect(sparse.nonZeros == dense.values.filter { $0 != 0 }.count)
        let q = DenseMatrix.gaussian(rows: 11, columns: 4, seed: 4)
        let expected = try dense.transposed().multiplied(by: try dense.multiplied(by: q))
        for threads in [1, 3] {
            #expect(Self.maxAbsDifference(try sparse.gramProduct(q, threads: threads), expected) < 1e-12)
            #expect(Self.maxAbsDifference(try sparse.multiplied(by: q, threads: threads), try dense.multiplied(by: q)) < 1e-12)
        }
        #expect(throws: EmbeddingError.self) { _ = try sparse.gramProduct(DenseMatrix(rows: 3, columns: 2), threads: 1) }
    }

    @Test func tallSkinnyBasisIsOrthonormalAndSpansTheInput() throws {
        let y = DenseMatrix.gaussian(rows: 300, columns: 12, seed: 9)
        let q = TallSkinnyQR.orthonormalBasis(y, threads: 2)
        #expect(Self.maxAbsDifference(Self.gram(q), .identity(12)) < 1e-13)
        let projected = try q.multiplied(by: try q.transposed().multiplied(by: y))
        #expect(Self.maxAbsDifference(projected, y) < 1e-11)
        // Repeated columns make Cholesky fail; the Householder fallback still gives orthonormal columns.
        var degenerate = y
        for r in 0 ..< 300 { degenerate[r, 5] = degenerate[r, 4] }
        #expect(TallSkinnyQR.cholesky(Self.gram(degenerate)) == nil)
        let q2 = TallSkinnyQR.orthonormalBasis(degenerate, threads: 2)
        #expect(Self.maxAbsDifference(Self.gram(q2), .identity(12)) < 1e-12)
    }

    @Test func randomizedMatchesDirectJacobiOnALowRankMatrix() throws {
        // Rank-6 signal plus small noise, 80 × 50.
        var a = try Self.matrix(singularValues: [10, 8, 6, 4, 2, 1], rows: 80, columns: 50, seed: 31)
        let noise = DenseMatrix.gaussian(rows: 80, columns: 50, seed: 32)
        for i in 0 ..< a.values.count { a.values[i] += 1e-3 * noise.values[i] }
        let direct = try JacobiSVD.decompose(a)
        let k = 6
        let fast = try RandomizedSVD(rank: k, oversampling: 10, powerIterations: 2, seed: 1, threads: 2)
            .decompose(SparseMatrix(a), leftVectors: true)
        for i in 0 ..< k {
            #expect(abs(fast.singularValues[i] - direct.singularValues[i]) < 1e-9 * direct.singularValues[0])
            var dot = 0.0
            for r in 0 ..< 50 { dot += fast.v[r, i] * direct.v[r, i] }
            #expect(dot > 1 - 1e-9)  // same sign convention, same vector
        }
        // Eckart–Young: the rank-k error cannot beat √(Σ_{i>k} σ_i²); the randomized one is within 1 % of it.
        let optimal = direct.singularValues.dropFirst(k).reduce(0) { $0 + $1 * $1 }.squareRoot()
        let approx = TruncatedSVD(u: fast.u, singularValues: fast.singularValues, v: fast.v).reconstructed()
        var residual = a
        for i in 0 ..< residual.values.count { residual.values[i] -= approx.values[i] }
        #expect(residual.frobeniusNorm >= optimal * (1 - 1e-9))
        #expect(residual.frobeniusNorm <= optimal * 1.01)
    }

    @Test func randomizedOnASparseRandomMatrixWithASlowSpectrum() throws {
        var random = SeededRandom(seed: 77)
        var dense = DenseMatrix(rows: 400, columns: 120)
        for i in 0 ..< dense.values.count where random.nextUnitDouble() < 0.08 { dense.values[i] = random.nextGaussian() }
        let direct = try JacobiSVD.decompose(dense)
        let k = 10
        let fast = try RandomizedSVD(rank: k, oversampling: 20, powerIterations: 4, seed: 5, threads: 2).decompose(SparseMatrix(dense))
        for i in 0 ..< k {
            // Ritz values from a subspace never exceed the true singular values; with a flat spectrum they get
            // within a few tenths of a percent.
            #expect(fast.singularValues[i] <= direct.singularValues[i] * (1 + 1e-12))
            #expect((direct.singularValues[i] - fast.singularValues[i]) / direct.singularValues[i] < 5e-3)
        }
        // Same seed and thread count: identical output.
        let again = try RandomizedSVD(rank: k, oversampling: 20, powerIterations: 4, seed: 5, threads: 2).decompose(SparseMatrix(dense))
        #expect(again.singularValues == fast.singularValues && again.v == fast.v)
    }

    @Test func rankOutsideTheMatrixIsRefused() {
        let x = SparseMatrix(DenseMatrix.identity(4, 3))
        #expect(throws: EmbeddingError.self) { _ = try RandomizedSVD(rank: 4).decompose(x) }
        #expect(throws: EmbeddingError.self) { _ = try RandomizedSVD(rank: 0).decompose(x) }
        #expect(throws: EmbeddingError.self) {
            _ = try SparseMatrix(rows: 2, columns: 2, rowStarts: [0, 1, 1], columnIndices: [5], values: [1])
        }
    }
}
