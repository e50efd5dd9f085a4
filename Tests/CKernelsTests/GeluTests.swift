import CKernels
import Foundation
import Testing

/// vp_gelu_f32 against 0.5·x·(1 + erf(x/√2)) in Double, on every path, across the range where GELU bends and
/// where it saturates (large negative inputs give 0, large positive give x), for lengths off the 8-lane grid.
@Suite("GELU")
struct GeluTests {
    @Test("vp_gelu_f32 equals the exact-erf GELU")
    func matchesErfReference() {
        var inputs = RandomRows.floats(1003, amplitude: 6, seed: 21)
        inputs += [0, -0.0, 1e-30, -1e-30, 20, -20, 100, -100, 0.5, -0.5, 3, -3]
        for path in KernelPath.available {
            var y = inputs
            path.run { vp_gelu_f32(&y, Int64(y.count)) }
            for (x, got) in zip(inputs, y) {
                let xd = Double(x)
                let reference = 0.5 * xd * (1 + erf(xd / 2.0.squareRoot()))
                #expect(abs(Double(got) - reference) <= 4e-7 * max(1, abs(xd)), "x=\(x) \(path): \(got) vs \(reference)")
            }
        }
    }

    @Test("an element's result does not depend on its position or the length")
    func elementwise() {
        let x = RandomRows.floats(37, amplitude: 4, seed: 22)
        for path in KernelPath.available {
            var whole = x
            path.run { vp_gelu_f32(&whole, Int64(whole.count)) }
            for i in [0, 5, 8, 36] {
                var one = [x[i]]
                path.run { vp_gelu_f32(&one, 1) }
                #expect(one[0] == whole[i], "element \(i) \(path)")
            }
        }
    }
}
