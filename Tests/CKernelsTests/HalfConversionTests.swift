import CKernels
import Testing

@Suite("f16 and bf16 conversions")
struct HalfConversionTests {
    @Test("vp_f16_to_f32 is exact for all 65536 bit patterns")
    func allHalves() {
        var wrong = 0
        for bits in 0 ... UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let got = vp_f16_to_f32(bits)
            if expected.isNaN ? !got.isNaN : got.bitPattern != expected.bitPattern { wrong += 1 }
        }
        #expect(wrong == 0)
    }

    @Test("vp_f32_to_f16 rounds to nearest even like Float16(_:)")
    func toHalf() {
        var rng = SeededGenerator(seed: 16)
        var values: [Float] = [0, -0, 65504, 65519.99, 65520, 1e9, -1e9, .infinity, -.infinity, 5.9604645e-8, 2.9802322e-8,
                               2.9802326e-8, 6.097555e-5, 6.1035156e-5, 1.0009765625, 1.00048828125, 1.00146484375]
        for _ in 0 ..< 20000 {
            // Random exponents from deep subnormal-half territory to overflow, random mantissas.
            let e = Int.random(in: -30 ... 17, using: &rng)
            let m = Float.random(in: 1 ..< 2, using: &rng)
            values.append((Bool.random(using: &rng) ? 1 : -1) * m * Float(sign: .plus, exponent: e, significand: 1))
        }
        var wrong: [Float] = []
        for v in values where vp_f32_to_f16(v) != Float16(v).bitPattern { wrong.append(v) }
        #expect(wrong.isEmpty, "first wrong: \(wrong.prefix(3))")
        #expect(Float16(bitPattern: vp_f32_to_f16(.nan)).isNaN)
    }

    @Test("bf16 conversions: exact widening, nearest-even narrowing, NaN stays NaN")
    func bfloat() {
        #expect(vp_bf16_to_f32(0x3F80) == 1)
        #expect(vp_bf16_to_f32(0xC049) == Float(bitPattern: 0xC049_0000))
        #expect(vp_f32_to_bf16(Float(bitPattern: 0x3F80_8000)) == 0x3F80) // tie, even stays
        #expect(vp_f32_to_bf16(Float(bitPattern: 0x3F81_8000)) == 0x3F82) // tie, odd rounds up
        #expect(vp_f32_to_bf16(Float(bitPattern: 0x3F80_8001)) == 0x3F81)
        #expect(vp_bf16_to_f32(vp_f32_to_bf16(.nan)).isNaN)
    }
}
