import Statistics

/// Representational similarity analysis (Kriegeskorte et al. 2008) of two representations of the same items.
public enum RepresentationalSimilarity {
    /// Spearman ρ between the upper triangles (i < j) of the two cosine-similarity matrices (equivalently of the
    /// 1 − cos dissimilarity matrices). Rows are items; widths may differ. Nil with fewer than 3 items or a
    /// constant triangle.
    public static func spearman(_ x: [[Double]], _ y: [[Double]]) throws(EmbeddingError) -> Double? {
        guard x.count == y.count else { throw .invalid("RSA: \(x.count) items against \(y.count)") }
        guard x.count >= 3 else { return nil }
        let a = upperTriangle(x), b = upperTriangle(y)
        do {
            return try spearmanCorrelation(a, b)
        } catch {
            throw .invalid("RSA: \(error)")
        }
    }

    /// cos(x_i, x_j) for i < j in row-major order of (i, j); 0 when either row is zero.
    public static func upperTriangle(_ rows: [[Double]]) -> [Double] {
        let norms = rows.map { r in r.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var out: [Double] = []
        out.reserveCapacity(rows.count * (rows.count - 1) / 2)
        for i in 0 ..< rows.count {
            for j in i + 1 ..< rows.count {
                var dot = 0.0
                for k in 0 ..< min(rows[i].count, rows[j].count) { dot += rows[i][k] * rows[j][k] }
                out.append(norms[i] > 0 && norms[j] > 0 ? dot / (norms[i] * norms[j]) : 0)
            }
        }
        return out
    }
}
