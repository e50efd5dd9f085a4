/// The thin singular value decomposition A = U·diag(σ)·Vᵀ of a real m × n matrix with m ≥ n, computed with
/// one-sided (Hestenes) Jacobi rotations in double precision.
///
/// Columns of A are orthogonalised pairwise by plane rotations that are accumulated in V; after convergence
/// σ_j = ‖a_j‖ and u_j = a_j / σ_j. Singular values are sorted in descending order. Columns of U whose σ is
/// (numerically) zero are completed to an orthonormal set, so U always has orthonormal columns. Meant for the
/// small matrices of Procrustes alignment (n ≤ 1024): cost ≈ sweeps × n²/2 × (m + n) multiply–adds.
public struct SingularValueDecomposition: Sendable {
    public let rows: Int
    public let columns: Int
    /// m × n, row-major, orthonormal columns.
    public let u: [Double]
    /// n values, descending, non-negative.
    public let singularValues: [Double]
    /// n × n, row-major, orthogonal.
    public let v: [Double]
    /// Jacobi sweeps used.
    public let sweeps: Int

    /// Decomposes the row-major `rows × columns` matrix `matrix` (`rows ≥ columns`, `columns ≤ 1024`).
    public init(matrix: [Double], rows m: Int, columns n: Int, maxSweeps: Int = 60) throws(EmbeddingError) {
        guard m >= 1, n >= 1, m >= n else { throw .invalid("SVD needs rows ≥ columns ≥ 1, got \(m) × \(n)") }
        guard n <= 1024 else { throw .invalid("SVD: \(n) columns exceed the Jacobi limit of 1024") }
        guard matrix.count == m * n else { throw .invalid("SVD: \(m) × \(n) needs \(m * n) values, got \(matrix.count)") }
        guard matrix.allSatisfy(\.isFinite) else { throw .invalid("SVD: the matrix holds a non-finite value") }

        // Column-major working copies: a (m × n) and v (n × n).
        var a = [Double](repeating: 0, count: m * n)
        for i in 0 ..< m { for j in 0 ..< n { a[j * m + i] = matrix[i * n + j] } }
        var vc = [Double](repeating: 0, count: n * n)
        for j in 0 ..< n { vc[j * n + j] = 1 }

        // Columns count as orthogonal when |cos| ≤ 1e-13; tighter targets can stall on rounding.
        let eps = 1e-13
        let negligible = matrix.reduce(0) { $0 + $1 * $1 } * 1e-30
        var sweep = 0
        var rotated = true
        a.withUnsafeMutableBufferPointer { aBuf in
            vc.withUnsafeMutableBufferPointer { vBuf in
                let A = aBuf.baseAddress!, V = vBuf.baseAddress!
                while rotated, sweep < maxSweeps {
                    rotated = false
                    sweep += 1
                    for p in 0 ..< n - 1 {
                        let ap = A + p * m
                        for q in p + 1 ..< n {
                            let aq = A + q * m
                            var alpha = 0.0, beta = 0.0, gamma = 0.0
                            for i in 0 ..< m {
                                let x = ap[i], y = aq[i]
                                alpha += x * x
                                beta += y * y
                                gamma += x * y
                            }
                            // Skip orthogonal pairs and (numerically) zero columns, whose direction is rounding noise.
                            guard gamma != 0, abs(gamma) > eps * (alpha * beta).squareRoot(),
                                  alpha > negligible, beta > negligible else { continue }
                            rotated = true
                            let zeta = (beta - alpha) / (2 * gamma)
                            let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                            let c = 1 / (1 + t * t).squareRoot()
                            let s = c * t
                            for i in 0 ..< m {
                                let x = ap[i], y = aq[i]
                                ap[i] = c * x - s * y
                                aq[i] = s * x + c * y
                            }
                            let vp = V + p * n, vq = V + q * n
                            for i in 0 ..< n {
                                let x = vp[i], y = vq[i]
                                vp[i] = c * x - s * y
                                vq[i] = s * x + c * y
                            }
                        }
                    }
                }
            }
        }
        guard !rotated else { throw .invalid("SVD: Jacobi sweeps did not converge in \(maxSweeps) sweeps") }

        var sigma = [Double](repeating: 0, count: n)
        for j in 0 ..< n {
            var s = 0.0
            for i in 0 ..< m { s += a[j * m + i] * a[j * m + i] }
            sigma[j] = s.squareRoot()
        }
        let order = (0 ..< n).sorted { sigma[$0] > sigma[$1] || (sigma[$0] == sigma[$1] && $0 < $1) }
        let tolerance = (sigma.max() ?? 0) * Double(m) * 1e-15
        var uCols: [[Double]] = []
        var zeroColumns: [Int] = []
        for (k, j) in order.enumerated() {
            if sigma[j] > tolerance, sigma[j] > 0 {
                uCols.append((0 ..< m).map { a[j * m + $0] / sigma[j] })
            } else {
                uCols.append([Double](repeating: 0, count: m))
                zeroColumns.append(k)
            }
        }
        // Complete U's columns for zero singular values with standard basis vectors orthogonalised against the rest.
        var basis = 0
        for k in zeroColumns {
            while basis < m {
                var e = [Double](repeating: 0, count: m)
                e[basis] = 1
                basis += 1
                for _ in 0 ..< 2 {  // twice, for numerical orthogonality
                    for (c, col) in uCols.enumerated() where c != k {
                        var dot = 0.0
                        for i in 0 ..< m { dot += col[i] * e[i] }
                        for i in 0 ..< m { e[i] -= dot * col[i] }
                    }
                }
                var norm = 0.0
                for i in 0 ..< m { norm += e[i] * e[i] }
                norm = norm.squareRoot()
                if norm > 1e-6 {
                    uCols[k] = e.map { $0 / norm }
                    break
                }
            }
        }
        var u = [Double](repeating: 0, count: m * n)
        var v = [Double](repeating: 0, count: n * n)
        for (k, j) in order.enumerated() {
            for i in 0 ..< m { u[i * n + k] = uCols[k][i] }
            for i in 0 ..< n { v[i * n + k] = vc[j * n + i] }
        }
        self.rows = m
        self.columns = n
        self.u = u
        self.v = v
        self.singularValues = order.map { sigma[$0] }
        self.sweeps = sweep
    }
}
