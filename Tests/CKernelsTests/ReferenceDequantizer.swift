/// Independent scalar dequantisation written from the engine reference (section 3), used as the oracle for
/// the C kernels. It reads raw little-endian bytes and follows the documented formulas operation by operation.
enum ReferenceDequantizer {
    static func f16(_ b: [UInt8], _ o: Int) -> Float {
        Float(Float16(bitPattern: UInt16(b[o]) | UInt16(b[o + 1]) << 8))
    }

    static func u32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    static func f32(_ b: [UInt8], _ o: Int) -> Float { Float(bitPattern: u32(b, o)) }

    static func i8(_ b: [UInt8], _ o: Int) -> Float { Float(Int8(bitPattern: b[o])) }

    /// The k-quant 6-bit scale/min unpack of the 12 bytes at `o`.
    static func kScales(_ b: [UInt8], _ o: Int) -> (sc: [Int], m: [Int]) {
        var sc = [Int](repeating: 0, count: 8), m = sc
        for s in 0 ..< 8 {
            if s < 4 {
                sc[s] = Int(b[o + s] & 63)
                m[s] = Int(b[o + s + 4] & 63)
            } else {
                sc[s] = Int(b[o + s + 4] & 0x0F) | Int(b[o + s - 4] >> 6) << 4
                m[s] = Int(b[o + s + 4] >> 4) | Int(b[o + s] >> 6) << 4
            }
        }
        return (sc, m)
    }

    /// The `n` values of a row of `type` stored at the start of `b`.
    static func row(_ type: GGMLType, _ b: [UInt8], n: Int) -> [Float] {
        var out = [Float](repeating: 0, count: n)
        let (elements, size) = type.geometry
        for blk in 0 ..< n / elements {
            let o = blk * size, base = blk * elements
            switch type {
            case .f32: out[base] = f32(b, o)
            case .f16: out[base] = f16(b, o)
            case .bf16: out[base] = Float(bitPattern: UInt32(b[o]) << 16 | UInt32(b[o + 1]) << 24)
            case .q4_0:
                let d = f16(b, o)
                for j in 0 ..< 32 {
                    let q = j < 16 ? Int(b[o + 2 + j] & 0x0F) : Int(b[o + 2 + j - 16] >> 4)
                    out[base + j] = Float(q - 8) * d
                }
            case .q4_1:
                let d = f16(b, o), m = f16(b, o + 2)
                for j in 0 ..< 32 {
                    let q = j < 16 ? Int(b[o + 4 + j] & 0x0F) : Int(b[o + 4 + j - 16] >> 4)
                    out[base + j] = Float(q) * d + m
                }
            case .q5_0:
                let d = f16(b, o), qh = u32(b, o + 2)
                for j in 0 ..< 32 {
                    let low = j < 16 ? Int(b[o + 6 + j] & 0x0F) : Int(b[o + 6 + j - 16] >> 4)
                    let bit = Int((qh >> UInt32(j)) & 1)
                    out[base + j] = Float(low + 16 * bit - 16) * d
                }
            case .q5_1:
                let d = f16(b, o), m = f16(b, o + 2), qh = u32(b, o + 4)
                for j in 0 ..< 32 {
                    let low = j < 16 ? Int(b[o + 8 + j] & 0x0F) : Int(b[o + 8 + j - 16] >> 4)
                    let bit = Int((qh >> UInt32(j)) & 1)
                    out[base + j] = Float(low + 16 * bit) * d + m
                }
            case .q8_0:
                let d = f16(b, o)
                for j in 0 ..< 32 { out[base + j] = i8(b, o + 2 + j) * d }
            case .q8_1:
                let d = f16(b, o)
                for j in 0 ..< 32 { out[base + j] = i8(b, o + 4 + j) * d }
            case .q8_K:
                let d = f32(b, o)
                for j in 0 ..< 256 { out[base + j] = i8(b, o + 4 + j) * d }
            case .q4_K, .q5_K:
                let d = f16(b, o), dmin = f16(b, o + 2)
                let (sc, m) = kScales(b, o + 4)
                let qhOffset = o + 16, qsOffset = type == .q4_K ? o + 16 : o + 48
                for g in 0 ..< 4 {
                    let d1 = d * Float(sc[2 * g]), m1 = dmin * Float(m[2 * g])
                    let d2 = d * Float(sc[2 * g + 1]), m2 = dmin * Float(m[2 * g + 1])
                    for l in 0 ..< 32 {
                        let byte = b[qsOffset + 32 * g + l]
                        var lo = Int(byte & 0x0F), hi = Int(byte >> 4)
                        if type == .q5_K {
                            let h = b[qhOffset + l]
                            lo += Int((h >> UInt8(2 * g)) & 1) * 16
                            hi += Int((h >> UInt8(2 * g + 1)) & 1) * 16
                        }
                        out[base + 64 * g + l] = d1 * Float(lo) - m1
                        out[base + 64 * g + 32 + l] = d2 * Float(hi) - m2
                    }
                }
            case .q6_K:
                let d = f16(b, o + 208)
                for h in 0 ..< 2 {
                    let ql = o + 64 * h, qh = o + 128 + 32 * h, scales = o + 192 + 8 * h
                    for l in 0 ..< 32 {
                        for k in 0 ..< 4 {
                            let qlByte = b[ql + l + (k & 1) * 32]
                            let low = k < 2 ? Int(qlByte & 0x0F) : Int(qlByte >> 4)
                            let high = Int((b[qh + l] >> UInt8(2 * k)) & 3)
                            let q = (low | high << 4) - 32
                            let scale = i8(b, scales + l / 16 + 2 * k)
                            out[base + 128 * h + 32 * k + l] = d * scale * Float(q)
                        }
                    }
                }
            }
        }
        return out
    }
}
