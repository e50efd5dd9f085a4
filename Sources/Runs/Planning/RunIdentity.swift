import Assets
import Foundation
import Models
import Probes

/// How a run is named: the first 16 hexadecimal digits of the SHA-256 of a canonical JSON object holding every
/// setting that changes results — models, samples, temperature, top-p, max tokens, seed, judge, whether
/// paraphrases are sampled, how many scenarios per value — and the suite's content hash (``SuiteHash``).
///
/// Re-running the same command therefore continues the same run, and changing anything that affects results
/// starts a new one. `concurrency` is left out (it changes speed, not results), and so is the text that
/// located the suite: the same suite content reached by another path is the same run. Only the primary judge is
/// hashed: further judges (``RunConfiguration/additionalJudges``) judge the same responses without changing them
/// or the primary verdicts, so a run with one judge keeps its id, and adding a judge continues it.
public enum RunIdentity {
    /// The fields hashed, with numbers written as text so the JSON is the same on every platform.
    private struct Fields: Encodable {
        var models: [String]
        var samples: Int
        var temperature: String
        var topP: String?
        var maxTokens: Int
        var seed: String
        var judge: String
        var includeParaphrases: Bool
        /// Left out when every scenario is run, so that older run ids stay the same.
        var scenariosPerValue: Int?
        var suiteHash: String
    }

    /// The canonical JSON text the run id hashes (keys sorted, no whitespace). Pass a configuration resolved
    /// against its suite (``RunConfiguration/resolved(for:)``); unresolved fields count as the standard defaults.
    public static func canonicalJSON(configuration: RunConfiguration, suiteHash: String) -> String {
        let fields = Fields(
            models: configuration.models.map { (try? ModelSpec(parsing: $0))?.description ?? $0 },
            samples: configuration.effectiveSamples,
            temperature: "\(configuration.effectiveTemperature)",
            topP: configuration.topP.map { "\($0)" },
            maxTokens: configuration.effectiveMaxTokens,
            seed: "\(configuration.seed)",
            judge: configuration.judge.trimmingCharacters(in: .whitespaces),
            includeParaphrases: configuration.includeParaphrases,
            scenariosPerValue: configuration.scenariosPerValue,
            suiteHash: suiteHash)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and booleans cannot fail.
        let data = (try? encoder.encode(fields)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The run id for a configuration and a suite hash (16 lowercase hexadecimal digits).
    public static func runID(configuration: RunConfiguration, suiteHash: String) -> String {
        String(SHA256.hash(Array(canonicalJSON(configuration: configuration, suiteHash: suiteHash).utf8)).prefix(16))
    }

    /// The run id for a configuration and the suite it runs (the configuration is resolved against the suite).
    public static func runID(configuration: RunConfiguration, suite: ProbeSuite) -> String {
        runID(configuration: configuration.resolved(for: suite), suiteHash: SuiteHash.hash(of: suite))
    }
}
