import CKernels
import Testing

/// vp_matmul is batch invariant bit for bit: whatever the number of tokens computed together, the row range and
/// its split (as threads split it), every output has the exact bit pattern of vp_vec_dot on the same path.
@Suite("Matrix products are batch invariant")
struct MatmulBatchInvarianceTests {
    static let tokenCounts = [1, 2, 3, 4, 5, 7, 8, 63, 64, 65, 130]
    static let rows = 9

    /// Row lengths per type: 576 and 1536 columns (k-quants: 768 and 1536, as 576 is not a whole number of their
    /// 256-element blocks).
    static func lengths(_ type: GGMLType) -> [Int] { type.geometry.elements == 256 ? [768, 1536] : [576, 1536] }

    /// Splits 0..<count into 1...4 consecutive non-empty ranges at seeded random points.
    static func split(_ count: Int, using rng: inout SeededGenerator) -> [Range<Int>] {
        let pieces = Int.random(in: 1 ... min(4, count), using: &rng)
        var cuts = Set<Int>()
        while cuts.count < pieces - 1 { cuts.insert(Int.random(in: 1 ..< count, using: &rng)) }
        let bounds = [0] + cuts.sorted() + [count]
        return (0 ..< pieces).map { bounds[$0] ..< bounds[$0 + 1] }
    }

    @Test("Every output equals vp_vec_dot bit for bit", arguments: GGMLType.weightTypes)
    func equalsVecDotBitwise(type: GGMLType) {
        for n in Self.lengths(type) {
            let seed = UInt64(type.rawValue) << 24 | UInt64(n)
            let weights = RandomRows.make(type, n: n, rows: Self.rows, seed: seed)
            let maxTokens = Self.tokenCounts.max()!
            let packed = RandomRows.activations(for: type, n: n, rows: maxTokens, seed: seed ^ 0x5EED)
            // Activation rows with padding between them, so that stride arithmetic is exercised too.
            let aBytes = type.activationType.rowBytes(n)
            let actStride = aBytes + 24
            var act = [UInt8](repeating: 0xEE, count: actStride * maxTokens)
            for t in 0 ..< maxTokens {
                act.replaceSubrange(t * actStride ..< t * actStride + aBytes, with: packed[t * aBytes ..< (t + 1) * aBytes])
            }
            let wBytes = type.rowBytes(n)
            for path in KernelPath.available {
                // The reference: one vp_vec_dot per (token, row).
                let reference: [UInt32] = path.run {
                    (0 ..< maxTokens).flatMap { t in
                        (0 ..< Self.rows).map { r in
                            KernelCalls.vecDot(type, n: n, weights: weights, weightOffset: r * wBytes, act: act,
                                               actOffset: t * actStride).bitPattern
                        }
                    }
                }
                var rng = SeededGenerator(seed: seed ^ 0x5B117)
                for tokens in Self.tokenCounts {
                    var y = [Float](repeating: .nan, count: Self.rows * tokens)
                    let ranges = Self.split(Self.rows, using: &rng)
                    path.run {
                        for range in ranges {
                            KernelCalls.matmul(type, n: n, weights: weights, act: act, actStride: actStride, y: &y,
                                               yStride: Self.rows, rows: range, tokens: tokens)
                        }
                    }
                    var mismatches = 0
                    for t in 0 ..< tokens {
                        for r in 0 ..< Self.rows where y[t * Self.rows + r].bitPattern != reference[t * Self.rows + r] {
                            mismatches += 1
                        }
                    }
                    #expect(mismatches == 0, "\(type) n=\(n) \(path) tokens=\(tokens) rows \(ranges): \(mismatches) outputs differ from vp_vec_dot")
                }
                // One token at a time through vp_matmul, each token at its own offset.
                var single = 0
                path.run {
                    for t in 0 ..< maxTokens {
                        var y = [Float](repeating: .nan, count: Self.rows)
                        let tokenAct = Array(act[t * actStride ..< t * actStride + aBytes])
                        KernelCalls.matmul(type, n: n, weights: weights, act: tokenAct, actStride: aBytes, y: &y,
                                           yStride: Self.rows, rows: 0 ..< Self.rows, tokens: 1)
                        for r in 0 ..< Self.rows where y[r].bitPattern != reference[t * Self.rows + r] { single += 1 }
                    }
                }
                #expect(single == 0, "\(type) n=\(n) \(path): \(single) one-token products differ from vp_vec_dot")
            }
        }
    }

    @Test("A token's outputs do not depend on its neighbours in the batch", arguments: [GGMLType.q4_0, .q4_1, .q8_0])
    func neighboursDoNotMatter(type: GGMLType) {
        let n = 576, tokens = 7
        let weights = RandomRows.make(type, n: n, rows: Self.rows, seed: 77)
        let aBytes = type.activationType.rowBytes(n)
        let first = RandomRows.activations(for: type, n: n, rows: tokens, seed: 78)
        var second = RandomRows.activations(for: type, n: n, rows: tokens, seed: 79)
        second.replaceSubrange(3 * aBytes ..< 4 * aBytes, with: first[3 * aBytes ..< 4 * aBytes]) // token 3 shared
        for path in KernelPath.available {
            var a = [Float](repeating: 0, count: Self.rows * tokens), b = a
            path.run {
                KernelCalls.matmul(type, n: n, weights: weights, act: first, actStride: aBytes, y: &a, yStride: Self.rows,
                                   rows: 0 ..< Self.rows, tokens: tokens)
                KernelCalls.matmul(type, n: n, weights: weights, act: second, actStride: aBytes, y: &b, yStride: Self.rows,
                                   rows: 0 ..< Self.rows, tokens: tokens)
            }
            let shared = (0 ..< Self.rows).map { 3 * Self.rows + $0 }
            #expect(shared.allSatisfy { a[$0].bitPattern == b[$0].bitPattern }, "\(type) \(path)")
            #expect(shared.contains { a[$0 - Self.rows] != b[$0 - Self.rows] }, "the neighbours differ, as set up")
        }
    }
}
