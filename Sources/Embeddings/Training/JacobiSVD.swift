import Foundation

/// Singular value decomposition by one-sided Jacobi rotations (Hestenes 1958; Demmel & Veselić 1992): columns of
/// `A` are rotated pairwise until all are mutually orthogonal; their norms are the singular values, the normalised
/// columns the left singular vectors, and the accumulated rotations the right ones. Accurate to high relative
/// precision; O(sweeps · n² · m), meant for small dense matrices: the SVD step of ``RandomizedSVD``, orthogonal
/// Procrustes alignment (``OrthogonalProcrustes``) and tests.
public enum JacobiSVD {
    /// A thin SVD `A = U·diag(s)·Vᵀ`, k = min(m, n), singular values in descending order. Each column of `V`
    /// has its largest-magnitude entry positive (`U` flipped with it), so results are deterministic.
    ///
    /// Columns count as orthogonal when |cos| ≤ `tolerance`; (numerically) zero columns are not rotated, their
    /// direction being rounding noise. Sweeps stop at `maxSweeps` even if some pair is still above the tolerance
    /// (the factors are then accurate to about that cosine). For a rank-deficient `A` the columns of `U` that
    /// belong to zero singular values are zero, unless `completeU` is set: then they are completed to an
    /// orthonormal set, so that `U` always has orthonormal columns.
    /// - Throws: when `A` holds a value that is not finite.
    public static func decompose(_ a: DenseMatrix, tolerance: Double = 1e-15, maxSweeps: Int = 80,
                                 completeU: Bool = false) throws(EmbeddingError) -> TruncatedSVD {
        guard a.values.allSatisfy(\.isFinite) else {
            throw .invalid("SVD: the \(a.rows) × \(a.columns) matrix holds a value that is not finite")
        }
        if a.rows < a.columns {
            let t = try decompose(a.transposed(), tolerance: tolerance, maxSweeps: maxSweeps, completeU: completeU)
            return TruncatedSVD(u: t.v, singularValues: t.singularValues, v: t.u).withCanonicalSigns()
        }
        let m = a.rows, n = a.columns
        // Column-major copies of A and V.
        var w = [Double](repeating: 0, count: m * n)
        for r in 0 ..< m { for c in 0 ..< n { w[c * m + r] = a.values[r * n + c] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0 ..< n { v[i * n + i] = 1 }
        let negligible = a.values.reduce(0) { $0 + $1 * $1 } * 1e-30
        w.withUnsafeMutableBufferPointer { w in
            v.withUnsafeMutableBufferPointer { v in
                for _ in 0 ..< maxSweeps {
                    var rotated = false
                    for p in 0 ..< n - (n > 0 ? 1 : 0) {
                        for q in p + 1 ..< n {
                            let cp = p * m, cq = q * m
                            var alpha = 0.0, beta = 0.0, gamma = 0.0
                            for i in 0 ..< m {
                                let x = w[cp + i], y = w[cq + i]
                                alpha += x * x
                                beta += y * y
                                gamma += x * y
                            }
                            if gamma == 0 || abs(gamma) <= tolerance * (alpha * beta).squareRoot()
                                || alpha <= negligible || beta <= negligible { continue }
                            rotated = true
                            let zeta = (beta - alpha) / (2 * gamma)
                            let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                            let c = 1 / (1 + t * t).squareRoot()
                            let s = c * t
                            for i in 0 ..< m {
                                let x = w[cp + i], y = w[cq + i]
                                w[cp + i] = c * x - s * y
                                w[cq + i] = s * x + c * y
                            }
                            let vp = p * n, vq = q * n
                            for i in 0 ..< n {
                                let x = v[vp + i], y = v[vq + i]
                                v[vp + i] = c * x - s * y
                                v[vq + i] = s * x + c * y
                            }
                        }
                    }
                    if !rotated { break }
                }
            }
        }
        var sigma = [Double](repeating: 0, count: n)
        for j in 0 ..< n {
            var s = 0.0
            for i in 0 ..< m { s += w[j * m + i] * w[j * m + i] }
            sigma[j] = s.squareRoot()
        }
        let order = (0 ..< n).sorted { sigma[$0] != sigma[$1] ? sigma[$0] > sigma[$1] : $0 < $1 }
        // Singular values this small relative to the largest are rounding noise: their U columns are not kept.
        let zero = (sigma.max() ?? 0) * Double(m) * 1e-15
        var u = DenseMatrix(rows: m, columns: n)
        var vm = DenseMatrix(rows: n, columns: n)
        var missing: [Int] = []
        for (k, j) in order.enumerated() {
            let s = sigma[j]
            if s > 0, !completeU || s > zero {
                for i in 0 ..< m { u.values[i * n + k] = w[j * m + i] / s }
            } else {
                missing.append(k)
            }
            for i in 0 ..< n { vm.values[i * n + k] = v[j * n + i] }
        }
        if completeU { complete(&u, columns: missing) }
        return TruncatedSVD(u: u, singularValues: order.map { sigma[$0] }, v: vm).withCanonicalSigns()
    }

    /// Fills the (zero) `columns` of `u` with standard basis vectors orthogonalised against every other column.
    static func complete(_ u: inout DenseMatrix, columns: [Int]) {
        let m = u.rows, n = u.columns
        var basis = 0
        for k in columns {
            while basis < m {
                var e = [Double](repeating: 0, count: m)
                e[basis] = 1
                basis += 1
                for _ in 0 ..< 2 {  // twice, for numerical orthogonality
                    for c in 0 ..< n where c != k {
                        var dot = 0.0
                        for i in 0 ..< m { dot += u.values[i * n + c] * e[i] }
                        for i in 0 ..< m { e[i] -= dot * u.values[i * n + c] }
                    }
                }
                let norm = e.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > 1e-6 {
                    for i in 0 ..< m { u.values[i * n + k] = e[i] / norm }
                    break
                }
            }
        }
    }
}

/// `A ≈ U·diag(s)·Vᵀ`: `U` (m × k) and `V` (n × k) hold singular vectors as columns.
public struct TruncatedSVD: Sendable {
    public var u: DenseMatrix
    /// Descending.
    public var singularValues: [Double]
    public var v: DenseMatrix

    public init(u: DenseMatrix, singularValues: [Double], v: DenseMatrix) {
        self.u = u
        self.singularValues = singularValues
        self.v = v
    }

    /// Flips each singular pair so that the largest-magnitude entry of the `V` column is positive.
    public func withCanonicalSigns() -> TruncatedSVD {
        var out = self
        for k in 0 ..< singularValues.count where k < v.columns {
            var best = 0.0
            for i in 0 ..< v.rows where abs(v[i, k]) > abs(best) { best = v[i, k] }
            if best < 0 {
                for i in 0 ..< v.rows { out.v[i, k] = -v[i, k] }
                if k < u.columns { for i in 0 ..< u.rows { out.u[i, k] = -u[i, k] } }
            }
        }
        return out
    }

    /// `U·diag(s)·Vᵀ` (for checks on small matrices).
    public func reconstructed() -> DenseMatrix {
        var out = DenseMatrix(rows: u.rows, columns: v.rows)
        for i in 0 ..< u.rows {
            for j in 0 ..< v.rows {
                var s = 0.0
                for k in 0 ..< singularValues.count { s += u[i, k] * singularValues[k] * v[j, k] }
                out[i, j] = s
            }
        }
        return out
    }
}
