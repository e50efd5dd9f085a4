/// A dense row-major matrix of `Double`s, the working type of the SVD code.
public struct DenseMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Row-major values, `rows × columns`.
    public var values: [Double]

    /// A zero matrix.
    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        values = [Double](repeating: 0, count: self.rows * self.columns)
    }

    /// Wraps row-major values; throws when the count does not match.
    public init(rows: Int, columns: Int, values: [Double]) throws(EmbeddingError) {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw .invalid("matrix: \(rows) × \(columns) needs \(max(0, rows * columns)) values, got \(values.count)")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The identity (or its leading `rows × columns` block).
    public static func identity(_ rows: Int, _ columns: Int? = nil) -> DenseMatrix {
        var m = DenseMatrix(rows: rows, columns: columns ?? rows)
        for i in 0 ..< min(m.rows, m.columns) { m.values[i * m.columns + i] = 1 }
        return m
    }

    /// Entries drawn independently from N(0, 1).
    public static func gaussian(rows: Int, columns: Int, seed: UInt64) -> DenseMatrix {
        var random = SeededRandom(seed: seed)
        var m = DenseMatrix(rows: rows, columns: columns)
        for i in 0 ..< m.values.count { m.values[i] = random.nextGaussian() }
        return m
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    public func transposed() -> DenseMatrix {
        var t = DenseMatrix(rows: columns, columns: rows)
        for r in 0 ..< rows {
            for c in 0 ..< columns { t.values[c * rows + r] = values[r * columns + c] }
        }
        return t
    }

    /// The first `count` columns.
    public func leadingColumns(_ count: Int) -> DenseMatrix {
        let k = min(max(0, count), columns)
        var out = DenseMatrix(rows: rows, columns: k)
        for r in 0 ..< rows {
            for c in 0 ..< k { out.values[r * k + c] = values[r * columns + c] }
        }
        return out
    }

    /// The product `self · other`; throws when the inner dimensions differ.
    public func multiplied(by other: DenseMatrix) throws(EmbeddingError) -> DenseMatrix {
        guard columns == other.rows else {
            throw .invalid("matrix product: \(rows) × \(columns) times \(other.rows) × \(other.columns)")
        }
        var out = DenseMatrix(rows: rows, columns: other.columns)
        let n = other.columns
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.values.withUnsafeMutableBufferPointer { o in
                    for r in 0 ..< rows {
                        for k in 0 ..< columns {
                            let x = a[r * columns + k]
                            if x == 0 { continue }
                            for c in 0 ..< n { o[r * n + c] += x * b[k * n + c] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Frobenius norm.
    public var frobeniusNorm: Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
