import CKernels
import Testing

@Suite("Matrix products")
struct MatmulTests {
    static let sentinel: Float = -12345.5

    /// Runs vp_matmul over `rows` of a `totalRows`-row matrix with `tokens` activation rows (strides padded so
    /// that wrong stride arithmetic shows) and checks every written output and every untouched one.
    func check(_ type: GGMLType, n: Int, totalRows: Int, rows: Range<Int>, tokens: Int, path: KernelPath) {
        let seed = UInt64(type.rawValue) << 32 | UInt64(n) << 16 | UInt64(tokens) << 8 | UInt64(rows.lowerBound)
        let weights = RandomRows.make(type, n: n, rows: totalRows, seed: seed)
        let aBytes = type.activationType.rowBytes(n)
        let actStride = aBytes + 40
        let packed = RandomRows.activations(for: type, n: n, rows: tokens, seed: seed ^ 0xAC7)
        var act = [UInt8](repeating: 0xEE, count: actStride * tokens)
        for t in 0 ..< tokens { act.replaceSubrange(t * actStride ..< t * actStride + aBytes, with: packed[t * aBytes ..< (t + 1) * aBytes]) }
        let yStride = totalRows + 3
        var y = [Float](repeating: Self.sentinel, count: yStride * tokens)
        path.run {
            KernelCalls.matmul(type, n: n, weights: weights, act: act, actStride: actStride, y: &y, yStride: yStride,
                               rows: rows, tokens: tokens)
        }
        let wBytes = type.rowBytes(n)
        for t in 0 ..< tokens {
            let aRow = Array(packed[t * aBytes ..< (t + 1) * aBytes])
            for r in 0 ..< yStride {
                let got = y[t * yStride + r]
                if rows.contains(r) {
                    let reference = ReferenceDot(type, n: n, weights: Array(weights[r * wBytes ..< (r + 1) * wBytes]), act: aRow)
                    #expect(abs(Double(got) - reference.value) <= reference.tolerance,
                            "\(type) \(path) tokens=\(tokens) row \(r) token \(t): \(got) vs \(reference.value)")
                } else {
                    #expect(got == Self.sentinel, "\(type) \(path): wrote outside rows \(rows) at row \(r) token \(t)")
                }
            }
        }
    }

    @Test("Tiled types: token counts 1, 3, 4, 7 and a row sub-range", arguments: [GGMLType.q4_1, .q8_0, .q4_0])
    func tiled(type: GGMLType) {
        for path in KernelPath.available {
            for tokens in [1, 3, 4, 7] {
                check(type, n: 160, totalRows: 6, rows: 0 ..< 6, tokens: tokens, path: path)
            }
            check(type, n: 576, totalRows: 7, rows: 2 ..< 5, tokens: 5, path: path)
        }
    }

    @Test("More tokens than one pass handles (70 > 64)", arguments: [GGMLType.q4_1, .q8_0, .q4_0])
    func manyTokens(type: GGMLType) {
        for path in KernelPath.available {
            check(type, n: 64, totalRows: 3, rows: 0 ..< 3, tokens: 70, path: path)
        }
    }

    @Test("Other weight types through the per-row path", arguments: [GGMLType.f32, .f16, .bf16, .q5_0, .q5_1, .q4_K, .q5_K, .q6_K])
    func untiled(type: GGMLType) {
        let n = type.testLengths[0]
        for path in KernelPath.available {
            check(type, n: n, totalRows: 4, rows: 0 ..< 4, tokens: 3, path: path)
            check(type, n: n, totalRows: 5, rows: 1 ..< 3, tokens: 1, path: path)
        }
    }

    @Test("Matmul equals vp_vec_dot row by row", arguments: [GGMLType.q4_1, .q8_0])
    func equalsVecDot(type: GGMLType) {
        let n = 576, rows = 5, tokens = 6
        let weights = RandomRows.make(type, n: n, rows: rows, seed: 31)
        let act = RandomRows.activations(for: type, n: n, rows: tokens, seed: 32)
        let aBytes = type.activationType.rowBytes(n)
        for path in KernelPath.available {
            var y = [Float](repeating: 0, count: rows * tokens)
            path.run {
                KernelCalls.matmul(type, n: n, weights: weights, act: act, actStride: aBytes, y: &y, yStride: rows,
                                   rows: 0 ..< rows, tokens: tokens)
            }
            for t in 0 ..< tokens {
                for r in 0 ..< rows {
                    let single = path.run {
                        KernelCalls.vecDot(type, n: n, weights: weights, weightOffset: r * type.rowBytes(n), act: act,
                                           actOffset: t * aBytes)
                    }
                    #expect(abs(y[t * rows + r] - single) <= 1e-5 * max(1, abs(single)), "\(type) \(path) r\(r) t\(t)")
                }
            }
        }
    }

    @Test("Extreme blocks through the 4-token tiles (largest nibbles and bytes against ±127)",
          arguments: [GGMLType.q4_1, .q4_0, .q8_0])
    func extremes(type: GGMLType) {
        let n = 64, rows = 2, tokens = 4
        var weights = RandomRows.make(type, n: n, rows: rows, seed: 41)
        let (_, blockBytes) = type.geometry
        let qsOffset = type == .q4_1 ? 4 : 2
        for b in 0 ..< rows * n / 32 {
            for j in 0 ..< (type == .q8_0 ? 32 : 16) {
                weights[b * blockBytes + qsOffset + j] = type == .q8_0 ? (j % 3 == 0 ? 0x80 : 0x7F) : 0xFF
            }
        }
        // Token 0: all +1 (q = 127), token 1: all -1, tokens 2 and 3: alternating signs.
        var values = [Float]()
        for t in 0 ..< tokens { for j in 0 ..< n { values.append(t == 0 ? 1 : t == 1 ? -1 : (j % 2 == t % 2 ? 1 : -1)) } }
        let act = type.activationType
        var actBytes = [UInt8]()
        for t in 0 ..< tokens { actBytes += KernelCalls.quantize(act, Array(values[t * n ..< (t + 1) * n])) ?? [] }
        let aBytes = act.rowBytes(n)
        for path in KernelPath.available {
            var y = [Float](repeating: 0, count: rows * tokens)
            path.run {
                KernelCalls.matmul(type, n: n, weights: weights, act: actBytes, actStride: aBytes, y: &y, yStride: rows,
                                   rows: 0 ..< rows, tokens: tokens)
            }
            for t in 0 ..< tokens {
                for r in 0 ..< rows {
                    let reference = ReferenceDot(type, n: n, weights: Array(weights[r * type.rowBytes(n) ..< (r + 1) * type.rowBytes(n)]),
                                                 act: Array(actBytes[t * aBytes ..< (t + 1) * aBytes]))
                    #expect(abs(Double(y[t * rows + r]) - reference.value) <= reference.tolerance, "\(type) \(path) r\(r) t\(t)")
                }
            }
        }
    }

    @Test("Empty ranges and zero tokens write nothing")
    func emptyCalls() {
        let weights = RandomRows.make(.q4_1, n: 32, rows: 2, seed: 1)
        let act = RandomRows.activations(for: .q4_1, n: 32, rows: 1, seed: 2)
        var y = [Float](repeating: Self.sentinel, count: 4)
        KernelCalls.matmul(.q4_1, n: 32, weights: weights, act: act, actStride: 36, y: &y, yStride: 2, rows: 1 ..< 1, tokens: 1)
        KernelCalls.matmul(.q4_1, n: 32, weights: weights, act: act, actStride: 36, y: &y, yStride: 2, rows: 0 ..< 2, tokens: 0)
        #expect(y.allSatisfy { $0 == Self.sentinel })
    }
}
