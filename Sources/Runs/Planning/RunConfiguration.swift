import Foundation
import Models
import Probes

/// What a run asks: which suite, which models, how many samples of each prompt, and how they are sampled and
/// judged. Optional sampling fields fall back to the suite's `defaults` (see ``resolved(for:)``).
public struct RunConfiguration: Codable, Sendable, Equatable, Hashable {
    /// A built-in suite name (`khamassi2024`, `values-core`) or a suite file path.
    public var suite: String
    /// Model spec strings (`local:smollm2`, `openai:gpt-4o-mini`, …), in the order they are run.
    public var models: [String]
    /// Samples per prompt variant; nil = the suite's default.
    public var samples: Int?
    /// Sampling temperature; nil = the suite's default.
    public var temperature: Double?
    /// Nucleus sampling threshold; nil = the backend's default.
    public var topP: Double?
    /// Most tokens per response; nil = the suite's default.
    public var maxTokens: Int?
    /// The run seed every sample's seed is derived from.
    public var seed: UInt64
    /// The primary judge spec (`rubric`, `llm:openai:gpt-4o-mini`, …): its verdicts feed the headline metrics.
    public var judge: String
    /// Further judges that judge the same responses (`--judge` given more than once), in order. Their verdicts are
    /// stored beside the primary judge's and compared with them (``JudgePanel``); they do not change the responses
    /// or the primary verdicts, so they are not part of the run id: adding a judge to a finished run continues it
    /// and judges its stored responses.
    public var additionalJudges: [String]
    /// Most requests in flight per model (also bounded by each model's own limit). Does not change results,
    /// so it is not part of the run id.
    public var concurrency: Int
    /// Whether paraphrases are sampled too (otherwise only each item's main prompt). The quick plan of a suite
    /// may turn them off (``scope``).
    public var includeParaphrases: Bool
    /// Only the first N scenarios of each value are asked (items outside scenarios always are); nil = the
    /// suite's quick plan under ``RunScope/quick``, else every scenario.
    public var scenariosPerValue: Int?
    /// Whether unset settings come from the suite's quick plan or its full plan.
    public var scope: RunScope
    /// Sequences the embedded engine generates together in its continuous batch (nil = ``defaultParallel``).
    /// The engine is batch invariant, so this changes speed, not results, and is not part of the run id.
    public var parallel: Int?

    /// The default number of requests in flight per remote model.
    public static let defaultConcurrency = 4

    /// The default size of the embedded engine's batch: 16 sequences on up to 4 cores (where 16 sequences
    /// already keep every core busy), 4 per core beyond, at most 64.
    public static var defaultParallel: Int { min(64, max(16, 4 * ProcessInfo.processInfo.activeProcessorCount)) }

    /// The embedded engine's batch size after defaults.
    public var effectiveParallel: Int { parallel ?? Self.defaultParallel }

    /// Every judge spec, the primary judge first.
    public var judges: [String] { [judge] + additionalJudges }

    /// Whether some model, or an LLM judge, is the embedded engine (a `local:` spec).
    public var usesEmbeddedModel: Bool {
        let judgeModel = judges.filter { $0.hasPrefix("llm:") }.map { String($0.dropFirst(4)) }
        return (models + judgeModel).contains { text in
            if case .local = try? ModelSpec(parsing: text) { return true }
            return false
        }
    }

    /// The in-flight bound the runner needs: `concurrency` requests per remote model, and the embedded engine's
    /// whole batch (``effectiveParallel``) when a model is local. Each model's own `maxConcurrency` (the remote
    /// backend's `concurrency`, the engine's `parallel`) applies on top.
    public var requestsInFlight: Int { usesEmbeddedModel ? max(concurrency, effectiveParallel) : concurrency }

