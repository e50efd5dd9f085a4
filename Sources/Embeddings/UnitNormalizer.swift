import CKernels

/// Scales vectors to unit Euclidean length without over- or underflow, for cosine similarity.
///
/// The usual `x / sqrt(Σx²)` in single precision breaks on finite values far from 1: the sum of squares
/// overflows to infinity from about 1.8e19 (3e38 squared is not a `Float`) and underflows to zero or subnormals
/// below about 1e-19, so a row holding 3e38 became all zeros and a row of 1e-30 values was left unscaled. Rows
/// whose sum of squares is not comfortably inside the normal range are therefore divided by their largest magnitude
/// first and normed in double precision (as LAPACK's `snrm2` scales). A zero row stays zero.
enum UnitNormalizer {
    /// Sums of squares in this range take the fast single-precision path: every term is then far from both the
    /// overflow and the subnormal range, so the norm keeps full `Float` precision.
    static let safeSquares: ClosedRange<Float> = 1e-30 ... 1e30

    /// Scales the `count` values at `row` to unit length in place (a zero row stays zero).
    static func normalize(_ row: UnsafeMutablePointer<Float>, count: Int) {
        let squares = vp_dot_f32(row, row, Int64(count))
        if safeSquares.contains(squares) {
            vp_scale_f32(row, 1 / squares.squareRoot(), Int64(count))
            return
        }
        var largest: Float = 0
        for j in 0 ..< count { largest = max(largest, abs(row[j])) }
        guard largest > 0, largest.isFinite else { return }
        var sum: Double = 0
        for j in 0 ..< count {
            let x = Double(row[j]) / Double(largest)
            sum += x * x
        }
        let scale = 1 / (Double(largest) * sum.squareRoot())
        for j in 0 ..< count { row[j] = Float(Double(row[j]) * scale) }
    }
}
