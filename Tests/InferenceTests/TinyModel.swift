import CKernels
import Foundation
import GGUF
@testable import Inference

/// A tiny Llama-architecture model with random weights, written as GGUF by the test itself, plus a plain
/// reference forward pass (no cache, no batching, f64 accumulation) to check the engine against.
struct TinyModel {
    var dim = 64
    var hidden = 96
    var layers = 2
    var heads = 4
    var kvHeads = 2
    var ropeBase: Float = 10000
    var eps: Float = 1e-5
    var weightType: GGMLType = .f32
    var seed: UInt64 = 1
    var architecture = "llama"
    var withBias = false

    var headDim: Int { dim / heads }

    /// Byte-level vocabulary: the 256 GPT-2 byte characters, then two control tokens.
    static let byteChars: [String] = {
        let printable: [Int] = Array(0x21 ... 0x7E) + Array(0xA1 ... 0xAC) + Array(0xAE ... 0xFF)
        var map = [Int: Int]()
        for b in printable { map[b] = b }
        var next = 256
        for b in 0 ..< 256 where map[b] == nil {
            map[b] = next
            next += 1
        }
        return (0 ..< 256).map { String(UnicodeScalar(UInt32(map[$0]!))!) }
    }()
    static let tokens: [String] = byteChars + ["<|im_start|>", "<|im_end|>"]
    var vocab: Int { Self.tokens.count }

    struct Weights {
        var embed: [Float] = []
        var outNorm: [Float] = []
        var attnNorm: [[Float]] = [], ffnNorm: [[Float]] = []
        var wq: [[Float]] = [], wk: [[Float]] = [], wv: [[Float]] = [], wo: [[Float]] = []
        var bq: [[Float]] = [], bk: [[Float]] = [], bv: [[Float]] = []
        var gate: [[Float]] = [], up: [[Float]] = [], down: [[Float]] = []
    }

