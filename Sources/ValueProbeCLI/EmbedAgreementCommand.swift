import ArgumentParser
import Assets
import Embeddings
import Foundation
import Lexicon

/// `valueprobe embed agreement`: how far a space's nearest neighbours of value words agree with WordNet.
struct EmbedAgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Share of each value word's nearest neighbours that WordNet relates to it.",
        discussion: """
        For each word, its k nearest neighbours (cosine) are labelled with their WordNet relations to it: \
        S synonym (shared synset), H hypernym and h hyponym (within --depth steps), D derivationally related \
        form, A antonym, G gloss word, L a form of the word itself (not counted). Precision@k per relation and \
        for any relation, then the means over the words found in both the space and WordNet. Words and \
        neighbours are lemmatised with WordNet's morphy. Without --words, the built-in value words are used.
        """
    )

    @Option(help: "The vector space to analyse.") var space: String
    @Option(help: "Neighbours per word.") var k: Int = 10
    @Option(help: "A file with one word per line ('#' starts a comment line).") var words: String?
    @Option(help: "Hypernym/hyponym steps that still count (1 = direct only).") var depth: Int = 2
    @Option(help: "Search only the first N words of the space (its most frequent, for frequency-ordered spaces).") var restrict: Int?
    @Flag(help: "Print the full report as JSON.") var json = false

    func validate() throws {
        guard k > 0 else { throw ValidationError("--k must be positive") }
        guard depth >= 1 else { throw ValidationError("--depth must be at least 1") }
        if let restrict, restrict < 1 { throw ValidationError("--restrict must be positive") }
    }

    func run() throws {
        let list = try words.map { try WordList.read(path: $0) } ?? WordNetAgreement.defaultValueWords
        let vectors = try SpaceResolver.load(space)
        for warning in vectors.warnings { Terminal.error("warning: \(warning)") }
        let wordNet = try WordNet(store: AssetStore(), progress: Terminal.assetProgress)
        let report = try WordNetAgreement.analyze(
            words: list, in: vectors, wordNet: wordNet,
            options: .init(k: k, taxonomyDistance: depth, restrictVocabulary: restrict))
        if json {
            try Terminal.printJSON(report)
        } else {
            print(Self.table(report))
        }
    }

    static let codes: [WordNetAgreement.Relation: String] = [
        .sameLemma: "L", .synonym: "S", .hypernym: "H", .hyponym: "h", .derivation: "D", .antonym: "A", .gloss: "G",
    ]

    /// The report as a text table: one row per word, then the means.
    static func table(_ report: WordNetAgreement.Report) -> String {
        let relations = WordNetAgreement.Relation.wordNetRelations
        let width = max(8, report.words.map(\.word.count).max() ?? 8)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func number(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "  – " }
        var lines = ["space \(report.space), k = \(report.k), taxonomy distance \(report.taxonomyDistance)"
            + (report.restrictVocabulary.map { ", first \($0) words" } ?? "")]
        lines.append(pad("word", width) + "  any   " + relations.map { pad(String($0.rawValue.prefix(5)), 6) }.joined() + "neighbours")
        for w in report.words where w.inSpace {
            let neighbours = w.neighbours.map { n in
                n.relations.isEmpty ? n.word : "\(n.word)[\(n.relations.compactMap { codes[$0] }.joined())]"
            }.joined(separator: " ")
            lines.append(pad(w.word, width) + "  " + number(w.precisionAny) + "  "
                + relations.map { pad(number(w.precision[$0]), 6) }.joined() + neighbours)
        }
        lines.append(pad("mean", width) + "  " + number(report.meanPrecisionAny) + "  "
            + relations.map { pad(number(report.meanPrecision[$0]), 6) }.joined() + "(\(report.evaluatedCount) words)")
        if !report.missingFromSpace.isEmpty { lines.append("not in the space: " + report.missingFromSpace.joined(separator: ", ")) }
        if !report.missingFromWordNet.isEmpty { lines.append("not in WordNet: " + report.missingFromWordNet.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
