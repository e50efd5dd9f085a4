import ArgumentParser
import Embeddings
import Foundation

struct EmbedWeatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weat",
        abstract: "Word Embedding Association Test: effect size and one-sided permutation p-value.",
        discussion: """
            --sets FILE: JSON {"X": [...], "Y": [...], "A": [...], "B": [...]} (or a list of such), or text with \
            'X:', 'Y:', 'A:', 'B:' sections of one word per line. The p-value is exact when there are at most \
            --exact-limit partitions, else estimated from --samples seeded random partitions.
            """
    )

    @Option(name: .customLong("space"), help: "The space (default glove).") var space: String = "glove"
    @Option(help: "Word-set file.") var sets: String
    @Option(help: "Largest number of partitions enumerated exactly.") var exactLimit: Int = 100_000
    @Option(help: "Random partitions when not exact.") var samples: Int = 100_000
    @Option(help: "Seed of the random partitions.") var seed: UInt64 = 42
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard samples >= 1, exactLimit >= 0 else { throw ValidationError("--samples must be positive and --exact-limit non-negative") }
    }

    func run() throws {
        let tests = try WEATWordSetsReader.read(URL(fileURLWithPath: sets))
        let words = tests.flatMap { $0.x + $0.y + $0.a + $0.b }
        let loaded = try EmbedSupport.loadSpaces([space], words: words)[0]
        let results = try tests.map { try WEAT.test($0, in: loaded, exactLimit: exactLimit, samples: samples, seed: seed) }
        if json {
            try EmbedSupport.printJSON(results)
            return
        }
        for (i, r) in results.enumerated() {
            print("\(r.name ?? "test \(i + 1)") in \(r.space): X \(r.used.x.count), Y \(r.used.y.count), A \(r.used.a.count), B \(r.used.b.count) words"
                  + (r.missing.isEmpty ? "" : "; missing: \(r.missing.joined(separator: ", "))"))
            print("  S = \(String(format: "%.4f", r.statistic))   effect size d = \(EmbedSupport.format(r.effectSize)) (sample sd; population sd: \(EmbedSupport.format(r.effectSizePopulation)))")
            let how = r.method == .exact ? "exact over \(r.permutations) partitions" : "\(r.permutations) random partitions, seed \(r.seed ?? 0)"
            print("  one-sided p = \(String(format: "%.4g", r.pValue)) (\(how); Pr[S_i > S])")
        }
    }
}
