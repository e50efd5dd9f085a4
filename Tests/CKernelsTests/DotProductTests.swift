import CKernels
import Testing

@Suite("Dot products")
struct DotProductTests {
    @Test("vp_vec_dot matches the dequantised reference on every path", arguments: GGMLType.weightTypes)
    func matchesReference(type: GGMLType) {
        for (k, n) in type.testLengths.enumerated() {
            let rows = 3
            let seed = 0xD0700 + UInt64(type.rawValue) * 16 + UInt64(k)
            let weights = RandomRows.make(type, n: n, rows: rows, seed: seed)
            let act = RandomRows.activations(for: type, n: n, rows: rows, seed: seed ^ 0xFFFF)
            let wBytes = type.rowBytes(n), aBytes = type.activationType.rowBytes(n)
            for r in 0 ..< rows {
                let wRow = Array(weights[r * wBytes ..< (r + 1) * wBytes])
                let aRow = Array(act[r * aBytes ..< (r + 1) * aBytes])
                let reference = ReferenceDot(type, n: n, weights: wRow, act: aRow)
                for path in KernelPath.available {
                    let got = path.run {
                        KernelCalls.vecDot(type, n: n, weights: weights, weightOffset: r * wBytes, act: act, actOffset: r * aBytes)
                    }
                    #expect(abs(Double(got) - reference.value) <= reference.tolerance,
                            "\(type) n=\(n) row \(r) \(path): \(got) vs \(reference.value) ± \(reference.tolerance)")
                }
            }
        }
    }

    @Test("AVX2 and scalar paths agree closely", .enabled(if: vp_cpu_supports_avx2() != 0, "needs AVX2"),
          arguments: GGMLType.weightTypes)
    func pathsAgree(type: GGMLType) {
        let n = type.testLengths[1]
        let weights = RandomRows.make(type, n: n, seed: 0xA6 + UInt64(type.rawValue))
        let act = RandomRows.activations(for: type, n: n, rows: 1, seed: 0x6A + UInt64(type.rawValue))
        let simd = KernelPath.simd.run { KernelCalls.vecDot(type, n: n, weights: weights, act: act) }
        let scalar = KernelPath.scalar.run { KernelCalls.vecDot(type, n: n, weights: weights, act: act) }
        let reference = ReferenceDot(type, n: n, weights: weights, act: act)
        #expect(abs(Double(simd) - Double(scalar)) <= 2 * reference.tolerance, "\(type): \(simd) vs \(scalar)")
    }

    @Test("Extreme weight bytes (Q8_0 -128, all-15 nibbles, all fifth bits) stay exact")
    func extremes() {
        // Weights at the edges of their ranges, activations at ±127: the integer sums must not saturate.
        let n = 64
        let act = RandomRows.activations(for: .q8_0, n: n, rows: 1, seed: 5)
        var q8 = RandomRows.make(.q8_0, n: n, seed: 6)
        for b in 0 ..< 2 { for j in 0 ..< 32 { q8[b * 34 + 2 + j] = j % 2 == 0 ? 0x80 : 0x7F } }
        var q4 = RandomRows.make(.q4_1, n: n, seed: 7)
        for b in 0 ..< 2 { for j in 0 ..< 16 { q4[b * 20 + 4 + j] = 0xFF } }
        var q5 = RandomRows.make(.q5_0, n: n, seed: 8)
        for b in 0 ..< 2 { for j in 0 ..< 4 { q5[b * 22 + 2 + j] = 0x00 }; for j in 0 ..< 16 { q5[b * 22 + 6 + j] = 0x00 } }
        let act1 = RandomRows.activations(for: .q4_1, n: n, rows: 1, seed: 9)
        let cases: [(GGMLType, [UInt8], [UInt8])] = [(.q8_0, q8, act), (.q4_1, q4, act1), (.q5_0, q5, act)]
        for (type, weights, a) in cases {
            let reference = ReferenceDot(type, n: n, weights: weights, act: a)
            for path in KernelPath.available {
                let got = path.run { KernelCalls.vecDot(type, n: n, weights: weights, act: a) }
                #expect(abs(Double(got) - reference.value) <= reference.tolerance, "\(type) \(path)")
            }
        }
    }
}
