import Foundation

/// Randomized truncated SVD of a sparse matrix (Halko, Martinsson & Tropp 2011, SIAM Review 53(2)), computing the
/// top-k right singular vectors without ever storing a `rows × (k + p)` dense matrix:
///
/// 1. G ~ N(0, 1) of size `columns × l`, l = k + oversampling (clamped to the matrix size);
///    Y = XᵀX·G — the Gaussian test matrix sits on the column side, which costs the same streamed pass as XᵀΩ
///    and already counts as one power of XᵀX.
/// 2. q times: Q = orth(Y), Y = XᵀX·Q (power iterations, re-orthonormalised between passes by one CholeskyQR
///    step; the intermediate X·Q is streamed per row, see ``SparseMatrix/gramProduct(_:threads:)``).
/// 3. Q = orth(Y); C = Qᵀ(XᵀX·Q) (l × l, symmetric positive semi-definite), i.e. BᵀB for B = X·Q.
/// 4. C = W·Λ·Wᵀ by one-sided Jacobi (``JacobiSVD``); σ = √λ; V = Q·W (top k).
///
/// Step 3 forms the Gram matrix of B instead of B's SVD (as gensim's `stochastic_svd` does for streamed corpora),
/// which squares the spread of singular values: values below about 1e−7·σ₁ lose relative accuracy. That is far
/// beyond what latent semantic analysis uses. Orthonormalisation is CholeskyQR2 with a Householder fallback
/// (``TallSkinnyQR``). Passes over X: q + 2. Signs: the largest-magnitude entry of each V column is positive.
/// Deterministic for a given seed and thread count (threads change the order of floating-point sums).
public struct RandomizedSVD: Sendable {
    public var rank: Int
    public var oversampling: Int
    public var powerIterations: Int
    public var seed: UInt64
    public var threads: Int

    public init(rank: Int, oversampling: Int = 10, powerIterations: Int = 2, seed: UInt64 = 1,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.rank = rank
        self.oversampling = oversampling
        self.powerIterations = powerIterations
        self.seed = seed
        self.threads = threads
    }

    /// Top-`rank` singular values and right singular vectors (and, when asked, left ones U = X·V·Σ⁻¹).
    /// - Parameter progress: called with (passes done, passes in all) after each pass over X.
    public func decompose(_ x: SparseMatrix, leftVectors: Bool = false,
                          progress: ((Int, Int) -> Void)? = nil) throws(EmbeddingError) -> TruncatedSVD {
        let smaller = min(x.rows, x.columns)
        guard rank >= 1, rank <= smaller else {
            throw .invalid("randomized SVD: rank must be 1…\(smaller) for a \(x.rows) × \(x.columns) matrix, got \(rank)")
        }
        guard oversampling >= 0, powerIterations >= 0, powerIterations <= 100 else {
            throw .invalid("randomized SVD: oversampling (\(oversampling)) and power iterations (\(powerIterations)) must be ≥ 0 (iterations ≤ 100)")
        }
        let threads = max(1, self.threads)
        let l = min(rank + oversampling, smaller)
        let passes = powerIterations + 2
        var done = 0
        func pass(_ q: DenseMatrix) throws(EmbeddingError) -> DenseMatrix {
            let y = try x.gramProduct(q, threads: threads)
            done += 1
            progress?(done, passes)
            return y
        }
        var y = try pass(DenseMatrix.gaussian(rows: x.columns, columns: l, seed: seed))
        for _ in 0 ..< powerIterations {
            // Between power iterations a well-conditioned basis is enough (Halko et al. use LU there): one
            // CholeskyQR pass. The final basis gets two.
            y = try pass(TallSkinnyQR.orthonormalBasis(y, passes: 1, threads: threads))
        }
        let q = TallSkinnyQR.orthonormalBasis(y, passes: 2, threads: threads)
        let w = try pass(q)
        var c = TallSkinnyProducts.crossProduct(q, w, threads: threads)
        for i in 0 ..< l {  // symmetrise rounding noise
            for j in i + 1 ..< l {
                let m = (c[i, j] + c[j, i]) / 2
                c[i, j] = m
                c[j, i] = m
            }
        }
        let eig = try JacobiSVD.decompose(c)
        let sigma = eig.singularValues.prefix(rank).map { max(0, $0).squareRoot() }
        let v = TallSkinnyProducts.multiply(q, eig.v.leadingColumns(rank), threads: threads)
        var result = TruncatedSVD(u: DenseMatrix(rows: 0, columns: 0), singularValues: Array(sigma), v: v)
            .withCanonicalSigns()
        if leftVectors {
            var u = try x.multiplied(by: result.v, threads: threads)
            for k in 0 ..< rank {
                let s = result.singularValues[k]
                for r in 0 ..< u.rows { u[r, k] = s > 0 ? u[r, k] / s : 0 }
            }
            result.u = u
        }
        return result
    }
}
