import Foundation

/// What a preference run asks and how (`valueprobe prefs`). Everything here except ``replicates`` changes the
/// answers and is part of the run id.
public struct PrefsConfiguration: Codable, Sendable, Equatable, Hashable {
    /// Built-in outcome-set name or file path, as given.
    public var outcomeSet: String
    /// The model spec, as given.
    public var model: String
    /// Pairs asked in the first round; `nil` = ``defaultPairs(outcomeCount:)``.
    public var pairs: Int?
    /// K: sampled answers per pair and orientation, or the weight of each exact orientation.
    public var samples: Int
    /// Seed of the pair choice, of sampled answers and of the analysis.
    public var seed: UInt64
    /// Whether rounds of actively chosen pairs follow the first round.
    public var active: Bool
    /// Rounds of active pair selection (with ``active``).
    public var activeRounds: Int
    /// Sampling temperature of sampled answers.
    public var temperature: Double
    /// Most tokens of a sampled answer.
    public var maxTokens: Int
    /// Bootstrap replicates of the analysis (does not change the answers; not part of the run id).
    public var replicates: Int

    /// Creates a configuration with the documented defaults.
    public init(outcomeSet: String = "outcomes-core", model: String = "local:smollm2", pairs: Int? = nil,
                samples: Int = 5, seed: UInt64 = 0, active: Bool = false, activeRounds: Int = 2,
                temperature: Double = 1.0, maxTokens: Int = 10, replicates: Int = 1000) {
        self.outcomeSet = outcomeSet
        self.model = model
        self.pairs = pairs
        self.samples = samples
        self.seed = seed
        self.active = active
        self.activeRounds = activeRounds
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.replicates = replicates
    }

    /// The default first-round pairs for `n` outcomes: 4·n (each outcome in about 8 pairs), at most all pairs.
    public static func defaultPairs(outcomeCount n: Int) -> Int {
        min(4 * n, n * (n - 1) / 2)
    }

    /// The pairs of the first round for a set of `n` outcomes.
    public func resolvedPairs(outcomeCount n: Int) -> Int { pairs ?? Self.defaultPairs(outcomeCount: n) }

    /// Pairs added per active round: a quarter of the first round, at least one.
    public func activePairsPerRound(outcomeCount n: Int) -> Int { max(1, resolvedPairs(outcomeCount: n) / 4) }

    /// Checks every option against a set of `outcomeCount` outcomes.
    public func validate(outcomeCount n: Int) throws(PrefsError) {
        let all = n * (n - 1) / 2
        let pairs = resolvedPairs(outcomeCount: n)
        if pairs < n - 1 || pairs > all {
            throw .invalidOption("--pairs must lie between \(n - 1) (to connect the \(n) outcomes) and \(all) (every pair), got \(pairs)")
        }
        if samples < 1 || samples > 1000 { throw .invalidOption("--samples must lie between 1 and 1000, got \(samples)") }
        if activeRounds < 1 || activeRounds > 20 {
            throw .invalidOption("--active-rounds must lie between 1 and 20, got \(activeRounds)")
        }
        if !temperature.isFinite || temperature < 0 || temperature > 2 {
            throw .invalidOption("--temperature must lie in [0, 2], got \(temperature)")
        }
        if maxTokens < 1 || maxTokens > 4096 { throw .invalidOption("--max-tokens must lie between 1 and 4096, got \(maxTokens)") }
        if replicates < 10 || replicates > 100_000 {
            throw .invalidOption("--replicates must lie between 10 and 100000, got \(replicates)")
        }
    }
}
