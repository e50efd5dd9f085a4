/// How the next token is chosen. Defaults are llama.cpp's.
///
/// The processors run in this fixed order (llama.cpp's): repetition/frequency/presence penalties → top-k →
/// top-p → min-p → temperature → draw. Top-p and min-p therefore see the untempered distribution.
/// A temperature of 0 or less means greedy decoding (argmax; ties go to the lowest id), and the seed is unused.
public struct SamplingParameters: Codable, Sendable, Equatable {
    public var temperature: Float = 0.8
    /// Keep the k most likely tokens; 0 disables.
    public var topK: Int = 40
    /// Keep the smallest set of most likely tokens whose probability reaches p; 1 disables.
    public var topP: Float = 0.95
    /// Keep tokens at least `minP` times as likely as the most likely one; 0 disables.
    public var minP: Float = 0.05
    /// Divide positive logits (multiply negative ones) of tokens seen in the last `repeatLastN`; 1 disables.
    public var repeatPenalty: Float = 1.0
    public var repeatLastN: Int = 64
    public var frequencyPenalty: Float = 0
    public var presencePenalty: Float = 0
    /// Seed of the sampler's random generator; nil draws one from the system (record `Sampler.seed` then).
    public var seed: UInt64?

    public init(temperature: Float = 0.8, topK: Int = 40, topP: Float = 0.95, minP: Float = 0.05,
                repeatPenalty: Float = 1.0, repeatLastN: Int = 64, frequencyPenalty: Float = 0,
                presencePenalty: Float = 0, seed: UInt64? = nil) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.minP = minP
        self.repeatPenalty = repeatPenalty
        self.repeatLastN = repeatLastN
        self.frequencyPenalty = frequencyPenalty
        self.presencePenalty = presencePenalty
        self.seed = seed
    }

    /// Greedy decoding.
    public static let greedy = SamplingParameters(temperature: 0, topK: 0, topP: 1, minP: 0)

    /// Checks ranges; the error names the parameter and its allowed range.
    public func validate() throws(InferenceError) {
        func bad(_ what: String) -> InferenceError { .invalidRequest(what) }
        guard temperature.isFinite, temperature >= 0 else { throw bad("temperature must be ≥ 0, got \(temperature)") }
        guard topK >= 0 else { throw bad("top-k must be ≥ 0, got \(topK)") }
        guard topP > 0, topP <= 1 else { throw bad("top-p must be in (0, 1], got \(topP)") }
        guard minP >= 0, minP <= 1 else { throw bad("min-p must be in [0, 1], got \(minP)") }
        guard repeatPenalty.isFinite, repeatPenalty > 0 else { throw bad("repeat penalty must be > 0, got \(repeatPenalty)") }
        guard repeatLastN >= 0 else { throw bad("repeat-last-n must be ≥ 0, got \(repeatLastN)") }
        guard frequencyPenalty.isFinite, presencePenalty.isFinite else { throw bad("frequency and presence penalties must be finite") }
    }
}
