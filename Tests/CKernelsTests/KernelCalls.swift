import CKernels

/// Array-based wrappers over the C API, so the tests read as plain Swift.
enum KernelCalls {
    static func dequantize(_ type: GGMLType, _ bytes: [UInt8], n: Int, offset: Int = 0) -> [Float] {
        var out = [Float](repeating: .nan, count: n)
        bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBufferPointer { dst in
                vp_dequantize_row(type.rawValue, src.baseAddress! + offset, dst.baseAddress!, Int64(n))
            }
        }
        return out
    }

    /// Quantises `values` into a fresh row of `type`; nil if the C side reports no quantiser.
    static func quantize(_ type: GGMLType, _ values: [Float]) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: type.rowBytes(values.count))
        let status = values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBytes { dst in
                vp_quantize_row(type.rawValue, src.baseAddress!, dst.baseAddress!, Int64(values.count))
            }
        }
        return status == 0 ? out : nil
    }

    static func vecDot(_ type: GGMLType, n: Int, weights: [UInt8], weightOffset: Int = 0, act: [UInt8],
                       actOffset: Int = 0) -> Float {
        weights.withUnsafeBytes { w in
            act.withUnsafeBytes { a in
                vp_vec_dot(type.rawValue, Int64(n), w.baseAddress! + weightOffset, a.baseAddress! + actOffset)
            }
        }
    }

    /// vp_matmul into `y` (which keeps whatever the call does not write).
    static func matmul(_ type: GGMLType, n: Int, weights: [UInt8], act: [UInt8], actStride: Int, y: inout [Float],
                       yStride: Int, rows: Range<Int>, tokens: Int) {
        weights.withUnsafeBytes { w in
            act.withUnsafeBytes { a in
                y.withUnsafeMutableBufferPointer { out in
                    vp_matmul(type.rawValue, Int64(n), w.baseAddress!, a.baseAddress!, actStride, out.baseAddress!, yStride,
                              Int64(rows.lowerBound), Int64(rows.upperBound), Int64(tokens))
                }
            }
        }
    }
}

/// The reference dot product of a weight row with an activation row, both dequantised by the Swift oracle,
/// and the error the kernel may make: float rounding of the block sums, plus (for Q4_1/Q5_1) the documented
/// use of the activation's stored f16 `s` instead of d·Σq.
struct ReferenceDot {
    let value: Double
    let tolerance: Double

    init(_ type: GGMLType, n: Int, weights: [UInt8], act: [UInt8]) {
        let w = ReferenceDequantizer.row(type, weights, n: n)
        let a = ReferenceDequantizer.row(type.activationType, act, n: n)
        var sum = 0.0, magnitude = 0.0
        for j in 0 ..< n {
            sum += Double(w[j]) * Double(a[j])
            magnitude += abs(Double(w[j]) * Double(a[j]))
        }
        var tol = 1e-5 * magnitude + 1e-6
        if type == .q4_1 || type == .q5_1 {
            let mOffset = 2, blockBytes = type.geometry.bytes
            for b in 0 ..< n / 32 {
                let m = Double(ReferenceDequantizer.f16(weights, b * blockBytes + mOffset))
                let d = Double(ReferenceDequantizer.f16(act, b * 36))
                let s = Double(ReferenceDequantizer.f16(act, b * 36 + 2))
                var q = 0
                for j in 0 ..< 32 { q += Int(Int8(bitPattern: act[b * 36 + 4 + j])) }
                tol += abs(m) * abs(s - d * Double(q)) * 1.01
            }
        }
        value = sum
        tolerance = tol
    }
}
