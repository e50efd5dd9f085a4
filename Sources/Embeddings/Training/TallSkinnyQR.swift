/// Orthonormal bases of the column space of tall, skinny matrices, for the range finder of ``RandomizedSVD``.
///
/// CholeskyQR2 (Fukaya et al. 2014): G = YᵀY, G = RᵀR (Cholesky), Q = Y·R⁻¹, done `passes` times (two make the
/// columns orthonormal to working precision; one gives a well-conditioned basis). It needs only cross products and triangular solves, which parallelise over
/// rows, instead of n-long Householder reflections. When Y is too ill-conditioned for Cholesky (a pivot at or
/// below 1e-13 of the largest diagonal entry) it falls back to ``HouseholderQR``, which always succeeds.
enum TallSkinnyQR {
    static func orthonormalBasis(_ y: DenseMatrix, passes: Int = 2, threads: Int) -> DenseMatrix {
        var q = y
        for _ in 0 ..< passes {
            let g = TallSkinnyProducts.crossProduct(q, q, symmetric: true, threads: threads)
            guard let r = cholesky(g) else { return HouseholderQR.decompose(y).q }
            TallSkinnyProducts.solveUpperRight(&q, r, threads: threads)
        }
        return q
    }

    /// Upper-triangular R with G = RᵀR, or nil when a pivot is not clearly positive.
    static func cholesky(_ g: DenseMatrix) -> DenseMatrix? {
        let k = g.rows
        guard k == g.columns else { return nil }
        var largest = 0.0
        for i in 0 ..< k { largest = max(largest, g[i, i]) }
        guard largest > 0, largest.isFinite else { return nil }
        var r = DenseMatrix(rows: k, columns: k)
        for j in 0 ..< k {
            var d = g[j, j]
            for i in 0 ..< j { d -= r[i, j] * r[i, j] }
            guard d > 1e-13 * largest else { return nil }
            let rjj = d.squareRoot()
            r[j, j] = rjj
            for c in j + 1 ..< k {
                var s = g[j, c]
                for i in 0 ..< j { s -= r[i, j] * r[i, c] }
                r[j, c] = s / rjj
            }
        }
        return r
    }
}
