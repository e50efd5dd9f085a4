import CKernels
import Testing

/// The register-blocked f32 GEMM against a naive triple loop in Double, on shapes that are not multiples of the
/// 6 × 16 tile or of the 384-deep cache block, with both layouts of B, a bias, strided operands and column ranges.
@Suite("f32 GEMM")
struct GemmF32Tests {
    /// (m, n, k) shapes: degenerate, odd, tile edges, and deeper than one cache block.
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (7, 13, 5), (6, 16, 8), (5, 17, 3), (13, 31, 400), (12, 32, 384), (1, 40, 777), (20, 3, 1),
    ]

    /// C = A·B (+ bias) in Double; B(p, j) read from `b` with leading dimension `ldb`.
    static func reference(m: Int, n: Int, k: Int, a: [Float], lda: Int, b: [Float], ldb: Int, transposed: Bool,
                          bias: [Float]?) -> (values: [Double], magnitudes: [Double]) {
        var c = [Double](repeating: 0, count: m * n), mag = c
        for i in 0 ..< m {
            for j in 0 ..< n {
                var s = Double(bias?[j] ?? 0), g = abs(s)
                for p in 0 ..< k {
                    let x = Double(a[i * lda + p]) * Double(transposed ? b[j * ldb + p] : b[p * ldb + j])
                    s += x
                    g += abs(x)
                }
                c[i * n + j] = s
                mag[i * n + j] = g
            }
        }
        return (c, mag)
    }

    @Test("vp_gemm_f32 equals the naive product on odd shapes, both layouts of B, with and without bias")
    func matchesNaiveProduct() {
        for (m, n, k) in Self.shapes {
            for transposed in [false, true] {
                for withBias in [false, true] {
                    // Strided operands: two spare columns in A and B, three in C.
                    let lda = k + 2, ldb = (transposed ? k : n) + 2, ldc = n + 3
                    let a = RandomRows.floats(m * lda, seed: UInt64(m * 1000 + k))
                    let b = RandomRows.floats((transposed ? n : k) * ldb, seed: UInt64(n * 1000 + k + 7))
                    let bias = withBias ? RandomRows.floats(n, seed: 99) : nil
                    let ref = Self.reference(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, transposed: transposed, bias: bias)
                    for path in KernelPath.available {
                        var c = [Float](repeating: 12345, count: m * ldc)
                        let status = path.run {
                            vp_gemm_f32(Int64(m), Int64(n), Int64(k), a, lda, b, ldb, transposed ? 1 : 0, bias, &c, ldc)
                        }
                        #expect(status == 0)
                        var worst = 0.0
                        for i in 0 ..< m {
                            for j in 0 ..< n {
                                let err = abs(Double(c[i * ldc + j]) - ref.values[i * n + j])
                                worst = max(worst, err / (1e-6 * ref.magnitudes[i * n + j] + 1e-30))
                            }
                            for j in n ..< ldc { #expect(c[i * ldc + j] == 12345, "padding of C written") }
                        }
                        #expect(worst <= 1, "\(m)×\(n)×\(k) transposed=\(transposed) bias=\(withBias) \(path): error \(worst)×tolerance")
                    }
                }
            }
        }
    }

    @Test("the AVX2 and scalar paths give the same bits")
    func pathsAgreeBitwise() {
        guard KernelPath.available.count == 2 else { return }
        for (m, n, k) in Self.shapes {
            let a = RandomRows.floats(m * k, seed: 5), b = RandomRows.floats(n * k, seed: 6), bias = RandomRows.floats(n, seed: 7)
            let results = KernelPath.available.map { path in
                var c = [Float](repeating: 0, count: m * n)
                _ = path.run { vp_gemm_f32(Int64(m), Int64(n), Int64(k), a, k, b, k, 1, bias, &c, n) }
                return c
            }
            #expect(results[0] == results[1], "\(m)×\(n)×\(k)")
        }
    }

    @Test("column ranges and row subsets reproduce the whole product bit for bit")
    func splitsAreInvariant() throws {
        let m = 23, n = 70, k = 450
        let a = RandomRows.floats(m * k, seed: 11), w = RandomRows.floats(n * k, seed: 12), bias = RandomRows.floats(n, seed: 13)
        var packed = [Float](repeating: .nan, count: vp_gemm_f32_packed_floats(Int64(k), Int64(n)))
        #expect(packed.count == 80 * k)
        vp_gemm_f32_pack(Int64(k), Int64(n), w, k, 1, &packed)
        var whole = [Float](repeating: 0, count: m * n)
        vp_gemm_f32_packed(Int64(m), Int64(k), a, k, packed, Int64(n), 0, Int64(n), bias, &whole, n)
        // Columns in uneven pieces (not multiples of 16), each written by its own call.
        var pieces = [Float](repeating: .nan, count: m * n)
        for (lo, hi) in [(0, 5), (5, 16), (16, 41), (41, 70)] {
            vp_gemm_f32_packed(Int64(m), Int64(k), a, k, packed, Int64(n), Int64(lo), Int64(hi), bias, &pieces, n)
        }
        #expect(pieces == whole)
        // Every row alone equals its row in the batch.
        for i in [0, 6, 22] {
            var row = [Float](repeating: 0, count: n)
            try a.withUnsafeBufferPointer { ap in
                vp_gemm_f32_packed(1, Int64(k), try #require(ap.baseAddress) + i * k, k, packed, Int64(n), 0, Int64(n), bias, &row, n)
            }
            #expect(row == Array(whole[i * n ..< (i + 1) * n]), "row \(i)")
        }
    }

    @Test("k = 0 writes the bias (or zeros); empty shapes write nothing")
    func degenerateShapes() {
        var c = [Float](repeating: 7, count: 6)
        let bias: [Float] = [1, 2, 3]
        #expect(vp_gemm_f32(2, 3, 0, [], 0, [], 0, 1, bias, &c, 3) == 0)
        #expect(c == [1, 2, 3, 1, 2, 3])
        #expect(vp_gemm_f32(2, 3, 0, [], 0, [], 0, 0, nil, &c, 3) == 0)
        #expect(c == [0, 0, 0, 0, 0, 0])
        var untouched = [Float](repeating: 7, count: 4)
        #expect(vp_gemm_f32(0, 2, 3, [1, 2, 3], 3, [1, 2, 3, 4, 5, 6], 3, 1, nil, &untouched, 2) == 0)
        #expect(vp_gemm_f32(2, 0, 3, [1, 2, 3, 4, 5, 6], 3, [], 3, 1, nil, &untouched, 2) == 0)
        #expect(untouched == [7, 7, 7, 7])
        #expect(vp_gemm_f32_packed_floats(0, 5) == 0)
    }
}
