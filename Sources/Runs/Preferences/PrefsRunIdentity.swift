import Assets
import Foundation

/// The id of a preference run: the first 16 hex digits of the SHA-256 of everything that changes its answers
/// (outcome-set hash, model spec, pairs, K, seed, active rounds, temperature, max tokens), as sorted-key JSON.
/// The same command over the same set gives the same id, so re-running it continues the run.
public enum PrefsRunIdentity {
    private struct Fields: Encodable {
        var outcomeSetHash: String
        var model: String
        var pairs: Int
        var samples: Int
        var seed: String
        var activeRounds: Int
        var temperature: Double
        var maxTokens: Int
    }

    /// The run id for a configuration and the set it runs over.
    public static func runID(configuration: PrefsConfiguration, outcomeSetHash: String, outcomeCount: Int) -> String {
        let fields = Fields(
            outcomeSetHash: outcomeSetHash, model: configuration.model.trimmingCharacters(in: .whitespaces),
            pairs: configuration.resolvedPairs(outcomeCount: outcomeCount), samples: configuration.samples,
            seed: "\(configuration.seed)", activeRounds: configuration.active ? configuration.activeRounds : 0,
            temperature: configuration.temperature, maxTokens: configuration.maxTokens)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and finite doubles cannot fail, and the one double (the temperature) is
        // checked finite by PrefsConfiguration.validate before any run stores this id; should a NaN still reach
        // here, the fallback hashes the fields' text instead of an empty document, so ids never collide silently.
        let data = (try? encoder.encode(fields)) ?? Data(String(describing: fields).utf8)
        return String(SHA256.hash(Array(data)).prefix(16))
    }
}
