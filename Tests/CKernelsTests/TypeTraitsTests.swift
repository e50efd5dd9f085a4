import CKernels
import Testing

@Suite("Type traits")
struct TypeTraitsTests {
    @Test("Header enum values are ggml's type ids")
    func headerIds() {
        #expect(VP_F32.rawValue == 0 && VP_F16.rawValue == 1 && VP_Q4_0.rawValue == 2 && VP_Q4_1.rawValue == 3)
        #expect(VP_Q5_0.rawValue == 6 && VP_Q5_1.rawValue == 7 && VP_Q8_0.rawValue == 8 && VP_Q8_1.rawValue == 9)
        #expect(VP_Q4_K.rawValue == 12 && VP_Q5_K.rawValue == 13 && VP_Q6_K.rawValue == 14 && VP_Q8_K.rawValue == 15)
        #expect(VP_BF16.rawValue == 30)
    }

    @Test("Block geometry matches the published table", arguments: GGMLType.allCases)
    func geometry(type: GGMLType) {
        #expect(vp_block_elements(type.rawValue) == Int64(type.geometry.elements))
        #expect(vp_block_bytes(type.rawValue) == Int64(type.geometry.bytes))
        let n = 4 * type.geometry.elements
        #expect(vp_row_bytes(type.rawValue, Int64(n)) == 4 * type.geometry.bytes)
    }

    @Test("Activation formats and supported weight types")
    func dotTypes() {
        for type in GGMLType.weightTypes {
            #expect(vp_is_supported(type.rawValue) == 1, "\(type)")
            #expect(vp_vec_dot_type(type.rawValue) == type.activationType.rawValue, "\(type)")
        }
        for type: GGMLType in [.q8_1, .q8_K] { #expect(vp_is_supported(type.rawValue) == 0, "\(type)") }
    }

    @Test("Unknown and unsupported ids report zero sizes", arguments: [-1, 4, 5, 10, 11, 16, 29, 31, 1000] as [Int32])
    func unsupported(id: Int32) {
        #expect(vp_block_elements(id) == 0)
        #expect(vp_block_bytes(id) == 0)
        #expect(vp_row_bytes(id, 256) == 0)
        #expect(vp_is_supported(id) == 0)
        #expect(vp_vec_dot_type(id) == -1)
        var out: Float = 0
        let w = [UInt8](repeating: 1, count: 64)
        #expect(w.withUnsafeBytes { vp_vec_dot(id, 32, $0.baseAddress!, $0.baseAddress!) } == 0)
        let src: [Float] = [1]
        #expect(vp_quantize_row(id, src, &out, 1) == -1)
    }

    @Test("vp_cpu_has_avx2 follows the per-thread and process-wide scalar overrides")
    func overrides() {
        let supported = vp_cpu_supports_avx2()
        KernelPath.scalar.run { #expect(vp_cpu_has_avx2() == 0) }
        KernelPath.simd.run { #expect(vp_cpu_has_avx2() == supported) }
        // The process-wide switch is flipped only for an instant: other tests stay correct either way.
        vp_force_scalar(1)
        let forced = vp_cpu_has_avx2()
        vp_force_scalar(0)
        #expect(forced == 0)
        #expect(vp_cpu_has_avx2() == supported)
    }
}
