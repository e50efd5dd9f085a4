import CKernels
import Testing

/// Quantisers against the reference formulas (engine reference, "Quantizers"; ggml's reference quantisers).
@Suite("Quantisation")
struct QuantizeTests {
    /// Inputs with a zero block and a block with one large outlier, so the edge cases are always present.
    static func inputs(_ n: Int, seed: UInt64) -> [Float] {
        var x = RandomRows.floats(n, amplitude: 3, seed: seed)
        for j in 0 ..< 32 { x[j] = 0 }
        x[40] = -25
        return x
    }

    static func f16Bits(_ b: [UInt8], _ o: Int) -> UInt16 { UInt16(b[o]) | UInt16(b[o + 1]) << 8 }

    @Test("Q8_0 bytes follow d = amax/127, q = round(x/d) on every path", arguments: KernelPath.available)
    func q8_0(path: KernelPath) throws {
        let x = Self.inputs(160, seed: 1)
        let bytes = try #require(path.run { KernelCalls.quantize(.q8_0, x) })
        for b in 0 ..< 5 {
            let block = x[32 * b ..< 32 * b + 32]
            let d = block.map(abs).max()! / 127
            let id: Float = d != 0 ? 1 / d : 0
            #expect(Self.f16Bits(bytes, 34 * b) == Float16(d).bitPattern)
            for j in 0 ..< 32 {
                #expect(Int8(bitPattern: bytes[34 * b + 2 + j]) == Int8((block[32 * b + j] * id).rounded()), "block \(b) j \(j)")
            }
        }
        // Round trip: each value within half a step (plus the f16 rounding of d).
        let back = KernelCalls.dequantize(.q8_0, bytes, n: 160)
        for b in 0 ..< 5 {
            let d = x[32 * b ..< 32 * b + 32].map(abs).max()! / 127
            let d16 = Float(Float16(d))
            for j in 32 * b ..< 32 * b + 32 {
                #expect(abs(back[j] - x[j]) <= 0.5 * d16 + 127 * abs(d - d16) + 1e-6, "element \(j)")
            }
        }
    }

    @Test("Q8_1 stores d and s = d * sum(q) as f16 on every path", arguments: KernelPath.available)
    func q8_1(path: KernelPath) throws {
        let x = Self.inputs(160, seed: 2)
        let bytes = try #require(path.run { KernelCalls.quantize(.q8_1, x) })
        let q8_0 = try #require(path.run { KernelCalls.quantize(.q8_0, x) })
        for b in 0 ..< 5 {
            let d = x[32 * b ..< 32 * b + 32].map(abs).max()! / 127
            var sum = 0
            for j in 0 ..< 32 {
                let q = Int8(bitPattern: bytes[36 * b + 4 + j])
                #expect(q == Int8(bitPattern: q8_0[34 * b + 2 + j]), "same integers as Q8_0")
                sum += Int(q)
            }
            #expect(Self.f16Bits(bytes, 36 * b) == Float16(d).bitPattern)
            #expect(Self.f16Bits(bytes, 36 * b + 2) == Float16(d * Float(sum)).bitPattern, "block \(b) s")
        }
    }

