import CKernels
import Testing

/// Hand-built blocks whose values are known without running any dequantiser.
@Suite("Known blocks")
struct KnownBlockTests {
    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func half(_ v: Float) -> [UInt8] { le16(Float16(v).bitPattern) }

    /// Nibble bytes j | (15 - j) << 4: element j is j, element 16 + j is 15 - j.
    static let rampNibbles: [UInt8] = (0 ..< 16).map { (j: Int) -> UInt8 in UInt8(j | (15 - j) << 4) }

    @Test("Q4_1 with d = 0.5, m = -1: element j = 0.5 q_j - 1, low nibbles first")
    func q4_1() {
        let block = Self.half(0.5) + Self.half(-1) + Self.rampNibbles
        let low: [Float] = (0 ..< 16).map { 0.5 * Float($0) - 1 }
        let high: [Float] = (0 ..< 16).map { 0.5 * Float(15 - $0) - 1 }
        let expected = low + high
        #expect(KernelCalls.dequantize(.q4_1, block, n: 32) == expected)
    }

    @Test("Q4_0 with d = 2: element j = 2 (q_j - 8)")
    func q4_0() {
        let block = Self.half(2) + Self.rampNibbles
        let low: [Float] = (0 ..< 16).map { 2 * Float($0 - 8) }
        let high: [Float] = (0 ..< 16).map { 2 * Float(7 - $0) }
        let expected = low + high
        #expect(KernelCalls.dequantize(.q4_0, block, n: 32) == expected)
    }

    @Test("Q5_0 / Q5_1: the fifth bit of element j is bit j of the little-endian qh")
    func q5() {
        // qh = 0x8000_0001 | 0x0001_0000: elements 0, 16 and 31 have the fifth bit.
        let qh: [UInt8] = [0x01, 0x00, 0x01, 0x80]
        let q5_0 = Self.half(1) + qh + [UInt8](repeating: 0x33, count: 16)
        let got0 = KernelCalls.dequantize(.q5_0, q5_0, n: 32)
        #expect(got0[0] == 3 && got0[16] == 3 && got0[31] == 3)
        #expect(got0[1] == -13 && got0[15] == -13 && got0[17] == -13)
        let q5_1 = Self.half(0.25) + Self.half(1) + qh + [UInt8](repeating: 0xFF, count: 16)
        let got1 = KernelCalls.dequantize(.q5_1, q5_1, n: 32)
        #expect(got1[0] == 31 * 0.25 + 1 && got1[16] == 31 * 0.25 + 1 && got1[31] == 31 * 0.25 + 1)
        #expect(got1[1] == 15 * 0.25 + 1 && got1[30] == 15 * 0.25 + 1)
    }

    @Test("Q8_0 with d = 0.5 and q_j = j - 16")
    func q8_0() {
        let block = Self.half(0.5) + (0 ..< 32).map { UInt8(bitPattern: Int8($0 - 16)) }
        #expect(KernelCalls.dequantize(.q8_0, block, n: 32) == (0 ..< 32).map { 0.5 * Float($0 - 16) })
    }

