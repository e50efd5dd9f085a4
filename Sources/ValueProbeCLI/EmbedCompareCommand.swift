import ArgumentParser
import Embeddings
import Foundation

struct EmbedCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Agreement of two spaces over a word list: Jaccard@k, RBO, RSA, Procrustes fit, linear CKA.",
        discussion: """
            Words are compared on the shared vocabulary; neighbours are searched within it in both spaces. \
            Procrustes and CKA use the first --anchors shared words (in the first space's order) plus the compared words.
            """
    )

    @Option(name: .customLong("space"), help: "Exactly two spaces.") var spaces: [String] = []
    @Option(name: .customLong("words"), help: "Word list file (default: the built-in value words).") var wordsFile: String?
    @Option(help: "Neighbours per word.") var k: Int = 10
    @Option(help: "RBO persistence p.") var p: Double = 0.9
    @Option(help: "Anchor words for Procrustes and CKA.") var anchors: Int = 10_000
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard spaces.count == 2 else { throw ValidationError("give exactly two --space options, got \(spaces.count)") }
        guard k >= 1 else { throw ValidationError("--k must be at least 1, got \(k)") }
        guard p > 0, p < 1 else { throw ValidationError("--p must lie in (0, 1), got \(p)") }
        guard anchors >= 0 else { throw ValidationError("--anchors must be non-negative, got \(anchors)") }
    }

    func run() throws {
        let loaded = try EmbedSupport.loadSpaces(spaces, words: try EmbedSupport.candidateWords(file: wordsFile))
        let words = try EmbedSupport.words(file: wordsFile, spaces: loaded)
        let c = try SpaceComparison.compare(loaded[0], loaded[1], words: words, k: k, p: p, anchors: anchors)
        if json {
            try EmbedSupport.printJSON(c)
            return
        }
        print("\(c.spaceA) (\(c.vocabularyA) words) vs \(c.spaceB) (\(c.vocabularyB) words); shared vocabulary \(c.sharedVocabulary)")
        print("words compared: \(c.words.count) of \(c.wordsRequested)" + (c.missing.isEmpty ? "" : "; missing: \(c.missing.joined(separator: ", "))"))
        print("neighbours: top-\(c.k) within the \(c.neighborScope); RBO_ext p = \(c.rboP)")
        print("")
        let width = max(12, (c.words.map(\.word.count).max() ?? 0) + 2)
        print(EmbedSupport.pad("word", width) + "jaccard   rbo    aligned-cos  top neighbours (A | B)")
        for w in c.words {
            let aligned = EmbedSupport.format(w.alignedCosine)
            print(EmbedSupport.pad(w.word, width) + String(format: "%6.3f  %6.3f  ", w.jaccard, w.rbo) + EmbedSupport.pad(aligned, 11)
                  + "  " + w.neighborsA.prefix(3).joined(separator: ", ") + " | " + w.neighborsB.prefix(3).joined(separator: ", "))
        }
        print("")
        print("mean Jaccard@\(c.k): \(EmbedSupport.format(c.meanJaccard))   mean RBO: \(EmbedSupport.format(c.meanRBO))")
        print("RSA (Spearman of cosine-similarity triangles): \(EmbedSupport.format(c.rsaSpearman))")
        if let a = c.procrustes {
            print("Procrustes fit (1 − ‖AR − B‖²/‖B‖², centred, unit norm): \(EmbedSupport.format(a.fit)) on \(a.anchors) anchors, d = \(a.dimension)\(a.padded ? " (zero-padded)" : "")")
        } else if let note = c.procrustesNote {
            print("Procrustes: skipped (\(note))")
        }
        print("linear CKA: \(EmbedSupport.format(c.linearCKA))")
    }
}
