import Inference

/// A sparse matrix in compressed sparse row (CSR) form with `Double` values.
public struct SparseMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row `r` holds entries `rowStarts[r] ..< rowStarts[r + 1]`.
    public let rowStarts: [Int]
    public let columnIndices: [Int32]
    public let values: [Double]

    public var nonZeros: Int { values.count }

    /// Checks the structure (monotone row starts, column indices in range) and throws a one-line error if broken.
    public init(rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]) throws(EmbeddingError) {
        guard rows >= 0, columns >= 0, columns <= Int(Int32.max) else { throw .invalid("sparse matrix: bad shape \(rows) × \(columns)") }
        guard rowStarts.count == rows + 1, rowStarts.first == 0, rowStarts.last == values.count,
              columnIndices.count == values.count else {
            throw .invalid("sparse matrix: row starts (\(rowStarts.count)), indices (\(columnIndices.count)) and values (\(values.count)) disagree for \(rows) rows")
        }
        for r in 0 ..< rows where rowStarts[r] > rowStarts[r + 1] {
            throw .invalid("sparse matrix: row \(r) starts after row \(r + 1)")
        }
        if let bad = columnIndices.firstIndex(where: { $0 < 0 || Int($0) >= columns }) {
            throw .invalid("sparse matrix: entry \(bad) has column \(columnIndices[bad]) outside 0..<\(columns)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalid("sparse matrix: entry \(bad) is not finite")
        }
        self.rows = rows
        self.columns = columns
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The non-zero entries of a dense matrix.
    public init(_ dense: DenseMatrix) {
        var starts = [0]
        var indices: [Int32] = []
        var values: [Double] = []
        for r in 0 ..< dense.rows {
            for c in 0 ..< dense.columns where dense[r, c] != 0 {
                indices.append(Int32(c))
                values.append(dense[r, c])
            }
            starts.append(values.count)
        }
        self.rows = dense.rows
        self.columns = dense.columns
        self.rowStarts = starts
        self.columnIndices = indices
        self.values = values
    }

    /// `Xᵀ·(X·Q)` for `Q` with `columns` rows, streamed row by row so that the `rows × l` product `X·Q` is never
    /// stored: for each row x, t = x·Q, then every column c of x gets x_c·t added. Threads take contiguous row
    /// ranges into private accumulators, which are summed in thread order (deterministic for a given thread count).
    /// Memory: `columns × l` doubles per thread.
    public func gramProduct(_ q: DenseMatrix, threads: Int) throws(EmbeddingError) -> DenseMatrix {
        guard q.rows == columns else { throw .invalid("gram product: Q has \(q.rows) rows, the matrix \(columns) columns") }
        let l = q.columns
        let parts = max(1, min(threads, rows))
        let out = UnsafeMutablePointer<[Double]>.allocate(capacity: parts)
        out.initialize(repeating: [], count: parts)
        defer { out.deinitialize(count: parts); out.deallocate() }
        let shared = SharedPointer(out)
        let matrix = self
        WorkerPool.parallelFor(rows, threads: parts) { range, t in
            var acc = [Double](repeating: 0, count: matrix.columns * l)
            var row = [Double](repeating: 0, count: l)
            matrix.rowStarts.withUnsafeBufferPointer { starts in
            matrix.columnIndices.withUnsafeBufferPointer { cols in
            matrix.values.withUnsafeBufferPointer { vals in
            q.values.withUnsafeBufferPointer { qv in
            acc.withUnsafeMutableBufferPointer { acc in
            row.withUnsafeMutableBufferPointer { row in
                guard let qp = qv.baseAddress, let ap = acc.baseAddress, let rp = row.baseAddress else { return }
                for r in range {
                    let lo = starts[r], hi = starts[r + 1]
                    if lo == hi { continue }
                    for k in 0 ..< l { rp[k] = 0 }
                    for e in lo ..< hi {
                        let x = vals[e]
                        let src = qp + Int(cols[e]) * l
                        for k in 0 ..< l { rp[k] += x * src[k] }
                    }
                    for e in lo ..< hi {
                        let x = vals[e]
                        let dst = ap + Int(cols[e]) * l
                        for k in 0 ..< l { dst[k] += x * rp[k] }
                    }
                }
            }}}}}}
            shared.pointer[t] = acc
        }
        var result = DenseMatrix(rows: columns, columns: l)
        result.values = out[0].isEmpty ? result.values : out[0]
        for t in 1 ..< parts where !out[t].isEmpty {
            result.values.withUnsafeMutableBufferPointer { r in
                out[t].withUnsafeBufferPointer { p in
                    for i in 0 ..< r.count { r[i] += p[i] }
                }
            }
        }
        return result
    }

    /// `X·B` for a dense `B` with `columns` rows (rows computed in parallel).
    public func multiplied(by b: DenseMatrix, threads: Int) throws(EmbeddingError) -> DenseMatrix {
        guard b.rows == columns else { throw .invalid("sparse product: B has \(b.rows) rows, the matrix \(columns) columns") }
        let l = b.columns
        var result = DenseMatrix(rows: rows, columns: l)
        let matrix = self
        result.values.withUnsafeMutableBufferPointer { res in
            guard let base = res.baseAddress else { return }
            let shared = SharedPointer(base)
            WorkerPool.parallelFor(rows, threads: threads) { range, _ in
                matrix.rowStarts.withUnsafeBufferPointer { starts in
                matrix.columnIndices.withUnsafeBufferPointer { cols in
                matrix.values.withUnsafeBufferPointer { vals in
                b.values.withUnsafeBufferPointer { bv in
                    guard let bp = bv.baseAddress else { return }
                    for r in range {
                        let dst = shared.pointer + r * l
                        for e in starts[r] ..< starts[r + 1] {
                            let x = vals[e]
                            let src = bp + Int(cols[e]) * l
                            for k in 0 ..< l { dst[k] += x * src[k] }
                        }
                    }
                }}}}
            }
        }
        return result
    }
}