    /// Builds the GGUF bytes and the (dequantised) weights the reference uses.
    func build() -> ([UInt8], Weights) {
        var rng = TestRandom(seed: seed)
        func rand(_ n: Int, scale: Float) -> [Float] { (0 ..< n).map { _ in (rng.nextFloat() * 2 - 1) * scale } }
        var w = GGUFWriter()
        let a = architecture
        w.metadata["general.architecture"] = .string(a)
        w.metadata["general.name"] = .string("tiny")
        w.metadata["\(a).context_length"] = .uint32(256)
        w.metadata["\(a).embedding_length"] = .uint32(UInt32(dim))
        w.metadata["\(a).block_count"] = .uint32(UInt32(layers))
        w.metadata["\(a).feed_forward_length"] = .uint32(UInt32(hidden))
        w.metadata["\(a).attention.head_count"] = .uint32(UInt32(heads))
        w.metadata["\(a).attention.head_count_kv"] = .uint32(UInt32(kvHeads))
        w.metadata["\(a).rope.freq_base"] = .float32(ropeBase)
        w.metadata["\(a).attention.layer_norm_rms_epsilon"] = .float32(eps)
        w.metadata["tokenizer.ggml.model"] = .string("gpt2")
        w.metadata["tokenizer.ggml.pre"] = .string("gpt2")
        w.metadata["tokenizer.ggml.tokens"] = .array(.strings(Self.tokens))
        w.metadata["tokenizer.ggml.token_type"] = .array(.integers(.int32, Array(repeating: 1, count: 256) + [3, 3]))
        w.metadata["tokenizer.ggml.merges"] = .array(.strings([]))
        w.metadata["tokenizer.ggml.bos_token_id"] = .uint32(256)
        w.metadata["tokenizer.ggml.eos_token_id"] = .uint32(257)
        w.metadata["tokenizer.ggml.add_bos_token"] = .bool(false)

        var ref = Weights()
        /// Adds a matrix in `weightType` and returns what the engine will see after dequantisation.
        func matrix(_ name: String, cols: Int, rows: Int, scale: Float) -> [Float] {
            let values = rand(cols * rows, scale: scale)
            let t = weightType
            let rowBytes = t.byteCount(elements: cols)!
            var data = [UInt8](repeating: 0, count: rowBytes * rows)
            var deq = [Float](repeating: 0, count: cols * rows)
            data.withUnsafeMutableBytes { d in
                for r in 0 ..< rows {
                    values.withUnsafeBufferPointer { v in
                        _ = vp_quantize_row(Int32(t.rawValue), v.baseAddress! + r * cols, d.baseAddress! + r * rowBytes, Int64(cols))
                    }
                    deq.withUnsafeMutableBufferPointer { o in
                        vp_dequantize_row(Int32(t.rawValue), d.baseAddress! + r * rowBytes, o.baseAddress! + r * cols, Int64(cols))
                    }
                }
            }
            w.addTensor(name, dimensions: [cols, rows], type: t, data: data)
            return deq
        }
        func vector(_ name: String, _ n: Int, around: Float, spread: Float) -> [Float] {
            let v = rand(n, scale: spread).map { $0 + around }
            w.addTensor(name, dimensions: [n], values: v)
            return v
        }
        ref.embed = matrix("token_embd.weight", cols: dim, rows: vocab, scale: 1)
        ref.outNorm = vector("output_norm.weight", dim, around: 1, spread: 0.2)
        let qd = heads * headDim, kd = kvHeads * headDim
        for l in 0 ..< layers {
            let p = "blk.\(l)."
            ref.attnNorm.append(vector(p + "attn_norm.weight", dim, around: 1, spread: 0.2))
            ref.wq.append(matrix(p + "attn_q.weight", cols: dim, rows: qd, scale: 0.3))
            ref.wk.append(matrix(p + "attn_k.weight", cols: dim, rows: kd, scale: 0.3))
            ref.wv.append(matrix(p + "attn_v.weight", cols: dim, rows: kd, scale: 0.3))
            if withBias {
                ref.bq.append(vector(p + "attn_q.bias", qd, around: 0, spread: 0.1))
                ref.bk.append(vector(p + "attn_k.bias", kd, around: 0, spread: 0.1))
                ref.bv.append(vector(p + "attn_v.bias", kd, around: 0, spread: 0.1))
            }
            ref.wo.append(matrix(p + "attn_output.weight", cols: qd, rows: dim, scale: 0.3))
            ref.ffnNorm.append(vector(p + "ffn_norm.weight", dim, around: 1, spread: 0.2))
            ref.gate.append(matrix(p + "ffn_gate.weight", cols: dim, rows: hidden, scale: 0.3))
            ref.up.append(matrix(p + "ffn_up.weight", cols: dim, rows: hidden, scale: 0.3))
            ref.down.append(matrix(p + "ffn_down.weight", cols: hidden, rows: dim, scale: 0.3))
        }
        return (w.bytes(), ref)
    }

