import CKernels
import Testing

@Suite("Dequantisation")
struct DequantizeTests {
    @Test("vp_dequantize_row equals the Swift reference bit for bit", arguments: GGMLType.allCases)
    func matchesReference(type: GGMLType) {
        for (k, n) in type.testLengths.enumerated() {
            let bytes = RandomRows.make(type, n: n, seed: 0xDE00 + UInt64(type.rawValue) * 16 + UInt64(k))
            let expected = ReferenceDequantizer.row(type, bytes, n: n)
            let got = KernelCalls.dequantize(type, bytes, n: n)
            let mismatches = (0 ..< n).filter { got[$0].bitPattern != expected[$0].bitPattern }
            #expect(mismatches.isEmpty, "\(type) n=\(n): first mismatch at \(mismatches.first ?? -1)")
        }
    }

    @Test("Dequantising one row of a matrix reads only that row", arguments: [GGMLType.q4_1, .q8_0, .q6_K])
    func rowOffset(type: GGMLType) {
        let n = type.geometry.elements * 3, rowBytes = type.rowBytes(n)
        let bytes = RandomRows.make(type, n: n, rows: 3, seed: 77)
        let second = Array(bytes[rowBytes ..< 2 * rowBytes])
        #expect(KernelCalls.dequantize(type, bytes, n: n, offset: rowBytes) == ReferenceDequantizer.row(type, second, n: n))
    }
}
