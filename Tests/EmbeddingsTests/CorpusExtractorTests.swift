@testable import Embeddings
import Foundation
import Testing

/// Each extractor on a small fixture built here in its real on-disk format.
@Suite("Corpus extractors")
struct CorpusExtractorTests {
    typealias S = CorpusTestSupport

    // MARK: SWORD zText / zCom

    /// Writes `ot.bzs`/`ot.bzz` holding `blocks` (one zlib stream each) plus an empty record.
    static func writeSwordModule(_ blocks: [String], in dir: URL, index: String = "bzs", data: String = "bzz") throws {
        var indexBytes: [UInt8] = []
        var dataBytes: [UInt8] = []
        for (i, text) in blocks.enumerated() {
            if i == 1 { indexBytes += S.le32(0) + S.le32(0) + S.le32(0) }  // an empty block is skipped
            let z = S.compress(Array(text.utf8))
            indexBytes += S.le32(dataBytes.count) + S.le32(z.count) + S.le32(text.utf8.count)
            dataBytes += z
        }
        try S.write(indexBytes, to: dir.appendingPathComponent("ot.\(index)"))
        try S.write(dataBytes, to: dir.appendingPathComponent("ot.\(data)"))
    }

    @Test func swordBlocksDecodeAndLoseTheirMarkup() throws {
        let dir = try S.temporaryDirectory("sword")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeSwordModule([
            "<title type=\"main\">Genesis</title> <div sID=\"a\" type=\"x-p\"/>In the <w lemma=\"strong:H7225\">beginning</w> God created.<div eID=\"a\" type=\"x-p\"/>",
            "<div sID=\"b\" type=\"x-p\"/>Salt &amp; light<note>a note</note>.",
        ], in: dir)
        let raw = try CorpusExtractor.segments(of: CorpusSource(name: "t", format: .sword, url: dir), stripMarkup: false)
        #expect(raw.count == 2)  // one line per block, tags become spaces
        #expect(CorpusTokenizer.tokens(in: raw.joined(separator: " ")) ==
                ["genesis", "in", "the", "beginning", "god", "created", "salt", "amp", "light", "a", "note"])
        let stripped = try CorpusExtractor.segments(of: CorpusSource(name: "t", format: .sword, url: dir), stripMarkup: true)
        #expect(stripped.map { $0.trimmingCharacters(in: .whitespaces) } ==
                ["Genesis", "In the  beginning  God created.", "Salt & light a note ."])
    }

    @Test func commentaryModulesUseTheCzFiles() throws {
        let dir = try S.temporaryDirectory("zcom")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeSwordModule(["Blessed is the man.", "Selah."], in: dir, index: "czs", data: "czz")
        let segments = try CorpusExtractor.segments(of: CorpusSource(name: "c", format: .sword, url: dir))
        #expect(segments == ["Blessed is the man.", "Selah."])
    }

    @Test func corruptSwordBlockNamesItsOffset() throws {
        let dir = try S.temporaryDirectory("sword-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let z = S.compress(Array("Some text that is long enough to compress.".utf8))
        let truncated = Array(z.prefix(z.count / 2))
        try S.write(S.le32(0) + S.le32(truncated.count) + S.le32(42), to: dir.appendingPathComponent("ot.bzs"))
        try S.write(truncated, to: dir.appendingPathComponent("ot.bzz"))
        #expect {
            _ = try CorpusExtractor.segments(of: CorpusSource(name: "bad", format: .sword, url: dir))
        } throws: { error in
            guard let e = error as? EmbeddingError, case .malformed(let m) = e else { return false }
            return m.contains("ot.bzz block 0 at byte 0") && !m.contains("\n")
        }
        // An index entry pointing past the block file.
        try S.write(S.le32(1000) + S.le32(10) + S.le32(10), to: dir.appendingPathComponent("ot.bzs"))
        #expect(throws: EmbeddingError.self) {
            _ = try CorpusExtractor.segments(of: CorpusSource(name: "bad", format: .sword, url: dir))
        }
    }

    // MARK: gzip and dictd

    @Test func gzipFilesWithSeveralMembersDecompressWhole() throws {
        let dir = try S.temporaryDirectory("gz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("jargon.txt.gz")
        try S.write(S.compress(Array("First paragraph\nwraps here.\n\n".utf8), gzip: true)
                    + S.compress(Array("Second one.\n".utf8), gzip: true), to: file)
        let paragraphs = try CorpusExtractor.segments(of: CorpusSource(name: "j", format: .text, url: file, segmentation: .paragraphs))
        #expect(paragraphs == ["First paragraph wraps here.", "Second one."])
        let lines = try CorpusExtractor.segments(of: CorpusSource(name: "j", format: .text, url: file, segmentation: .lines))
        #expect(lines == ["First paragraph", "wraps here.", "", "Second one."])
    }

    @Test func dictdEntriesSkipDatabaseInfoAndMarkup() throws {
        let dir = try S.temporaryDirectory("dictd")
        defer { try? FileManager.default.removeItem(at: dir) }
        let info = "00-database-info\n   This file was converted by dictfmt.\n\n"
        let abdicate = "Abdicate \\Ab\"di*cate\\, v. t.\n   To give up a high office.\n   [1913 Webster]\n\n"
        let abide = "Abide \\A*bide\"\\, v. i.\n   To wait; to dwell. [Obs.]\n   [1913 Webster]\n"
        let text = info + abdicate + abide
        let file = dir.appendingPathComponent("test.dict.dz")
        try S.write(S.compress(Array(text.utf8), gzip: true), to: file)
        let o1 = info.utf8.count, o2 = o1 + abdicate.utf8.count
        let index = [("00-database-info", 0, info.utf8.count), ("abdicate", o1, abdicate.utf8.count),
                     ("abide", o2, abide.utf8.count), ("bide", o2, abide.utf8.count)]
            .map { "\($0.0)\t\(S.dictdNumber($0.1))\t\(S.dictdNumber($0.2))" }.joined(separator: "\n") + "\n"
        try S.write(index, to: dir.appendingPathComponent("test.index"))

        let source = CorpusSource(name: "d", format: .dictd, url: file)
        let stripped = try CorpusExtractor.segments(of: source, stripMarkup: true)
        #expect(stripped.map { CorpusTokenizer.tokens(in: $0) } == [
            ["abdicate", "v", "t", "to", "give", "up", "a", "high", "office"],
            ["abide", "v", "i", "to", "wait", "to", "dwell", "obs"],
        ])
        // Raw: everything, as the data inventory counted it.
        let raw = try CorpusExtractor.segments(of: source, stripMarkup: false)
        #expect(CorpusTokenizer.tokens(in: raw.joined(separator: " ")) == CorpusTokenizer.tokens(in: text))
        #expect(DictdExtractor.decodeNumber("BdqM") == ((1 * 64 + 29) * 64 + 42) * 64 + 12)
    }

    @Test func dictdIndexOutsideTheDictionaryIsAnError() throws {
        let dir = try S.temporaryDirectory("dictd-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        try S.write(S.compress(Array("short\n".utf8), gzip: true), to: dir.appendingPathComponent("x.dict.dz"))
        try S.write("word\tA\tZZ\n", to: dir.appendingPathComponent("x.index"))
        #expect {
            _ = try CorpusExtractor.segments(of: CorpusSource(name: "x", format: .dictd, url: dir.appendingPathComponent("x.dict.dz")))
        } throws: { error in
            guard let e = error as? EmbeddingError, case .malformed(let m) = e else { return false }
            return m.hasSuffix("x.index:1: entry 0+1625 lies outside the 6-byte dictionary")
        }
    }

    // MARK: R lazy-load database

    /// One serialised character vector (XDR, format version 3) as R writes it.
    static func rCharacterVector(_ strings: [String?]) -> [UInt8] {
        var b = Array("X\n".utf8) + S.be32(3) + S.be32(0x040201) + S.be32(0x030500)
        b += S.be32(5) + Array("UTF-8".utf8)
        b += S.be32(0x10) + S.be32(strings.count)
        for s in strings {
            if let s {
                b += S.be32(0x0004_0009) + S.be32(s.utf8.count) + Array(s.utf8)
            } else {
                b += S.be32(0x9) + [0xFF, 0xFF, 0xFF, 0xFF]
            }
        }
        return b
    }

    @Test func rLazyLoadRecordsGiveParagraphs() throws {
        let dir = try S.temporaryDirectory("rdb")
        defer { try? FileManager.default.removeItem(at: dir) }
        var file: [UInt8] = []
        for object in [Self.rCharacterVector(["EMMA", "", "Emma Woodhouse, handsome,", "clever, and rich.", nil, "Chapter II"]),
                       Self.rCharacterVector(["PERSUASION"])] {
            file += S.be32(object.count) + S.compress(object)
        }
        let url = dir.appendingPathComponent("Rdata.rdb")
        try S.write(file, to: url)
        let segments = try CorpusExtractor.segments(of: CorpusSource(name: "austen", format: .rLazyLoad, url: url))
        #expect(segments == ["EMMA", "Emma Woodhouse, handsome, clever, and rich.", "Chapter II", "PERSUASION"])
        // A record whose length header disagrees with its contents.
        try S.write(S.be32(7) + S.compress(Self.rCharacterVector(["x"])), to: url)
        #expect(throws: EmbeddingError.self) {
            _ = try CorpusExtractor.segments(of: CorpusSource(name: "austen", format: .rLazyLoad, url: url))
        }
    }

    // MARK: fortunes and WordNet

    @Test func fortunesSplitAtPercentLines() throws {
        let dir = try S.temporaryDirectory("fortunes")
        defer { try? FileManager.default.removeItem(at: dir) }
        try S.write("A quip\nover two lines.\n%\nAnother.\n\t-- Somebody\n%\n", to: dir.appendingPathComponent("wisdom"))
        try S.write([0, 0, 0, 2, 0x25], to: dir.appendingPathComponent("wisdom.dat"))
        try S.write("Duplicate text\n%\n", to: dir.appendingPathComponent("wisdom.u8"))
        let segments = try CorpusExtractor.segments(of: CorpusSource(name: "f", format: .fortunes, url: dir))
        #expect(segments == ["A quip over two lines.", "Another. \t-- Somebody"])
    }

    @Test func wordNetGlossesFollowTheBar() throws {
        let dir = try S.temporaryDirectory("wordnet")
        defer { try? FileManager.default.removeItem(at: dir) }
        let noun = """
              1 This software and database is being provided to you, the LICENSEE, by
              2 Princeton University under the following license. | not a gloss
            04886881 07 n 01 dignity 0 003 @ 04885091 n 0000 | the quality of being worthy of esteem or respect; "it was beneath his dignity to cheat"  
            00001740 03 n 01 entity 0 000 | that which is perceived or known  

            """
        try S.write(noun, to: dir.appendingPathComponent("data.noun"))
        let segments = try CorpusExtractor.segments(of: CorpusSource(name: "wn", format: .wordnetGlosses, url: dir))
        #expect(segments.map { $0.trimmingCharacters(in: .whitespaces) } == [
            "the quality of being worthy of esteem or respect; \"it was beneath his dignity to cheat\"",
            "that which is perceived or known",
        ])
        #expect(throws: EmbeddingError.self) {
            _ = try CorpusExtractor.segments(of: CorpusSource(name: "wn", format: .wordnetGlosses, url: dir.appendingPathComponent("data.noun")))
        }
    }

    @Test func missingInputIsAnIOError() {
        #expect(throws: EmbeddingError.io("/nonexistent/corpus.txt: no such file or folder")) {
            _ = try CorpusExtractor.segments(of: CorpusSource(name: "x", format: .text, url: URL(fileURLWithPath: "/nonexistent/corpus.txt")))
        }
    }
}