    /// Writes the model to a temporary file and returns its path.
    func write() throws -> (String, Weights) {
        let (bytes, ref) = build()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString).gguf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, ref)
    }

    /// Logits after every position of `tokens`, computed the plain way in Double.
    func referenceLogits(_ tokens: [Int32], _ w: Weights, neox: Bool = false) -> [[Double]] {
        let T = tokens.count, hd = headDim, group = heads / kvHeads
        // Quantised weights multiply 8-bit activations (blocks of 32, d = max|x|/127), as in llama.cpp: round the
        // reference's inputs the same way so that the comparison can be tight.
        let roundsActivations = weightType != .f32
        func matvec(_ m: [Float], _ input: [Double], rows: Int) -> [Double] {
            var x = input.map { Double(Float($0)) }
            if roundsActivations {
                for b in stride(from: 0, to: x.count, by: 32) {
                    let amax = Float(x[b ..< b + 32].map(abs).max()!)
                    let d = amax / 127, id: Float = d == 0 ? 0 : 1 / d
                    let stored = Double(Float(Float16(d)))  // the block keeps d as f16
                    for i in b ..< b + 32 { x[i] = Double((Float(x[i]) * id).rounded()) * stored }
                }
            }
            let cols = x.count
            return (0 ..< rows).map { r in (0 ..< cols).reduce(0.0) { $0 + Double(m[r * cols + $1]) * x[$1] } }
        }
        func rmsnorm(_ x: [Double], _ g: [Float]) -> [Double] {
            let ms = x.reduce(0) { $0 + $1 * $1 } / Double(x.count)
            let s = 1 / (ms + Double(eps)).squareRoot()
            return x.indices.map { x[$0] * s * Double(g[$0]) }
        }
        func rope(_ v: inout [Double], pos: Int, nHeads: Int) {
            for h in 0 ..< nHeads {
                for i in 0 ..< hd / 2 {
                    let theta = Double(pos) * pow(Double(ropeBase), -2 * Double(i) / Double(hd))
                    let (ia, ib) = neox ? (h * hd + i, h * hd + i + hd / 2) : (h * hd + 2 * i, h * hd + 2 * i + 1)
                    let a = v[ia], b = v[ib]
                    v[ia] = a * cos(theta) - b * sin(theta)
                    v[ib] = a * sin(theta) + b * cos(theta)
                }
            }
        }
        var x = tokens.map { t in (0 ..< dim).map { Double(w.embed[Int(t) * dim + $0]) } }
        for l in 0 ..< layers {
            var ks: [[Double]] = [], vs: [[Double]] = [], qs: [[Double]] = []
            for t in 0 ..< T {
                let h = rmsnorm(x[t], w.attnNorm[l])
                var q = matvec(w.wq[l], h, rows: heads * hd)
                var k = matvec(w.wk[l], h, rows: kvHeads * hd)
                var v = matvec(w.wv[l], h, rows: kvHeads * hd)
                if withBias {
                    q = q.indices.map { q[$0] + Double(w.bq[l][$0]) }
                    k = k.indices.map { k[$0] + Double(w.bk[l][$0]) }
                    v = v.indices.map { v[$0] + Double(w.bv[l][$0]) }
                }
                rope(&q, pos: t, nHeads: heads)
                rope(&k, pos: t, nHeads: kvHeads)
                qs.append(q); ks.append(k); vs.append(v)
            }
            for t in 0 ..< T {
                var att = [Double](repeating: 0, count: heads * hd)
                for h in 0 ..< heads {
                    let kvh = h / group
                    var scores = (0 ... t).map { j in
                        (0 ..< hd).reduce(0.0) { $0 + qs[t][h * hd + $1] * ks[j][kvh * hd + $1] } / Double(hd).squareRoot()
                    }
                    let m = scores.max()!
                    scores = scores.map { exp($0 - m) }
                    let s = scores.reduce(0, +)
                    for j in 0 ... t {
                        for i in 0 ..< hd { att[h * hd + i] += scores[j] / s * vs[j][kvh * hd + i] }
                    }
                }
                let o = matvec(w.wo[l], att, rows: dim)
                x[t] = x[t].indices.map { x[t][$0] + o[$0] }
                let h2 = rmsnorm(x[t], w.ffnNorm[l])
                let g = matvec(w.gate[l], h2, rows: hidden)
                let u = matvec(w.up[l], h2, rows: hidden)
                let act = g.indices.map { g[$0] / (1 + exp(-g[$0])) * u[$0] }
                let d = matvec(w.down[l], act, rows: dim)
                x[t] = x[t].indices.map { x[t][$0] + d[$0] }
            }
        }
        return x.map { matvec(w.embed, rmsnorm($0, w.outNorm), rows: vocab) }
    }
}

/// Deterministic randomness for fixtures (SplitMix64).
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