    /// Creates a configuration; every argument has the CLI's default except `samples`, `temperature` and
    /// `maxTokens`, which default to the suite's.
    public init(suite: String = "khamassi2024", models: [String] = ["local:smollm2"], samples: Int? = nil,
                temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil, seed: UInt64 = 0,
                judge: String = JudgeFactory.defaultSpec, additionalJudges: [String] = [],
                concurrency: Int = RunConfiguration.defaultConcurrency, includeParaphrases: Bool = true,
                parallel: Int? = nil, scenariosPerValue: Int? = nil, scope: RunScope = .quick) {
        self.suite = suite
        self.models = models
        self.samples = samples
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.judge = judge
        self.additionalJudges = additionalJudges
        self.concurrency = concurrency
        self.includeParaphrases = includeParaphrases
        self.parallel = parallel
        self.scenariosPerValue = scenariosPerValue
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey {
        case suite, models, samples, temperature, topP, maxTokens, seed, judge, additionalJudges, concurrency
        case includeParaphrases, parallel, scenariosPerValue, scope
    }

    /// Decodes a configuration; fields added after the first version may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        suite = try c.decode(String.self, forKey: .suite)
        models = try c.decode([String].self, forKey: .models)
        samples = try c.decodeIfPresent(Int.self, forKey: .samples)
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature)
        topP = try c.decodeIfPresent(Double.self, forKey: .topP)
        maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0
        // A stored configuration without a judge predates the `semantic` default: it was judged by `rubric`.
        judge = try c.decodeIfPresent(String.self, forKey: .judge) ?? "rubric"
        additionalJudges = try c.decodeIfPresent([String].self, forKey: .additionalJudges) ?? []
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? RunConfiguration.defaultConcurrency
        includeParaphrases = try c.decodeIfPresent(Bool.self, forKey: .includeParaphrases) ?? true
        parallel = try c.decodeIfPresent(Int.self, forKey: .parallel)
        scenariosPerValue = try c.decodeIfPresent(Int.self, forKey: .scenariosPerValue)
        // A stored configuration without a scope predates quick plans: it ran the suite in full.
        scope = try c.decodeIfPresent(RunScope.self, forKey: .scope) ?? .full
    }

    /// The configuration with `samples`, `temperature`, `maxTokens` and (under ``RunScope/quick``)
    /// `scenariosPerValue` and `includeParaphrases` filled from the suite's defaults where they were not given.
    /// Resolving twice changes nothing.
    public func resolved(for suite: ProbeSuite) -> RunConfiguration {
        var copy = self
        let quick = scope == .quick ? suite.defaults.quick : nil
        copy.samples = samples ?? quick?.samples ?? suite.defaults.samples
        copy.scenariosPerValue = scenariosPerValue ?? quick?.scenariosPerValue
        if quick?.paraphrases == false { copy.includeParaphrases = false }
        copy.temperature = temperature ?? suite.defaults.temperature
        copy.maxTokens = maxTokens ?? suite.defaults.maxTokens
        return copy
    }

    /// Samples per prompt variant after resolution (the suite default is 10 when unresolved).
    public var effectiveSamples: Int { samples ?? SuiteDefaults.standard.samples }
    /// Temperature after resolution.
    public var effectiveTemperature: Double { temperature ?? SuiteDefaults.standard.temperature }
    /// Most tokens per response after resolution.
    public var effectiveMaxTokens: Int { maxTokens ?? SuiteDefaults.standard.maxTokens }

    /// The parsed model specs, in order.
    public func modelSpecs() throws(RunConfigurationError) -> [ModelSpec] {
        var specs: [ModelSpec] = []
        for text in models {
            do {
                specs.append(try ModelSpec(parsing: text))
            } catch {
                throw RunConfigurationError(field: "model", reason: error.description)
            }
        }
        return specs
    }

    /// Checks every field; the error names the first bad one.
    public func validate() throws(RunConfigurationError) {
        if suite.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RunConfigurationError(field: "suite", reason: "empty suite name or path")
        }
        guard !models.isEmpty else { throw RunConfigurationError(field: "model", reason: "no model given") }
        let specs = try modelSpecs()
        var seen = Set<String>()
        for spec in specs where !seen.insert(spec.description).inserted {
            throw RunConfigurationError(field: "model", reason: "'\(spec.description)' is given twice")
        }
        if let samples, samples < 1 || samples > 1_000_000 {
            throw RunConfigurationError(field: "samples", reason: "must be between 1 and 1000000, got \(samples)")
        }
        if let temperature, !(temperature.isFinite && temperature >= 0 && temperature <= 100) {
            throw RunConfigurationError(field: "temperature", reason: "must be a number ≥ 0, got \(temperature)")
        }
        if let topP, !(topP.isFinite && topP > 0 && topP <= 1) {
            throw RunConfigurationError(field: "top-p", reason: "must be in (0, 1], got \(topP)")
        }
        if let maxTokens, maxTokens < 1 || maxTokens > 1_000_000 {
            throw RunConfigurationError(field: "max-tokens", reason: "must be between 1 and 1000000, got \(maxTokens)")
        }
        var judgesSeen = Set<String>()
        for spec in judges {
            let trimmed = spec.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { throw RunConfigurationError(field: "judge", reason: "empty judge spec") }
            if !judgesSeen.insert(trimmed).inserted {
                throw RunConfigurationError(field: "judge", reason: "'\(trimmed)' is given twice")
            }
        }
        if let scenariosPerValue, scenariosPerValue < 1 {
            throw RunConfigurationError(field: "scenarios", reason: "must be at least 1, got \(scenariosPerValue)")
        }
        if concurrency < 1 || concurrency > 1024 {
            throw RunConfigurationError(field: "concurrency", reason: "must be between 1 and 1024, got \(concurrency)")
        }
        if let parallel, parallel < 1 || parallel > 1024 {
            throw RunConfigurationError(field: "parallel", reason: "must be between 1 and 1024, got \(parallel)")
        }
    }
}
