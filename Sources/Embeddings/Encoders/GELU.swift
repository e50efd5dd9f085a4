/// The exact (erf) GELU, `0.5·x·(1 + erf(x/√2))`, vectorised: erf from Abramowitz & Stegun 7.1.26
/// (absolute error below 1.5e-7, about one float ulp near 1) with a polynomial `exp`.
enum GELU {
    /// Applies GELU to `count` floats in place.
    static func apply(_ p: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let raw = UnsafeMutableRawPointer(p)
        while i + 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            raw.storeBytes(of: gelu(x), toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        if i < count {
            var tail = SIMD8<Float>()
            for k in 0 ..< count - i { tail[k] = p[i + k] }
            let y = gelu(tail)
            for k in 0 ..< count - i { p[i + k] = y[k] }
        }
    }

    @inline(__always)
    static func gelu(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let signBits = unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x8000_0000
        let absX = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
        let z: SIMD8<Float> = absX * 0.70710678118654752
        let one = SIMD8<Float>(repeating: 1)
        let t: SIMD8<Float> = one / (one + 0.3275911 * z)
        var poly = SIMD8<Float>(repeating: 1.061405429)
        poly = poly * t - 1.453152027
        poly = poly * t + 1.421413741
        poly = poly * t - 0.284496736
        poly = poly * t + 0.254829592
        poly = poly * t
        let e: SIMD8<Float> = expNonPositive(-(z * z))
        let erfAbs: SIMD8<Float> = one - poly * e
        let erf = unsafeBitCast(unsafeBitCast(erfAbs, to: SIMD8<UInt32>.self) | signBits, to: SIMD8<Float>.self)
        return 0.5 * x * (one + erf)
    }

    /// e^y for y ≤ 0 (inputs below −87 give about 1e-38; the caller multiplies the result by a bounded factor).
    @inline(__always)
    static func expNonPositive(_ y0: SIMD8<Float>) -> SIMD8<Float> {
        let y = pointwiseMax(y0, SIMD8<Float>(repeating: -87))
        // n = round(y / ln 2) by the 1.5·2^23 trick (valid for |n| < 2^22); its low bits are n itself.
        let magic: Float = 12_582_912
        let shifted = y * 1.4426950408889634 + magic
        let n = shifted - magic
        let nBits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(SIMD8<Float>(repeating: magic), to: SIMD8<Int32>.self)
        let r = (y - n * 0.693359375) - n * -2.12194440e-4
        var p = SIMD8<Float>(repeating: 1.0 / 5040)
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let scale = unsafeBitCast((nBits &+ 127) &<< 23, to: SIMD8<Float>.self)
        return p * scale
    }
}
