import ArgumentParser
import Embeddings
import Foundation

struct EmbedBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Spearman ρ of cosine similarity against human scores (SimLex-999, WordSim-353, MEN).",
        discussion: "Pairs with a word missing from the space are dropped and counted (pairs_used / pairs_total). Words match ignoring case unless --case-sensitive."
    )

    @Option(name: .customLong("space"), help: "The space (default glove).") var space: String = "glove"
    @Option(name: .customLong("dataset"), help: "Extra similarity files (word1 word2 score), repeatable.") var datasets: [String] = []
    @Flag(help: "Match words exactly (default: ignoring case, as gensim).") var caseSensitive = false
    @Flag(help: "Print JSON: {benchmark: {spearman, pairs_used, pairs_total}}.") var json = false

    func run() throws {
        var sets = try SimilarityBenchmark.standard.map { try SimilarityBenchmark.load($0, progress: EmbedSupport.progress) }
        sets += try datasets.map { try SimilarityDatasetReader.read(URL(fileURLWithPath: $0)) }
        let words = Array(Set(sets.flatMap { $0.pairs.flatMap { [$0.first, $0.second] } })).sorted()
        let loaded = try EmbedSupport.loadSpaces([space], words: words)[0]
        let results = try SimilarityBenchmark.evaluate(loaded, on: sets, caseInsensitive: !caseSensitive)
        if json {
            struct Row: Encodable {
                let spearman: Double?
                let pairs_used: Int
                let pairs_total: Int
            }
            try EmbedSupport.printJSON(Dictionary(uniqueKeysWithValues: results.map {
                ($0.dataset, Row(spearman: $0.spearman, pairs_used: $0.pairsUsed, pairs_total: $0.pairsTotal))
            }))
            return
        }
        print("space: \(loaded.name) (\(loaded.count) words); OOV pairs dropped; \(caseSensitive ? "exact" : "case-insensitive") matching")
        print("benchmark      spearman  pearson   pairs used/total")
        for r in results {
            print(EmbedSupport.pad(r.dataset, 14) + " " + EmbedSupport.pad(EmbedSupport.format(r.spearman), 9) + " "
                  + EmbedSupport.pad(EmbedSupport.format(r.pearson), 9) + " \(r.pairsUsed)/\(r.pairsTotal)")
        }
    }
}