    @Test("Q8_K: f32 d, |q| <= 127, bsums are sums of 16, error within half a step", arguments: KernelPath.available)
    func q8_K(path: KernelPath) throws {
        let x = Self.inputs(512, seed: 3)
        let bytes = try #require(path.run { KernelCalls.quantize(.q8_K, x) })
        let back = KernelCalls.dequantize(.q8_K, bytes, n: 512)
        for b in 0 ..< 2 {
            let o = 292 * b
            let amax = x[256 * b ..< 256 * b + 256].map(abs).max()!
            let d = ReferenceDequantizer.f32(bytes, o)
            #expect(abs(d - amax / 127) <= 1e-6 * amax)
            for g in 0 ..< 16 {
                var sum = 0
                for l in 0 ..< 16 {
                    let q = Int8(bitPattern: bytes[o + 4 + 16 * g + l])
                    #expect(q >= -127)
                    sum += Int(q)
                }
                let bsum = Int16(bitPattern: UInt16(bytes[o + 260 + 2 * g]) | UInt16(bytes[o + 261 + 2 * g]) << 8)
                #expect(Int(bsum) == sum, "block \(b) group \(g)")
            }
            for j in 256 * b ..< 256 * b + 256 { #expect(abs(back[j] - x[j]) <= 0.5 * d * 1.0001 + 1e-7, "element \(j)") }
        }
    }

    @Test("Activation quantisers round halves away from zero and agree byte for byte across paths")
    func roundingAndPaths() throws {
        // amax = 127 makes d = 1 exactly, so x / d lands on the chosen ties.
        var x: [Float] = [127, 2.5, -2.5, 0.5, -0.5, 126.5, -126.5, 0.49999997, -1.5, 3.5]
        x += [Float](repeating: 0.25, count: 22)
        for path in KernelPath.available {
            let bytes = try #require(path.run { KernelCalls.quantize(.q8_0, x) })
            let q = bytes[2 ..< 12].map { Int(Int8(bitPattern: $0)) }
            #expect(q == [127, 3, -3, 1, -1, 127, -127, 0, -2, 4], "\(path)")
        }
        let values = RandomRows.floats(768, amplitude: 5, seed: 12)
        for type: GGMLType in [.q8_0, .q8_1, .q8_K] {
            let outputs = KernelPath.available.map { path in path.run { KernelCalls.quantize(type, values) } }
            #expect(outputs.allSatisfy { $0 == outputs[0] && $0 != nil }, "\(type)")
        }
    }

    @Test("Lengths that are not a whole number of blocks are refused")
    func partialBlocks() {
        for type: GGMLType in [.q8_0, .q8_1, .q4_1, .q8_K] {
            let x = [Float](repeating: 1, count: type.geometry.elements + 1)
            var out = [UInt8](repeating: 0xAB, count: 2 * type.geometry.bytes)
            let status = out.withUnsafeMutableBytes { vp_quantize_row(type.rawValue, x, $0.baseAddress!, Int64(x.count)) }
            #expect(status == -1 && out.allSatisfy { $0 == 0xAB }, "\(type)")
        }
    }

    /// ggml's "signed max" scale for Q4_0/Q5_0: the value of largest magnitude (first one on ties).
    static func signedMax(_ block: ArraySlice<Float>) -> Float {
        var best: Float = 0, amax: Float = 0
        for v in block where abs(v) > amax {
            amax = abs(v)
            best = v
        }
        return best
    }

    @Test("Q4_0 and Q5_0 bytes follow d = max / -8 (-16), q = min(top, trunc(x/d + offset + 0.5))")
    func symmetric() throws {
        let x = Self.inputs(160, seed: 4)
        let q4 = try #require(KernelCalls.quantize(.q4_0, x))
        let q5 = try #require(KernelCalls.quantize(.q5_0, x))
        for b in 0 ..< 5 {
            let block = x[32 * b ..< 32 * b + 32]
            let max = Self.signedMax(block)
            let d4 = max / -8, d5 = max / -16
            let id4: Float = d4 != 0 ? 1 / d4 : 0, id5: Float = d5 != 0 ? 1 / d5 : 0
            #expect(Self.f16Bits(q4, 18 * b) == Float16(d4).bitPattern)
            #expect(Self.f16Bits(q5, 22 * b) == Float16(d5).bitPattern)
            let qh = ReferenceDequantizer.u32(q5, 22 * b + 2)
            for j in 0 ..< 16 {
                let lo4 = min(15, Int(Int8(block[32 * b + j] * id4 + 8.5)))
                let hi4 = min(15, Int(Int8(block[32 * b + j + 16] * id4 + 8.5)))
                #expect(Int(q4[18 * b + 2 + j]) == lo4 | hi4 << 4, "Q4_0 block \(b) byte \(j)")
                let lo5 = min(31, Int(Int8(block[32 * b + j] * id5 + 16.5)))
                let hi5 = min(31, Int(Int8(block[32 * b + j + 16] * id5 + 16.5)))
                #expect(Int(q5[22 * b + 6 + j]) == (lo5 & 15) | (hi5 & 15) << 4, "Q5_0 block \(b) byte \(j)")
                #expect(Int((qh >> UInt32(j)) & 1) == lo5 >> 4 && Int((qh >> UInt32(j + 16)) & 1) == hi5 >> 4)
            }
        }
    }

    @Test("Q4_1 and Q5_1 bytes follow d = (max - min) / 15 (31), m = min")
    func asymmetric() throws {
        let x = Self.inputs(160, seed: 5)
        let q4 = try #require(KernelCalls.quantize(.q4_1, x))
        let q5 = try #require(KernelCalls.quantize(.q5_1, x))
        for b in 0 ..< 5 {
            let block = x[32 * b ..< 32 * b + 32]
            let lo = block.min()!, hi = block.max()!
            let d4 = (hi - lo) / 15, d5 = (hi - lo) / 31
            let id4: Float = d4 != 0 ? 1 / d4 : 0, id5: Float = d5 != 0 ? 1 / d5 : 0
            #expect(Self.f16Bits(q4, 20 * b) == Float16(d4).bitPattern && Self.f16Bits(q4, 20 * b + 2) == Float16(lo).bitPattern)
            #expect(Self.f16Bits(q5, 24 * b) == Float16(d5).bitPattern && Self.f16Bits(q5, 24 * b + 2) == Float16(lo).bitPattern)
            let qh = ReferenceDequantizer.u32(q5, 24 * b + 4)
            for j in 0 ..< 16 {
                let a4 = min(15, Int(Int8((block[32 * b + j] - lo) * id4 + 0.5)))
                let b4 = min(15, Int(Int8((block[32 * b + j + 16] - lo) * id4 + 0.5)))
                #expect(Int(q4[20 * b + 4 + j]) == a4 | b4 << 4, "Q4_1 block \(b) byte \(j)")
                let a5 = min(31, Int(Int8((block[32 * b + j] - lo) * id5 + 0.5)))
                let b5 = min(31, Int(Int8((block[32 * b + j + 16] - lo) * id5 + 0.5)))
                #expect(Int(q5[24 * b + 8 + j]) == (a5 & 15) | (b5 & 15) << 4, "Q5_1 block \(b) byte \(j)")
                #expect(Int((qh >> UInt32(j)) & 1) == a5 >> 4 && Int((qh >> UInt32(j + 16)) & 1) == b5 >> 4)
            }
        }
        // Round trip of Q4_1: within half a step plus the f16 rounding of d and m.
        let back = KernelCalls.dequantize(.q4_1, q4, n: 160)
        for b in 0 ..< 5 {
            let block = x[32 * b ..< 32 * b + 32]
            let lo = block.min()!, d = (block.max()! - lo) / 15
            let slack = 0.5 * d + 15 * abs(d - Float(Float16(d))) + abs(lo - Float(Float16(lo))) + 1e-5
            for j in 32 * b ..< 32 * b + 32 { #expect(abs(back[j] - x[j]) <= slack, "element \(j)") }
        }
    }

    @Test("F32 copies, F16 rounds like Float16, BF16 rounds to the nearest bfloat16 (ties to even)")
    func floats() throws {
        var x = RandomRows.floats(64, amplitude: 100, seed: 6)
        x += [0, -0, 1e-8, 6.1e-5, 65519, 65520, 1e6, -1e6, .infinity, 1.00390625, 1.01171875, Float(bitPattern: 0x0020_0000)]
        let f32 = try #require(KernelCalls.quantize(.f32, x))
        #expect(KernelCalls.dequantize(.f32, f32, n: x.count).map(\.bitPattern) == x.map(\.bitPattern))
        let f16 = try #require(KernelCalls.quantize(.f16, x))
        for (j, v) in x.enumerated() { #expect(Self.f16Bits(f16, 2 * j) == Float16(v).bitPattern, "F16 of \(v)") }
        let bf16 = try #require(KernelCalls.quantize(.bf16, x))
        for (j, v) in x.enumerated() {
            let below = UInt16(v.bitPattern >> 16), above = below &+ 1
            let dBelow = abs(Double(Float(bitPattern: UInt32(below) << 16)) - Double(v))
            let dAbove = abs(Double(Float(bitPattern: UInt32(above) << 16)) - Double(v))
            let expected = dBelow < dAbove ? below : dAbove < dBelow ? above : (below & 1 == 0 ? below : above)
            #expect(Self.f16Bits(bf16, 2 * j) == (v.isInfinite ? below : expected), "BF16 of \(v)")
        }
    }

    @Test("Types without a quantiser return -1", arguments: [GGMLType.q4_K, .q5_K, .q6_K])
    func noQuantiser(type: GGMLType) {
        #expect(KernelCalls.quantize(type, [Float](repeating: 1, count: 256)) == nil)
    }
}
