import Foundation
import GGUF
import Testing
@testable import Inference

/// Files that are valid GGUF but not runnable models give one-line errors naming the file and the problem.
@Suite struct ModelLoadingTests {
    private func load(_ edit: (inout GGUFWriter) -> Void) -> String? {
        var (bytes, _) = TinyModel().build()
        guard let file = try? GGUFFile(bytes: bytes) else { return "fixture did not parse" }
        var w = GGUFWriter()
        for k in file.metadata.keys { w.metadata[k] = file.metadata[k] }
        for t in file.tensors { w.addTensor(t.name, dimensions: t.dimensions, type: t.type, data: Array(file.data(for: t))) }
        edit(&w)
        bytes = w.bytes()
        do {
            _ = try LanguageModel(file: try GGUFFile(bytes: bytes, name: "m.gguf"))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theFixtureLoads() {
        #expect(load { _ in } == nil)
    }

    @Test func unsupportedArchitecture() {
        let e = load { $0.metadata["general.architecture"] = .string("mamba") }
        #expect(e == "m.gguf: architecture 'mamba' is not supported (supported: llama, qwen2)")
    }

    @Test func missingHyperParameter() {
        let e = load { $0.metadata["llama.block_count"] = nil }
        #expect(e == "m.gguf: metadata key 'llama.block_count' is missing")
    }

    @Test(arguments: [0, -1, Float.nan, Float.infinity, -Float.infinity])
    func unusableRopeBase(_ base: Float) {
        let e = load { $0.metadata["llama.rope.freq_base"] = .float32(base) }
        #expect(e == "m.gguf: llama.rope.freq_base must be a positive finite number, found \(base)")
    }

    @Test(arguments: [-1, 0, Float.nan, Float.infinity, -Float.infinity, 2])
    func unusableNormEpsilon(_ epsilon: Float) {
        let e = load { $0.metadata["llama.attention.layer_norm_rms_epsilon"] = .float32(epsilon) }
        #expect(e?.hasPrefix("m.gguf: llama.attention.layer_norm_rms_epsilon must be") == true, "\(e ?? "loaded")")
    }

    @Test func blockCountBelowTheLayersPresent() {
        let e = load { $0.metadata["llama.block_count"] = .uint32(1) }
        #expect(e == "m.gguf: llama.block_count is 1 but the file has tensors of 2 layers (blk.0 … blk.1)")
    }

    @Test func blockCountAboveTheLayersPresent() {
        // Said up front, naming the key, not as the first missing tensor of a layer that never existed.
        let e = load { $0.metadata["llama.block_count"] = .uint32(3) }
        #expect(e == "m.gguf: llama.block_count is 3 but the file has tensors of 2 layers (blk.0 … blk.1)")
    }

    @Test func layerNumberAtIntMaxDoesNotTrap() {
        let e = load { $0.addTensor("blk.9223372036854775807.attn_norm.weight", dimensions: [64], type: .f32,
                                    data: [UInt8](repeating: 0, count: 256)) }
        #expect(e == "m.gguf: llama.block_count is 2 but the file has tensors of layers (blk.0 … blk.9223372036854775807)")
    }

    @Test func headCountThatDoesNotDivideTheWidth() {
        // 64 wide, 5 heads and no key_length: 12.8 dimensions per head would have been truncated to 12.
        let e = load {
            $0.metadata["llama.attention.head_count"] = .uint32(5)
            $0.metadata["llama.attention.head_count_kv"] = .uint32(5)
        }
        #expect(e == "m.gguf: llama.embedding_length 64 is not a multiple of llama.attention.head_count 5 (and llama.attention.key_length is absent)")
    }

    @Test func keyValueHeadsThatDoNotDivideTheHeads() {
        let e = load { $0.metadata["llama.attention.head_count_kv"] = .uint32(3) }
        #expect(e == "m.gguf: llama.attention.head_count 4 is not a multiple of llama.attention.head_count_kv 3")
    }

    @Test(arguments: [("llama.attention.head_count", GGUFValue.uint32(0)), ("llama.attention.head_count_kv", .int32(-2))])
    func nonPositiveHeadCounts(_ key: String, _ value: GGUFValue) {
        let e = load { $0.metadata[key] = value }
        #expect(e == "m.gguf: \(key) must be positive, found \(value.intValue ?? 0)")
    }

    @Test(arguments: [GGUFValue.uint32(0), .int32(-1), .int64(Int64.min)])
    func nonPositiveContextLength(_ value: GGUFValue) {
        let e = load { $0.metadata["llama.context_length"] = value }
        #expect(e == "m.gguf: llama.context_length must be positive, found \(value.intValue ?? 0)")
    }

    @Test func sizesTooLargeForAnyModel() {
        // Products of such sizes would overflow an Int (a trap) before any tensor shape is compared.
        let width = load { $0.metadata["llama.embedding_length"] = .uint64(1 << 40) }
        #expect(width == "m.gguf: llama.embedding_length is 1099511627776, more than any model this engine can hold (at most 16777216)")
        let heads = load {
            $0.metadata["llama.attention.head_count"] = .uint32(1 << 20)
            $0.metadata["llama.attention.head_count_kv"] = .uint32(1 << 20)
            $0.metadata["llama.attention.key_length"] = .uint32(1 << 20)
        }
        #expect(heads?.contains("llama.attention.head_count 1048576 × llama.attention.key_length 1048576") == true, "\(heads ?? "loaded")")
        // A huge declared context is fine: the engine only ever uses min(context_length, 4096) positions.
        #expect(load { $0.metadata["llama.context_length"] = .uint64(1 << 40) } == nil)
    }

    @Test func oddRopeDimension() {
        let e = load { $0.metadata["llama.rope.dimension_count"] = .uint32(7) }
        #expect(e == "m.gguf: llama.rope.dimension_count 7 must be even and at most the head size 16")
    }

    @Test func missingTensor() {
        var w = GGUFWriter()
        let (bytes, _) = TinyModel().build()
        let file = try! GGUFFile(bytes: bytes)
        for k in file.metadata.keys { w.metadata[k] = file.metadata[k] }
        for t in file.tensors where t.name != "blk.1.ffn_up.weight" {
            w.addTensor(t.name, dimensions: t.dimensions, type: t.type, data: Array(file.data(for: t)))
        }
        #expect(throws: InferenceError.invalidModel("m.gguf: tensor 'blk.1.ffn_up.weight' is missing")) {
            try LanguageModel(file: try GGUFFile(bytes: w.bytes(), name: "m.gguf"))
        }
    }

    @Test func unsupportedTensorType() throws {
        let (bytes, _) = TinyModel().build()
        let file = try GGUFFile(bytes: bytes)
        var w = GGUFWriter()
        for k in file.metadata.keys { w.metadata[k] = file.metadata[k] }
        for t in file.tensors {
            if t.name == "blk.0.attn_q.weight" {
                // IQ4_NL: a valid ggml type (blocks of 32, 18 bytes) that this engine does not run.
                w.addTensor(t.name, dimensions: t.dimensions, type: GGMLType(rawValue: 20), data: [UInt8](repeating: 0, count: 36 * 64))
            } else {
                w.addTensor(t.name, dimensions: t.dimensions, type: t.type, data: Array(file.data(for: t)))
            }
        }
        let e = #expect(throws: InferenceError.self) { try LanguageModel(file: try GGUFFile(bytes: w.bytes(), name: "m.gguf")) }
        #expect(e?.description.hasPrefix("m.gguf: tensor 'blk.0.attn_q.weight' has type IQ4_NL, which this engine does not run") == true)
    }
}
