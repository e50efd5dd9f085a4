import GGUF

/// The weights of one transformer block.
public struct LayerWeights: Sendable {
    public let attentionNorm: [Float]
    public let query: WeightMatrix
    public let key: WeightMatrix
    public let value: WeightMatrix
    public let output: WeightMatrix
    public let queryBias: [Float]?
    public let keyBias: [Float]?
    public let valueBias: [Float]?
    public let ffnNorm: [Float]
    public let gate: WeightMatrix
    public let up: WeightMatrix
    public let down: WeightMatrix
}

/// All tensors of a Llama-family model, looked up by name and shape-checked against the configuration.
public struct ModelWeights: Sendable {
    public let tokenEmbedding: WeightMatrix
    public let outputNorm: [Float]
    /// The output head; the token embedding itself when the model ties them.
    public let output: WeightMatrix
    public let layers: [LayerWeights]
    /// Per-frequency divisors for RoPE (`rope_freqs.weight`, Llama 3.1), when present.
    public let ropeFrequencyFactors: [Float]?

    public init(file: GGUFFile, config c: ModelConfig) throws(InferenceError) {
        // block_count must be the number of layers the file holds: a lower count silently runs a truncated network,
        // a higher one would fail later on the first missing tensor without saying why.
        let present = file.tensors.compactMap { tensor -> Int? in
            guard tensor.name.hasPrefix("blk.") else { return nil }
            return Int(tensor.name.dropFirst(4).prefix { $0 != "." })
        }.max()
        if let present, present != c.blockCount - 1 {
            let layers = present < Int.max ? "\(present + 1) layers" : "layers"
            throw .invalidModel("\(file.path): \(c.architecture).block_count is \(c.blockCount) but the file has tensors of \(layers) (blk.0 … blk.\(present))")
        }
        let d = c.embeddingLength
        tokenEmbedding = try WeightMatrix(file: file, name: "token_embd.weight", columns: d, rows: c.vocabularySize)
        outputNorm = try vectorTensor(file, "output_norm.weight", length: d)
        if file.tensor(named: "output.weight") != nil {
            output = try WeightMatrix(file: file, name: "output.weight", columns: d, rows: c.vocabularySize)
        } else {
            output = tokenEmbedding
        }
        ropeFrequencyFactors = file.tensor(named: "rope_freqs.weight") != nil
            ? try vectorTensor(file, "rope_freqs.weight", length: c.ropeDimension / 2) : nil
        let qDim = c.headCount * c.headDimension
        let kDim = c.headCountKV * c.headDimension
        let vDim = c.headCountKV * c.valueDimension
        var layers: [LayerWeights] = []
        for i in 0 ..< c.blockCount {
            let p = "blk.\(i)."
            func bias(_ n: String, _ len: Int) throws(InferenceError) -> [Float]? {
                file.tensor(named: p + n) == nil ? nil : try vectorTensor(file, p + n, length: len)
            }
            layers.append(LayerWeights(
                attentionNorm: try vectorTensor(file, p + "attn_norm.weight", length: d),
                query: try WeightMatrix(file: file, name: p + "attn_q.weight", columns: d, rows: qDim),
                key: try WeightMatrix(file: file, name: p + "attn_k.weight", columns: d, rows: kDim),
                value: try WeightMatrix(file: file, name: p + "attn_v.weight", columns: d, rows: vDim),
                output: try WeightMatrix(file: file, name: p + "attn_output.weight", columns: c.headCount * c.valueDimension, rows: d),
                queryBias: try bias("attn_q.bias", qDim),
                keyBias: try bias("attn_k.bias", kDim),
                valueBias: try bias("attn_v.bias", vDim),
                ffnNorm: try vectorTensor(file, p + "ffn_norm.weight", length: d),
                gate: try WeightMatrix(file: file, name: p + "ffn_gate.weight", columns: d, rows: c.feedForwardLength),
                up: try WeightMatrix(file: file, name: p + "ffn_up.weight", columns: d, rows: c.feedForwardLength),
                down: try WeightMatrix(file: file, name: p + "ffn_down.weight", columns: c.feedForwardLength, rows: d)
            ))
        }
        self.layers = layers
    }
}
