import CKernels

/// ggml type ids as the tests see them, with the published block geometry (engine reference, section 2).
enum GGMLType: Int32, CaseIterable, CustomStringConvertible, Sendable {
    case f32 = 0, f16 = 1, q4_0 = 2, q4_1 = 3, q5_0 = 6, q5_1 = 7, q8_0 = 8, q8_1 = 9
    case q4_K = 12, q5_K = 13, q6_K = 14, q8_K = 15, bf16 = 30

    var description: String {
        switch self {
        case .f32: "F32"
        case .f16: "F16"
        case .q4_0: "Q4_0"
        case .q4_1: "Q4_1"
        case .q5_0: "Q5_0"
        case .q5_1: "Q5_1"
        case .q8_0: "Q8_0"
        case .q8_1: "Q8_1"
        case .q4_K: "Q4_K"
        case .q5_K: "Q5_K"
        case .q6_K: "Q6_K"
        case .q8_K: "Q8_K"
        case .bf16: "BF16"
        }
    }

    /// Elements per block and bytes per block from the reference table.
    var geometry: (elements: Int, bytes: Int) {
        switch self {
        case .f32: (1, 4)
        case .f16, .bf16: (1, 2)
        case .q4_0: (32, 18)
        case .q4_1: (32, 20)
        case .q5_0: (32, 22)
        case .q5_1: (32, 24)
        case .q8_0: (32, 34)
        case .q8_1: (32, 36)
        case .q4_K: (256, 144)
        case .q5_K: (256, 176)
        case .q6_K: (256, 210)
        case .q8_K: (256, 292)
        }
    }

    /// Weight types usable in vp_vec_dot / vp_matmul.
    static let weightTypes: [GGMLType] = [.f32, .f16, .bf16, .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K]

    /// Activation format paired with weights of this type (engine reference, "Integer dot products").
    var activationType: GGMLType {
        switch self {
        case .q4_0, .q5_0, .q8_0: .q8_0
        case .q4_1, .q5_1: .q8_1
        case .q4_K, .q5_K, .q6_K: .q8_K
        default: .f32
        }
    }

    /// Row lengths used for this type in the tests: an odd number of blocks and a realistic width.
    var testLengths: [Int] { geometry.elements == 256 ? [256, 768] : [160, 576] }

    func rowBytes(_ n: Int) -> Int { n / geometry.elements * geometry.bytes }
}

/// Which kernel family a test exercises.
enum KernelPath: CustomStringConvertible, Sendable {
    case simd, scalar

    var description: String { self == .simd ? "AVX2" : "scalar" }

    /// The paths this machine can run: scalar always, AVX2 when the CPU has it.
    static var available: [KernelPath] { vp_cpu_supports_avx2() != 0 ? [.simd, .scalar] : [.scalar] }

    /// Runs `body` with this path forced on the calling thread (tests are synchronous, so they stay on it).
    func run<T>(_ body: () throws -> T) rethrows -> T {
        vp_force_scalar_thread(self == .scalar ? 1 : 0)
        defer { vp_force_scalar_thread(0) }
        return try body()
    }
}
