/// Linear centred kernel alignment (Kornblith et al. 2019) of two row-aligned representations:
/// CKA = ‖YᵀX‖_F² / (‖XᵀX‖_F · ‖YᵀY‖_F) with column-centred X (n × p) and Y (n × q); widths may differ.
/// Invariant to orthogonal transforms and isotropic scaling.
public enum LinearCKA {
    /// CKA of the two matrices (rows: items); nil when either is constant.
    public static func similarity(_ x: [[Double]], _ y: [[Double]]) throws(EmbeddingError) -> Double? {
        guard x.count == y.count else { throw .invalid("CKA: \(x.count) rows against \(y.count)") }
        guard x.count >= 2 else { throw .invalid("CKA needs at least 2 rows, got \(x.count)") }
        let p = x[0].count, q = y[0].count
        guard p > 0, q > 0, x.allSatisfy({ $0.count == p }), y.allSatisfy({ $0.count == q }) else {
            throw .invalid("CKA: rows must be non-empty and of one width per matrix")
        }
        let xc = centred(x), yc = centred(y)
        let n = x.count
        func gramNorm2(_ a: [Double], _ wa: Int, _ b: [Double], _ wb: Int) -> Double {
            // ‖AᵀB‖_F² for row-major n × wa and n × wb.
            var total = 0.0
            var column = [Double](repeating: 0, count: wb)
            for i in 0 ..< wa {
                for j in 0 ..< wb { column[j] = 0 }
                for r in 0 ..< n {
                    let v = a[r * wa + i]
                    if v == 0 { continue }
                    for j in 0 ..< wb { column[j] += v * b[r * wb + j] }
                }
                for j in 0 ..< wb { total += column[j] * column[j] }
            }
            return total
        }
        let xy = gramNorm2(yc, q, xc, p)
        let xx = gramNorm2(xc, p, xc, p).squareRoot()
        let yy = gramNorm2(yc, q, yc, q).squareRoot()
        guard xx > 0, yy > 0 else { return nil }
        return xy / (xx * yy)
    }

    private static func centred(_ rows: [[Double]]) -> [Double] {
        let n = rows.count, w = rows[0].count
        var mean = [Double](repeating: 0, count: w)
        for row in rows { for j in 0 ..< w { mean[j] += row[j] } }
        var out = [Double](repeating: 0, count: n * w)
        for (i, row) in rows.enumerated() { for j in 0 ..< w { out[i * w + j] = row[j] - mean[j] / Double(n) } }
        return out
    }
}
