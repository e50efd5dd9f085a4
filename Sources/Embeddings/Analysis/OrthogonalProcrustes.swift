/// Orthogonal Procrustes alignment of two row-aligned point sets (Schönemann 1966; Hamilton, Leskovec &
/// Jurafsky 2016 for embedding spaces).
///
/// Both n × d matrices are centred (column means removed) and scaled to unit Frobenius norm; then
/// R* = argmin_{RᵀR = I} ‖XR − Y‖_F = U·Vᵀ with U·Σ·Vᵀ the SVD of XᵀY (one-sided Jacobi). Matrices of different
/// widths are zero-padded to the wider one.
public struct OrthogonalProcrustes: Sendable {
    /// Rows aligned.
    public let count: Int
    /// The common (padded) dimension d.
    public let dimension: Int
    /// The d × d orthogonal map, row-major: aligned source = X·R.
    public let rotation: [Double]
    /// ‖XR* − Y‖_F² after centring and unit-norm scaling (between 0 and 4).
    public let residual: Double
    /// 1 − residual / ‖Y‖_F² = 1 − residual (‖Y‖_F = 1): 1 for a perfect rotation.
    public let fit: Double
    /// Per row, cos(x_i R*, y_i) of the centred rows (0 for a zero row).
    public let rowCosines: [Double]
    /// Whether the inputs had different widths and were zero-padded.
    public let padded: Bool

    /// Aligns `source` onto `target` (rows: points; both with the same number of rows ≥ 2).
    public init(source: [[Double]], target: [[Double]]) throws(EmbeddingError) {
        guard source.count == target.count else {
            throw .invalid("Procrustes: \(source.count) source rows but \(target.count) target rows")
        }
        let n = source.count
        guard n >= 2 else { throw .invalid("Procrustes needs at least 2 aligned rows, got \(n)") }
        let ds = source.first?.count ?? 0, dt = target.first?.count ?? 0
        guard ds > 0, dt > 0, source.allSatisfy({ $0.count == ds }), target.allSatisfy({ $0.count == dt }) else {
            throw .invalid("Procrustes: rows must be non-empty and of one width per matrix")
        }
        let d = max(ds, dt)
        guard d <= 1024 else { throw .invalid("Procrustes: dimension \(d) exceeds 1024") }
        let x = try Self.standardized(source, width: d, name: "source")
        let y = try Self.standardized(target, width: d, name: "target")

        // M = XᵀY (d × d).
        var mat = [Double](repeating: 0, count: d * d)
        for i in 0 ..< n {
            for a in 0 ..< d {
                let xa = x[i * d + a]
                if xa == 0 { continue }
                for b in 0 ..< d { mat[a * d + b] += xa * y[i * d + b] }
            }
        }
        let svd = try JacobiSVD.decompose(try DenseMatrix(rows: d, columns: d, values: mat), tolerance: 1e-13, completeU: true)
        var r = [Double](repeating: 0, count: d * d)
        for a in 0 ..< d {
            for b in 0 ..< d {
                var s = 0.0
                for k in 0 ..< d { s += svd.u.values[a * d + k] * svd.v.values[b * d + k] }
                r[a * d + b] = s
            }
        }
        var residual = 0.0
        var cosines: [Double] = []
        cosines.reserveCapacity(n)
        for i in 0 ..< n {
            var dot = 0.0, nx = 0.0, ny = 0.0
            for b in 0 ..< d {
                var s = 0.0
                for a in 0 ..< d { s += x[i * d + a] * r[a * d + b] }
                let t = y[i * d + b]
                residual += (s - t) * (s - t)
                dot += s * t
                nx += s * s
                ny += t * t
            }
            cosines.append(nx > 0 && ny > 0 ? dot / (nx * ny).squareRoot() : 0)
        }
        self.count = n
        self.dimension = d
        self.rotation = r
        self.residual = residual
        self.fit = 1 - residual
        self.rowCosines = cosines
        self.padded = ds != dt
    }

    /// Centred, unit-Frobenius-norm, zero-padded to `width`, row-major.
    static func standardized(_ rows: [[Double]], width d: Int, name: String) throws(EmbeddingError) -> [Double] {
        let n = rows.count
        let w = rows[0].count
        var mean = [Double](repeating: 0, count: w)
        for row in rows { for j in 0 ..< w { mean[j] += row[j] } }
        for j in 0 ..< w { mean[j] /= Double(n) }
        var out = [Double](repeating: 0, count: n * d)
        var norm = 0.0
        for (i, row) in rows.enumerated() {
            for j in 0 ..< w {
                let v = row[j] - mean[j]
                out[i * d + j] = v
                norm += v * v
            }
        }
        guard norm.isFinite, norm > 0 else { throw .invalid("Procrustes: the \(name) points are all identical (or not finite)") }
        let scale = 1 / norm.squareRoot()
        for i in out.indices { out[i] *= scale }
        return out
    }
}
