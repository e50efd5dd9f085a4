import Assets
import Testing
@testable import GGUF

/// The real SmolLM2-135M-Instruct Q4_1 file, fetched by package name through the asset store: the facts of
/// engine.md §5, read by our parser.
@Suite struct SmolLM2FileTests {
    @Test func headerMetadataAndTensors() throws {
        let f = try GGUFFile(path: try AssetStore().primaryFile("smollm2").path)
        #expect(f.version == 3 && f.fileSize == 98_362_432)
        #expect(f.tensors.count == 272 && f.metadata.count == 33)
        #expect(f.alignment == 32 && f.dataOffset == 1_785_664)
        let m = f.metadata
        #expect(try m.string("general.architecture") == "llama")
        #expect(try m.int("general.file_type") == 3)
        #expect(try m.int("llama.block_count") == 30 && m["llama.block_count"]?.type == .uint32)
        #expect(try m.double("llama.rope.freq_base") == 100_000)
        #expect(try m.double("llama.attention.layer_norm_rms_epsilon") == Double(Float(1e-5)))
        #expect(try m.stringArray("tokenizer.ggml.tokens").count == 49152)
        let merges = try m.stringArray("tokenizer.ggml.merges")
        #expect(merges.count == 48900 && Array(merges.prefix(5)) == ["Ġ t", "Ġ a", "i n", "h e", "Ġ Ġ"])
        #expect(try m.string("tokenizer.ggml.pre") == "smollm")
        #expect(try m.optionalBool("tokenizer.ggml.add_bos_token") == false)

        var byType: [GGMLType: Int] = [:]
        for t in f.tensors { byType[t.type, default: 0] += 1 }
        #expect(byType == [.q4_1: 210, .f32: 61, .q8_0: 1])
        let embd = try f.requireTensor("token_embd.weight")
        #expect(embd.type == .q8_0 && embd.dimensions == [576, 49152] && embd.offset == 0 && embd.byteCount == 30_081_024)
        let down = try f.requireTensor("blk.0.ffn_down.weight")
        #expect(down.dimensions == [1536, 576] && down.byteCount == 552_960 && down.rowLength == 1536 && down.rowCount == 576)
        let last = try f.requireTensor("output_norm.weight")
        #expect(f.dataOffset + last.offset + last.byteCount == f.fileSize)
        #expect(f.tensor(named: "output.weight") == nil)  // tied head
    }
}
