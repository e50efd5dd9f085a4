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
