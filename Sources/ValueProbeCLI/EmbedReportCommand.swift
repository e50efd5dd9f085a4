import ArgumentParser
import Assets
import Embeddings
import Foundation
import Lexicon
import Reports

/// `valueprobe embed report`: the embedding analyses of value words for several spaces as one HTML page.
struct EmbedReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Neighbour tables, WordNet agreement, cross-space heatmaps and a projection of value words, as one HTML page.",
        discussion: "Spaces (--space, repeatable): \(SpaceSpec.forms). See docs/reports.md."
    )

    @Option(name: .customLong("space"), help: "A space (repeat for several).") var spaces: [String] = []
    @Option(name: .customLong("words"), help: "Word list file (default: the built-in value words).") var wordsFile: String?
    @Option(help: "Neighbours per word.") var k: Int = 10
    @Option(help: "Anchor words for the Procrustes/CKA part of the comparisons.") var anchors: Int = 2000
    @Option(help: "Output file (default: embedding-report.html; '-' for standard output).") var out: String?
    @Flag(name: .customLong("no-wordnet"), help: "Leave out the WordNet agreement (no WordNet needed).") var noWordNet = false
    @Flag(help: "Print the computed report as JSON instead of writing HTML.") var json = false

    func validate() throws {
        guard !spaces.isEmpty else { throw ValidationError("give at least one --space") }
        guard k >= 1 else { throw ValidationError("--k must be at least 1, got \(k)") }
        guard anchors >= 0 else { throw ValidationError("--anchors must be non-negative, got \(anchors)") }
    }

    func run() throws {
        let loaded = try EmbedSupport.loadSpaces(spaces, words: try EmbedSupport.candidateWords(file: wordsFile))
        let words = try EmbedSupport.words(file: wordsFile, spaces: loaded)
        let wordNet = noWordNet ? nil : try WordNet(store: AssetStore(), progress: Terminal.assetProgress)
        let report = try EmbeddingReport.compute(spaces: loaded, words: words, wordNet: wordNet, k: k, anchors: anchors)
        if json {
            try EmbedSupport.printJSON(report)
            return
        }
        try ReportOutput.write(Data(EmbeddingReportHTML.render(report).utf8), to: out ?? "embedding-report.html")
    }
}
