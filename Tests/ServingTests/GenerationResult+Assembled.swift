import Foundation
import Inference

extension GenerationResult {
    /// A result assembled outside the Inference module, whose memberwise initialiser is internal: built through
    /// the type's own Codable form, so every field is set exactly as given.
    static func assembled(promptTokens: [Int32], tokens: [Int32], text: String, finishReason: FinishReason,
                          tokenLogProbabilities: [Float], topLogits: [[TokenScore]], seed: UInt64,
                          promptMilliseconds: Double, generationMilliseconds: Double,
                          reusedPromptTokens: Int) throws -> GenerationResult {
        let fields = Fields(promptTokens: promptTokens, tokens: tokens, text: text, finishReason: finishReason,
                            tokenLogProbabilities: tokenLogProbabilities, topLogits: topLogits, seed: seed,
                            promptMilliseconds: promptMilliseconds, generationMilliseconds: generationMilliseconds,
                            reusedPromptTokens: reusedPromptTokens)
        return try JSONDecoder().decode(GenerationResult.self, from: JSONEncoder().encode(fields))
    }

    private struct Fields: Encodable {
        var promptTokens: [Int32]
        var tokens: [Int32]
        var text: String
        var finishReason: FinishReason
        var tokenLogProbabilities: [Float]
        var topLogits: [[TokenScore]]
        var seed: UInt64
        var promptMilliseconds: Double
        var generationMilliseconds: Double
        var reusedPromptTokens: Int
    }
}