    /// Packs 8 six-bit scales and mins into the 12-byte k-quant field (the inverse of the documented unpack).
    static func packScales(_ sc: [Int], _ m: [Int]) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 12)
        for s in 0 ..< 4 {
            b[s] = UInt8(sc[s] | (sc[s + 4] >> 4) << 6)
            b[s + 4] = UInt8(m[s] | (m[s + 4] >> 4) << 6)
            b[s + 8] = UInt8((sc[s + 4] & 15) | (m[s + 4] & 15) << 4)
        }
        return b
    }

    static let kScales = [1, 2, 3, 4, 17, 33, 50, 63], kMins = [0, 5, 10, 15, 20, 40, 60, 63]

    @Test("Q4_K with d = 1, dmin = 0.5 and chosen 6-bit scales and mins")
    func q4_K() {
        let qs: [UInt8] = (0 ..< 128).map { (i: Int) -> UInt8 in UInt8(i % 16 | (15 - i % 16) << 4) }
        var block: [UInt8] = Self.half(1) + Self.half(0.5)
        block += Self.packScales(Self.kScales, Self.kMins)
        block += qs
        let got = KernelCalls.dequantize(.q4_K, block, n: 256)
        for g in 0 ..< 4 {
            for l in 0 ..< 32 {
                let lo = Float(Self.kScales[2 * g] * (l % 16)) - 0.5 * Float(Self.kMins[2 * g])
                let hi = Float(Self.kScales[2 * g + 1] * (15 - l % 16)) - 0.5 * Float(Self.kMins[2 * g + 1])
                #expect(got[64 * g + l] == lo && got[64 * g + 32 + l] == hi, "group \(g) l \(l)")
            }
        }
    }

    @Test("Q5_K adds 16 where qh bit 2g (low half) or 2g + 1 (high half) of byte l is set")
    func q5_K() {
        let qh = (0 ..< 32).map { UInt8($0 % 2 == 0 ? 0x55 : 0xAA) } // even l: low halves; odd l: high halves
        let scales: [UInt8] = Self.packScales([Int](repeating: 1, count: 8), [Int](repeating: 0, count: 8))
        var block: [UInt8] = Self.half(1) + Self.half(0)
        block += scales
        block += qh
        block += [UInt8](repeating: 0x21, count: 128)
        let got = KernelCalls.dequantize(.q5_K, block, n: 256)
        for g in 0 ..< 4 {
            for l in 0 ..< 32 {
                #expect(got[64 * g + l] == (l % 2 == 0 ? 17 : 1) && got[64 * g + 32 + l] == (l % 2 == 0 ? 2 : 18))
            }
        }
    }

    @Test("Q6_K: d last, signed scales, q = (low | high << 4) - 32 in the documented order")
    func q6_K() {
        // Element e gets q = (e % 64) - 32, encoded by hand per the layout.
        var ql = [UInt8](repeating: 0, count: 128), qh = [UInt8](repeating: 0, count: 64)
        for h in 0 ..< 2 {
            for k in 0 ..< 4 {
                for l in 0 ..< 32 {
                    let u = (128 * h + 32 * k + l) % 64
                    let qlIndex = 64 * h + l + 32 * (k & 1)
                    ql[qlIndex] |= UInt8(u & 15) << (k >= 2 ? 4 : 0)
                    qh[32 * h + l] |= UInt8(u >> 4) << (2 * k)
                }
            }
        }
        let scales = (0 ..< 16).map { UInt8(bitPattern: Int8($0 - 8)) }
        let block = ql + qh + scales + Self.half(0.5)
        let got = KernelCalls.dequantize(.q6_K, block, n: 256)
        for e in 0 ..< 256 {
            #expect(got[e] == 0.5 * Float(e / 16 - 8) * Float(e % 64 - 32), "element \(e)")
        }
    }

    @Test("Known dot products on every path")
    func dots() {
        // Q4_1 ramp (d 0.5, m -1) against a Q8_1 row of ones with d = 1, s = 32: 0.5 * 240 - 32 = 88.
        let w41 = Self.half(0.5) + Self.half(-1) + Self.rampNibbles
        let a81 = Self.half(1) + Self.half(32) + [UInt8](repeating: 1, count: 32)
        // Q8_0 (d 0.5, q = j - 16) against d = 2, q = 1: Σ (j - 16) = -16.
        let w80 = Self.half(0.5) + (0 ..< 32).map { UInt8(bitPattern: Int8($0 - 16)) }
        let a80 = Self.half(2) + [UInt8](repeating: 1, count: 32)
        // Q4_0 ramp (d 2) against the same: 2 * 2 * (Σ (j - 8) + Σ (7 - j)) = 4 * (-8 + -8) = -64.
        let w40 = Self.half(2) + Self.rampNibbles
        for path in KernelPath.available {
            path.run {
                #expect(KernelCalls.vecDot(.q4_1, n: 32, weights: w41, act: a81) == 88, "\(path)")
                #expect(KernelCalls.vecDot(.q8_0, n: 32, weights: w80, act: a80) == -16, "\(path)")
                #expect(KernelCalls.vecDot(.q4_0, n: 32, weights: w40, act: a80) == -64, "\(path)")
            }
        }
    }
}
