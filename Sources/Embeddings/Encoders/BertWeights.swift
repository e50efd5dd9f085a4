/// The f32 weights of one BERT layer; the linear maps are packed for the GEMM kernel.
struct BertLayerWeights: Sendable {
    /// Query, key and value stacked: outputs `0..<H` are the query's, then the key's, then the value's.
    let qkv: PackedLinear
    let attentionOutput: PackedLinear
    let attentionNormWeight: [Float]
    let attentionNormBias: [Float]
    let intermediate: PackedLinear
    let output: PackedLinear
    let outputNormWeight: [Float]
    let outputNormBias: [Float]
}

/// All weights of a BERT encoder, read from safetensors and shape-checked against the configuration.
struct BertWeights: Sendable {
    let wordEmbeddings: [Float]
    let positionEmbeddings: [Float]
    /// Row 0 of the token-type embeddings (single-segment input).
    let tokenTypeEmbedding: [Float]
    let embeddingNormWeight: [Float]
    let embeddingNormBias: [Float]
    let layers: [BertLayerWeights]

    init(file: SafetensorsFile, config c: BertConfiguration) throws(SafetensorsError) {
        // Some exports prefix every name with "bert.".
        let prefix = file.tensor(named: "embeddings.word_embeddings.weight") == nil
            && file.tensor(named: "bert.embeddings.word_embeddings.weight") != nil ? "bert." : ""
        func load(_ name: String, _ shape: [Int]) throws(SafetensorsError) -> [Float] {
            try file.floats(prefix + name, shape: shape)
        }
        let h = c.hiddenSize, inter = c.intermediateSize
        wordEmbeddings = try load("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try load("embeddings.position_embeddings.weight", [c.maxPositionEmbeddings, h])
        tokenTypeEmbedding = Array(try load("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, h]).prefix(h))
        embeddingNormWeight = try load("embeddings.LayerNorm.weight", [h])
        embeddingNormBias = try load("embeddings.LayerNorm.bias", [h])
        var layers: [BertLayerWeights] = []
        for l in 0 ..< c.layerCount {
            let p = "encoder.layer.\(l)."
            let qkvWeight = try load(p + "attention.self.query.weight", [h, h])
                + load(p + "attention.self.key.weight", [h, h])
                + load(p + "attention.self.value.weight", [h, h])
            let qkvBias = try load(p + "attention.self.query.bias", [h])
                + load(p + "attention.self.key.bias", [h])
                + load(p + "attention.self.value.bias", [h])
            layers.append(BertLayerWeights(
                qkv: PackedLinear(weight: qkvWeight, bias: qkvBias, outputs: 3 * h, inputs: h),
                attentionOutput: PackedLinear(weight: try load(p + "attention.output.dense.weight", [h, h]),
                                              bias: try load(p + "attention.output.dense.bias", [h]), outputs: h, inputs: h),
                attentionNormWeight: try load(p + "attention.output.LayerNorm.weight", [h]),
                attentionNormBias: try load(p + "attention.output.LayerNorm.bias", [h]),
                intermediate: PackedLinear(weight: try load(p + "intermediate.dense.weight", [inter, h]),
                                           bias: try load(p + "intermediate.dense.bias", [inter]), outputs: inter, inputs: h),
                output: PackedLinear(weight: try load(p + "output.dense.weight", [h, inter]),
                                     bias: try load(p + "output.dense.bias", [h]), outputs: h, inputs: inter),
                outputNormWeight: try load(p + "output.LayerNorm.weight", [h]),
                outputNormBias: try load(p + "output.LayerNorm.bias", [h])))
        }
        self.layers = layers
    }
}
