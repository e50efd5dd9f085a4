import Inference

/// Multi-threaded products of tall, skinny dense matrices (n × l with n ≫ l), the dense work of
/// ``RandomizedSVD``: cross products `AᵀB` (l × l) and right multiplications `A·M` by a small matrix.
enum TallSkinnyProducts {
    /// `Aᵀ·B` for A (n × a) and B (n × b); symmetric A = B computes only the upper triangle and mirrors it.
    static func crossProduct(_ a: DenseMatrix, _ b: DenseMatrix, symmetric: Bool = false, threads: Int) -> DenseMatrix {
        let n = min(a.rows, b.rows), la = a.columns, lb = b.columns
        let parts = max(1, min(threads, n / 256 + 1))
        let partials = UnsafeMutablePointer<[Double]>.allocate(capacity: parts)
        partials.initialize(repeating: [], count: parts)
        defer { partials.deinitialize(count: parts); partials.deallocate() }
        let shared = SharedPointer(partials)
        WorkerPool.parallelFor(n, threads: parts) { range, t in
            var acc = [Double](repeating: 0, count: la * lb)
            a.values.withUnsafeBufferPointer { av in
            b.values.withUnsafeBufferPointer { bv in
            acc.withUnsafeMutableBufferPointer { acc in
                guard let ap = av.baseAddress, let bp = bv.baseAddress, let cp = acc.baseAddress else { return }
                // Four rows at a time: each accumulator row is loaded once per four rank-1 updates.
                var r = range.lowerBound
                while r + 4 <= range.upperBound {
                    let a0 = ap + r * la, a1 = a0 + la, a2 = a1 + la, a3 = a2 + la
                    let b0 = bp + r * lb, b1 = b0 + lb, b2 = b1 + lb, b3 = b2 + lb
                    for i in 0 ..< la {
                        let x0 = a0[i], x1 = a1[i], x2 = a2[i], x3 = a3[i]
                        let c = cp + i * lb
                        let from = symmetric ? i : 0
                        for j in from ..< lb { c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j] }
                    }
                    r += 4
                }
                while r < range.upperBound {
                    let a0 = ap + r * la, b0 = bp + r * lb
                    for i in 0 ..< la {
                        let x0 = a0[i]
                        let c = cp + i * lb
                        let from = symmetric ? i : 0
                        for j in from ..< lb { c[j] += x0 * b0[j] }
                    }
                    r += 1
                }
            }}}
            shared.pointer[t] = acc
        }
        var out = DenseMatrix(rows: la, columns: lb)
        for t in 0 ..< parts where !partials[t].isEmpty {
            out.values.withUnsafeMutableBufferPointer { o in
                partials[t].withUnsafeBufferPointer { p in for i in 0 ..< o.count { o[i] += p[i] } }
            }
        }
        if symmetric {
            for i in 0 ..< la { for j in 0 ..< i { out.values[i * lb + j] = out.values[j * lb + i] } }
        }
        return out
    }

    /// `A·M` for A (n × a) and a small M (a × b), rows in parallel.
    static func multiply(_ a: DenseMatrix, _ m: DenseMatrix, threads: Int) -> DenseMatrix {
        let n = a.rows, la = a.columns, lb = m.columns
        var out = DenseMatrix(rows: n, columns: lb)
        out.values.withUnsafeMutableBufferPointer { o in
            guard let base = o.baseAddress else { return }
            let shared = SharedPointer(base)
            WorkerPool.parallelFor(n, threads: max(1, min(threads, n / 256 + 1))) { range, _ in
                a.values.withUnsafeBufferPointer { av in
                m.values.withUnsafeBufferPointer { mv in
                    guard let ap = av.baseAddress, let mp = mv.baseAddress else { return }
                    for r in range {
                        let src = ap + r * la
                        let dst = shared.pointer + r * lb
                        for i in 0 ..< la {
                            let x = src[i]
                            if x == 0 { continue }
                            let mrow = mp + i * lb
                            for j in 0 ..< lb { dst[j] += x * mrow[j] }
                        }
                    }
                }}
            }
        }
        return out
    }

    /// Solves `X·R = A` for X in place of A, R upper triangular (k × k), rows in parallel.
    static func solveUpperRight(_ a: inout DenseMatrix, _ r: DenseMatrix, threads: Int) {
        let n = a.rows, k = a.columns
        a.values.withUnsafeMutableBufferPointer { av in
            guard let base = av.baseAddress else { return }
            let shared = SharedPointer(base)
            WorkerPool.parallelFor(n, threads: max(1, min(threads, n / 256 + 1))) { range, _ in
                r.values.withUnsafeBufferPointer { rv in
                    guard let rp = rv.baseAddress else { return }
                    for row in range {
                        let x = shared.pointer + row * k
                        // x_j = (a_j − Σ_{i<j} x_i R_ij) / R_jj, done as forward axpys over rows of R.
                        for i in 0 ..< k {
                            let xi = x[i] / rp[i * k + i]
                            x[i] = xi
                            if xi == 0 { continue }
                            let ri = rp + i * k
                            for j in i + 1 ..< k { x[j] -= xi * ri[j] }
                        }
                    }
                }
            }
        }
    }
}
