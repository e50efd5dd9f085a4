/// Thin QR decomposition by Householder reflections: `A = Q·R` with `Q` (m × k, orthonormal columns) and `R`
/// (k × n, upper triangular), k = min(m, n). Stable for any input, rank-deficient ones included (a zero column
/// gives an identity reflection, so `Q` stays orthonormal).
public enum HouseholderQR {
    public static func decompose(_ a: DenseMatrix) -> (q: DenseMatrix, r: DenseMatrix) {
        let m = a.rows, n = a.columns, k = min(m, n)
        // Column-major working copy so that reflections run over contiguous memory.
        var w = [Double](repeating: 0, count: m * n)
        for r in 0 ..< m { for c in 0 ..< n { w[c * m + r] = a.values[r * n + c] } }
        var reflectors = [Double](repeating: 0, count: m * k)  // column j holds v_j (rows j..<m)
        var active = [Bool](repeating: false, count: k)
        w.withUnsafeMutableBufferPointer { w in
            reflectors.withUnsafeMutableBufferPointer { v in
                for j in 0 ..< k {
                    let col = j * m
                    var norm = 0.0
                    for i in j ..< m { norm += w[col + i] * w[col + i] }
                    norm = norm.squareRoot()
                    if norm == 0 { continue }
                    let alpha = w[col + j] > 0 ? -norm : norm
                    // v = x − alpha·e1, normalised.
                    let vj = j * m
                    for i in j ..< m { v[vj + i] = w[col + i] }
                    v[vj + j] -= alpha
                    var vnorm = 0.0
                    for i in j ..< m { vnorm += v[vj + i] * v[vj + i] }
                    vnorm = vnorm.squareRoot()
                    if vnorm == 0 { continue }
                    for i in j ..< m { v[vj + i] /= vnorm }
                    active[j] = true
                    for c in j ..< n {
                        let cc = c * m
                        var s = 0.0
                        for i in j ..< m { s += v[vj + i] * w[cc + i] }
                        s *= 2
                        for i in j ..< m { w[cc + i] -= s * v[vj + i] }
                    }
                }
            }
        }
        var r = DenseMatrix(rows: k, columns: n)
        for i in 0 ..< k { for c in i ..< n { r.values[i * n + c] = w[c * m + i] } }
        // Q = H_0 H_1 … H_{k−1} applied to the first k columns of the identity (column-major).
        var q = [Double](repeating: 0, count: m * k)
        for j in 0 ..< k { q[j * m + j] = 1 }
        q.withUnsafeMutableBufferPointer { q in
            reflectors.withUnsafeBufferPointer { v in
                for j in stride(from: k - 1, through: 0, by: -1) where active[j] {
                    let vj = j * m
                    for c in 0 ..< k {
                        let cc = c * m
                        var s = 0.0
                        for i in j ..< m { s += v[vj + i] * q[cc + i] }
                        if s == 0 { continue }
                        s *= 2
                        for i in j ..< m { q[cc + i] -= s * v[vj + i] }
                    }
                }
            }
        }
        var qm = DenseMatrix(rows: m, columns: k)
        for i in 0 ..< m { for c in 0 ..< k { qm.values[i * k + c] = q[c * m + i] } }
        return (qm, r)
    }
}
