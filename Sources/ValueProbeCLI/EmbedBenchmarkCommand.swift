import ArgumentParser
import Assets
import Embeddings
import Foundation
import Lexicon

struct EmbedBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Spearman ρ of cosine similarity against human scores (default: SimLex-999, WordSim-353, MEN).",
        discussion: """
            Pairs with a word missing from the space are dropped and counted (pairs_used / pairs_total). Words match \
            ignoring case unless --case-sensitive. Built-in data sets: \(SimilarityDatasets.names.joined(separator: ", ")).
            """
    )

    @Option(name: .customLong("space"), help: "The space (default glove).") var space: String = "glove"
    @Option(name: .customLong("dataset"), help: "A built-in data set name or a file 'word1 word2 score' (repeatable; default simlex999, wordsim353, men).")
    var datasets: [String] = []
    @Option(help: "Look words up only among the first N rows (gensim's restrict_vocab).") var restrict: Int?
    @Flag(help: "Match words exactly (default: ignoring case, as gensim).") var caseSensitive = false
    @Flag(help: "Print JSON: {benchmark: {spearman, pairs_used, pairs_total}}.") var json = false

    func validate() throws {
        if let restrict, restrict < 1 { throw ValidationError("--restrict must be positive") }
    }

    func run() throws {
        let store = AssetStore()
        let sets = try (datasets.isEmpty ? SimilarityBenchmark.standard : datasets).map { name -> SimilarityDataset in
            if SimilarityDatasets.entry(name) != nil { return try SimilarityDatasets.load(name, store: store) }
            guard FileManager.default.fileExists(atPath: name) else {
                throw ValidationError("'\(name)' is neither a built-in data set (\(SimilarityDatasets.names.joined(separator: ", "))) nor a file")
            }
            let anyScore = -Double.greatestFiniteMagnitude ... Double.greatestFiniteMagnitude
            return try SimilarityDatasets.parse(path: name, name: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent,
                                                format: SimilarityDatasetFormat(scale: anyScore))
        }
        let words = Array(Set(sets.flatMap(\.words))).sorted()
        let loaded = try EmbedSupport.loadSpaces([space], words: words)[0]
        let results = try SimilarityBenchmark.evaluate(loaded, on: sets, caseInsensitive: !caseSensitive, restrictVocabulary: restrict)
        if json {
            struct Row: Encodable {
                let spearman: Double?
                let pairs_used: Int
                let pairs_total: Int
            }
            try EmbedSupport.printJSON(Dictionary(results.map {
                ($0.dataset, Row(spearman: $0.spearman, pairs_used: $0.pairsUsed, pairs_total: $0.pairsTotal))
            }, uniquingKeysWith: { a, _ in a }))
            return
        }
        print("space: \(loaded.name) (\(loaded.count) words); OOV pairs dropped; \(caseSensitive ? "exact" : "case-insensitive") matching"
              + (restrict.map { "; first \($0) rows" } ?? ""))
        print("benchmark          spearman  pearson   pairs used/total")
        for r in results {
            print(EmbedSupport.pad(r.dataset, 18) + " " + EmbedSupport.pad(EmbedSupport.format(r.spearman), 9) + " "
                  + EmbedSupport.pad(EmbedSupport.format(r.pearson), 9) + " \(r.pairsUsed)/\(r.pairsTotal)")
        }
    }
}
