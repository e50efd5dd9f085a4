import CKernels

/// Rows of blocks built from seeded random bytes, with the f16/f32 scale fields replaced by sane values
/// (random bytes there would give NaNs, infinities and absurd magnitudes).
enum RandomRows {
    /// A sane f16 scale: magnitude in [0.001, 0.1), random sign unless `positive`.
    static func scale(_ rng: inout SeededGenerator, positive: Bool = false) -> UInt16 {
        let magnitude = Float.random(in: 0.001 ..< 0.1, using: &rng)
        let sign: Float = positive || Bool.random(using: &rng) ? 1 : -1
        return Float16(sign * magnitude).bitPattern
    }

    static func put16(_ value: UInt16, _ bytes: inout [UInt8], at offset: Int) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }

    /// `rows` rows of `n` elements of `type`, concatenated.
    static func make(_ type: GGMLType, n: Int, rows: Int = 1, seed: UInt64) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        let (elements, blockBytes) = type.geometry
        var bytes = (0 ..< rows * type.rowBytes(n)).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
        let blocks = rows * n / elements
        for b in 0 ..< blocks {
            let o = b * blockBytes
            switch type {
            case .f32:
                let v = Float.random(in: -1 ..< 1, using: &rng).bitPattern
                for k in 0 ..< 4 { bytes[o + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) }
            case .f16:
                put16(Float16(Float.random(in: -1 ..< 1, using: &rng)).bitPattern, &bytes, at: o)
            case .bf16:
                put16(UInt16(Float.random(in: -1 ..< 1, using: &rng).bitPattern >> 16), &bytes, at: o)
            case .q4_0, .q5_0, .q8_0:
                put16(scale(&rng), &bytes, at: o)
            case .q4_1, .q5_1, .q8_1:
                put16(scale(&rng), &bytes, at: o)
                put16(scale(&rng), &bytes, at: o + 2)
            case .q4_K, .q5_K:
                put16(scale(&rng, positive: true), &bytes, at: o)
                put16(scale(&rng, positive: true), &bytes, at: o + 2)
            case .q6_K:
                put16(scale(&rng), &bytes, at: o + 208)
            case .q8_K:
                let d = Float.random(in: 0.001 ..< 0.05, using: &rng).bitPattern
                for k in 0 ..< 4 { bytes[o + k] = UInt8((d >> (8 * UInt32(k))) & 0xFF) }
            }
        }
        return bytes
    }

    /// `count` floats uniformly in [-amplitude, amplitude).
    static func floats(_ count: Int, amplitude: Float = 1, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return (0 ..< count).map { _ in Float.random(in: -amplitude ..< amplitude, using: &rng) }
    }

    /// `rows` activation rows for weights of `type`: random floats put through vp_quantize_row.
    static func activations(for type: GGMLType, n: Int, rows: Int, seed: UInt64) -> [UInt8] {
        let act = type.activationType
        let values = floats(n * rows, seed: seed)
        var bytes = [UInt8](repeating: 0, count: act.rowBytes(n) * rows)
        values.withUnsafeBufferPointer { src in
            bytes.withUnsafeMutableBytes { dst in
                for r in 0 ..< rows {
                    _ = vp_quantize_row(act.rawValue, src.baseAddress! + r * n, dst.baseAddress! + r * act.rowBytes(n), Int64(n))
                }
            }
        }
        return bytes
    }
}
