import CKernels
import Foundation
import Testing

/// The f32 helpers against naive Swift loops (in Double where rounding order matters), on every path and for
/// lengths around the 8-lane and 32-lane boundaries.
@Suite("f32 vector helpers")
struct VectorOpsTests {
    static let lengths = [0, 1, 7, 8, 9, 33, 576]

    @Test("vp_dot_f32")
    func dot() {
        for n in Self.lengths {
            let a = RandomRows.floats(n, seed: 1), b = RandomRows.floats(n, seed: 2)
            var reference = 0.0, magnitude = 0.0
            for i in 0 ..< n {
                reference += Double(a[i]) * Double(b[i])
                magnitude += abs(Double(a[i]) * Double(b[i]))
            }
            for path in KernelPath.available {
                let got = path.run { vp_dot_f32(a, b, Int64(n)) }
                #expect(abs(Double(got) - reference) <= 1e-6 * magnitude + 1e-7, "n=\(n) \(path)")
            }
        }
    }

    @Test("vp_axpy_f32, vp_scale_f32 and vp_add_f32 (in place too)")
    func elementwise() {
        for n in Self.lengths {
            let x = RandomRows.floats(n, seed: 3), y0 = RandomRows.floats(n, seed: 4)
            for path in KernelPath.available {
                path.run {
                    var y = y0
                    vp_axpy_f32(0.75, x, &y, Int64(n))
                    for i in 0 ..< n { #expect(abs(y[i] - (y0[i] + 0.75 * x[i])) <= 2e-7 * (abs(y0[i]) + abs(x[i])), "axpy \(path)") }
                    var s = x
                    vp_scale_f32(&s, -1.5, Int64(n))
                    #expect(s == x.map { $0 * -1.5 }, "scale n=\(n) \(path)")
                    var sum = [Float](repeating: 0, count: n)
                    vp_add_f32(x, y0, &sum, Int64(n))
                    #expect(sum == (0 ..< n).map { x[$0] + y0[$0] }, "add n=\(n) \(path)")
                    var inPlace = x
                    inPlace.withUnsafeMutableBufferPointer { p in
                        if let base = p.baseAddress { vp_add_f32(base, y0, base, Int64(n)) }
                    }
                    #expect(inPlace == sum, "in-place add n=\(n) \(path)")
                }
            }
        }
    }

    @Test("vp_rmsnorm_f32")
    func rmsnorm() {
        for n in Self.lengths where n > 0 {
            let x = RandomRows.floats(n, amplitude: 4, seed: 5), w = RandomRows.floats(n, seed: 6)
            let eps: Float = 1e-5
            let mean = x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
            let scale = 1 / (mean + Double(eps)).squareRoot()
            for path in KernelPath.available {
                var out = [Float](repeating: 0, count: n)
                path.run { vp_rmsnorm_f32(x, w, &out, Int64(n), eps) }
                for i in 0 ..< n {
                    let reference = Double(x[i]) * scale * Double(w[i])
                    #expect(abs(Double(out[i]) - reference) <= 2e-6 * abs(reference) + 1e-7, "n=\(n) i=\(i) \(path)")
                }
            }
        }
    }

    @Test("vp_silu_mul_f32, including large magnitudes and in place")
    func siluMul() {
        for n in Self.lengths {
            var gate = RandomRows.floats(n, amplitude: 8, seed: 7)
            if n > 8 { gate[3] = 95; gate[4] = -95; gate[5] = 0 }
            let up = RandomRows.floats(n, amplitude: 2, seed: 8)
            for path in KernelPath.available {
                var out = gate
                out.withUnsafeMutableBufferPointer { p in
                    if let base = p.baseAddress { path.run { vp_silu_mul_f32(base, up, base, Int64(n)) } }
                }
                for i in 0 ..< n {
                    let g = Double(gate[i])
                    let reference = g / (1 + Foundation.exp(-g)) * Double(up[i])
                    #expect(abs(Double(out[i]) - reference) <= 1e-6 * abs(reference) + 1e-30, "n=\(n) i=\(i) g=\(g) \(path)")
                }
            }
        }
    }

    @Test("vp_silu_mul_f32 over a batch of rows equals each row alone, bit for bit")
    func siluMulBatchInvariant() {
        let width = 13, rows = 5  // widths and a total that are not multiples of 8: tails in both calls
        let gate = RandomRows.floats(width * rows, amplitude: 6, seed: 17)
        let up = RandomRows.floats(width * rows, amplitude: 2, seed: 18)
        for path in KernelPath.available {
            var batch = [Float](repeating: 0, count: width * rows)
            path.run { vp_silu_mul_f32(gate, up, &batch, Int64(width * rows)) }
            var differing = 0
            for r in 0 ..< rows {
                let g = Array(gate[r * width ..< (r + 1) * width]), u = Array(up[r * width ..< (r + 1) * width])
                var alone = [Float](repeating: 0, count: width)
                path.run { vp_silu_mul_f32(g, u, &alone, Int64(width)) }
                for i in 0 ..< width where alone[i].bitPattern != batch[r * width + i].bitPattern { differing += 1 }
            }
            #expect(differing == 0, "\(path): \(differing) elements depend on their position in the batch")
        }
    }

    @Test("vp_softmax_f32: probabilities, the returned max, stability and -inf entries")
    func softmax() {
        for n in Self.lengths where n > 0 {
            var x = RandomRows.floats(n, amplitude: 30, seed: 9)
            if n > 8 { x[2] = 500; x[6] = -.infinity }
            let max = x.max()!
            let exps = x.map { Foundation.exp(Double($0) - Double(max)) }
            let total = exps.reduce(0, +)
            for path in KernelPath.available {
                var p = x
                let returned = path.run { vp_softmax_f32(&p, Int64(n)) }
                #expect(returned == max, "n=\(n) \(path)")
                for i in 0 ..< n {
                    #expect(abs(Double(p[i]) - exps[i] / total) <= 1e-6 * exps[i] / total + 1e-9, "n=\(n) i=\(i) \(path)")
                }
                #expect(abs(p.reduce(0.0) { $0 + Double($1) } - 1) <= 1e-5)
            }
        }
        var empty: [Float] = []
        #expect(vp_softmax_f32(&empty, 0) == -.infinity)
        for path in KernelPath.available {
            var masked = [Float](repeating: -.infinity, count: 12)
            let returned = path.run { vp_softmax_f32(&masked, 12) }
            #expect(returned == -.infinity && masked.allSatisfy { $0 == Float(1) / 12 }, "all masked, \(path)")
        }
    }
}
