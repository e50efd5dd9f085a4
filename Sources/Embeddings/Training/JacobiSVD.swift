import Foundation

/// Singular value decomposition by one-sided Jacobi rotations (Hestenes 1958; Demmel & Veselić 1992): columns of
/// `A` are rotated pairwise until all are mutually orthogonal; their norms are the singular values, the normalised
/// columns the left singular vectors, and the accumulated rotations the right ones. Accurate to high relative
/// precision; O(sweeps · n² · m), meant for small dense matrices (the SVD step of ``RandomizedSVD`` and tests).
public enum JacobiSVD {
    /// A thin SVD `A = U·diag(s)·Vᵀ`, k = min(m, n), singular values in descending order. Each column of `V`
    /// has its largest-magnitude entry positive (`U` flipped with it), so results are deterministic. For a
    /// rank-deficient `A` the columns of `U` belonging to zero singular values are zero.
    public static func decompose(_ a: DenseMatrix, tolerance: Double = 1e-15, maxSweeps: Int = 80) -> TruncatedSVD {
        if a.rows < a.columns {
            let t = decompose(a.transposed(), tolerance: tolerance, maxSweeps: maxSweeps)
            return TruncatedSVD(u: t.v, singularValues: t.singularValues, v: t.u).withCanonicalSigns()
        }
        let m = a.rows, n = a.columns
        // Column-major copies of A and V.
        var w = [Double](repeating: 0, count: m * n)
        for r in 0 ..< m { for c in 0 ..< n { w[c * m + r] = a.values[r * n + c] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0 ..< n { v[i * n + i] = 1 }
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
                            if gamma == 0 || abs(gamma) <= tolerance * (alpha * beta).squareRoot() { continue }
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
        var u = DenseMatrix(rows: m, columns: n)
        var vm = DenseMatrix(rows: n, columns: n)
        for (k, j) in order.enumerated() {
            let s = sigma[j]
            if s > 0 { for i in 0 ..< m { u.values[i * n + k] = w[j * m + i] / s } }
            for i in 0 ..< n { vm.values[i * n + k] = v[j * n + i] }
        }
        return TruncatedSVD(u: u, singularValues: order.map { sigma[$0] }, v: vm).withCanonicalSigns()
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
