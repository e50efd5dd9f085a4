import Assets
import Foundation
import Testing

@testable import Embeddings

@Suite("Parquet, Snappy and Thrift readers")
struct ParquetReaderTests {
    // MARK: Snappy

    @Test func snappyHandCompressedOverlappingCopy() throws {
        // length 12; literal "abc"; copy (1-byte offset form) of length 9 at offset 3, overlapping its own output.
        let compressed: [UInt8] = [0x0C, 0x08, 0x61, 0x62, 0x63, 0x15, 0x03]
        let out = try SnappyDecoder.decompress(compressed[...], source: "t", baseOffset: 0)
        #expect(String(decoding: out, as: UTF8.self) == "abcabcabcabc")
    }

    @Test func snappyAllElementForms() throws {
        // literal with a 1-byte extended length (61 bytes), 2-byte-offset copy, 4-byte-offset copy.
        let literal = (0 ..< 61).map { UInt8(65 + $0 % 26) }
        var compressed: [UInt8] = [UInt8(61 + 20 + 5)]  // total = 61 + 20 + 5
        compressed += [60 << 2, 60] + literal
        compressed += [UInt8((20 - 1) << 2) | 2, 61, 0]  // copy 20 bytes from offset 61 (start)
        compressed += [UInt8((5 - 1) << 2) | 3, 10, 0, 0, 0]  // copy 5 bytes from offset 10
        let out = try SnappyDecoder.decompress(compressed[...], source: "t", baseOffset: 0)
        var expected = literal
        expected += literal[0 ..< 20]
        let tail = expected.count - 10
        expected += expected[tail ..< tail + 5]
        #expect(out == expected)
    }

    @Test func snappyRoundTripsTestEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 5, 64, 300, 5000] {
            let alphabet = Array("the quick brown fox ".utf8)
            let input = (0 ..< size).map { _ in alphabet[Int.random(in: 0 ..< alphabet.count, using: &generator)] }
            let compressed = SnappyTestEncoder.compress(input)
            #expect(try SnappyDecoder.decompress(compressed[...], source: "t", baseOffset: 0) == input)
        }
    }

    @Test func snappyErrorsAreOneLine() {
        let cases: [[UInt8]] = [
            [],  // no length
            [0x05, 0x10, 0x61],  // literal runs past input
            [0x04, 0x05, 0x01],  // copy before any output
            [0x02, 0x0C, 0x61, 0x62, 0x63, 0x64],  // literal longer than declared
            [0x09, 0x08, 0x61, 0x62, 0x63],  // produces 3 of 9
        ]
        for c in cases {
            #expect(throws: EmbeddingError.self) { try SnappyDecoder.decompress(c[...], source: "x.parquet", baseOffset: 100) }
            do {
                _ = try SnappyDecoder.decompress(c[...], source: "x.parquet", baseOffset: 100)
            } catch {
                #expect(error.description.hasPrefix("x.parquet: Snappy:"))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    // MARK: RLE / bit-packed hybrid

    @Test func hybridDecodesRunsAndPackedGroups() throws {
        let values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
        let bytes = ParquetEncoding.run(7, count: 5, bitWidth: 4) + ParquetEncoding.bitPacked(values, bitWidth: 4)
            + ParquetEncoding.run(300, count: 2, bitWidth: 9)
        let first = try ParquetHybridDecoder.decode(bytes[...], bitWidth: 4, count: 15, source: "t", fileOffset: 0)
        #expect(first == [7, 7, 7, 7, 7] + values.map(UInt32.init))
        for width in [1, 3, 8, 13, 17, 32] {
            let vs = (0 ..< 21).map { ($0 * 2_654_435_761) & (width == 32 ? 0xFFFF_FFFF : (1 << width) - 1) }
            let decoded = try ParquetHybridDecoder.decode(ParquetEncoding.bitPacked(vs, bitWidth: width)[...], bitWidth: width,
                                                          count: vs.count, source: "t", fileOffset: 0)
            #expect(decoded == vs.map { UInt32($0) })
        }
        #expect(throws: EmbeddingError.self) {
            try ParquetHybridDecoder.decode(ParquetEncoding.run(1, count: 2, bitWidth: 1)[...], bitWidth: 1, count: 3, source: "t", fileOffset: 0)
        }
    }

    // MARK: Whole files

    static let words = ["the", ",", ".", "of", "to", "and", "in", "a", "\"", "'s", "for", "-", "naïve", "हु", "the", "of"]

    /// An OPTIONAL Snappy column: dictionary page, an RLE_DICTIONARY page (runs + bit-packed), then a PLAIN
    /// fallback page, like pyarrow's output for GloVe's vocabulary.
    static func dictionaryFile(codec: Int = 1) -> [UInt8] {
        let dictionary = Array(words.prefix(12))
        let firstPageWords = Array(words.prefix(10))  // indices 0…9
        let indices = firstPageWords.map { w in dictionary.firstIndex(of: w)! }
        let levels = ParquetEncoding.run(1, count: firstPageWords.count, bitWidth: 1)
        let valuesPart = [UInt8(4)] + ParquetEncoding.run(indices[0], count: 1, bitWidth: 4)
            + ParquetEncoding.bitPacked(Array(indices[1...]), bitWidth: 4)
        let page1 = ParquetEncoding.u32(levels.count) + levels + valuesPart
        let rest = Array(words[10...])
        let levels2 = ParquetEncoding.bitPacked(Array(repeating: 1, count: rest.count), bitWidth: 1)
        let page2 = ParquetEncoding.u32(levels2.count) + levels2 + ParquetEncoding.plain(rest)
        var builder = ParquetFixtureBuilder()
        builder.codec = codec
        builder.rowGroups = [(words.count, [
            FixturePage(kind: .dictionary, valueCount: dictionary.count, encoding: 0, body: ParquetEncoding.plain(dictionary)),
            FixturePage(kind: .dataV1, valueCount: firstPageWords.count, encoding: 8, body: page1),
            FixturePage(kind: .dataV1, valueCount: rest.count, encoding: 0, body: page2),
        ])]
        return builder.build()
    }

    @Test func dictionaryAndPlainPagesWithSnappy() throws {
        let values = try ParquetReader.stringColumn(in: Self.dictionaryFile(), source: "f.parquet")
        #expect(values == Self.words)
        let byName = try ParquetReader.stringColumn(in: Self.dictionaryFile(codec: 0), source: "f.parquet", column: "index")
        #expect(byName == Self.words)
    }

    @Test func requiredColumnTwoRowGroupsV2Pages() throws {
        var builder = ParquetFixtureBuilder()
        builder.optional = false
        builder.columnName = "word"
        builder.unknownFields = false
        let a = ["alpha", "beta", "gamma"], b = ["delta", "epsilon"]
        builder.rowGroups = [
            (3, [FixturePage(kind: .dataV2, valueCount: 3, encoding: 0, body: ParquetEncoding.plain(a))]),
            (2, [
                FixturePage(kind: .dictionary, valueCount: 2, encoding: 0, body: ParquetEncoding.plain(b)),
                FixturePage(kind: .dataV2, valueCount: 2, encoding: 8, body: [1] + ParquetEncoding.bitPacked([1, 0], bitWidth: 1)),
            ]),
        ]
        for codec in [0, 1] {
            builder.codec = codec
            #expect(try ParquetReader.stringColumn(in: builder.build(), source: "g.parquet") == ["alpha", "beta", "gamma", "epsilon", "delta"])
        }
    }

    @Test func malformedFilesGiveOneLineErrors() throws {
        let good = Self.dictionaryFile()
        var cases: [(String, [UInt8])] = [
            ("empty", []),
            ("no magic", Array("PAR0".utf8) + good.dropFirst(4)),
            ("truncated", Array(good.prefix(good.count - 10))),
            ("footer length too big", Array(good.prefix(good.count - 8)) + [0xFF, 0xFF, 0xFF, 0x0F] + Array("PAR1".utf8)),
        ]
        // A corrupted page header byte.
        var corrupt = good
        corrupt[4] = 0xFF
        cases.append(("bad page header", corrupt))
        // A dictionary index beyond the dictionary.
        var builder = ParquetFixtureBuilder()
        builder.optional = false
        builder.rowGroups = [(2, [
            FixturePage(kind: .dictionary, valueCount: 1, encoding: 0, body: ParquetEncoding.plain(["x"])),
            FixturePage(kind: .dataV1, valueCount: 2, encoding: 8, body: [2] + ParquetEncoding.run(3, count: 2, bitWidth: 2)),
        ])]
        cases.append(("index out of range", builder.build()))
        // A null value.
        builder.optional = true
        builder.rowGroups = [(2, [FixturePage(kind: .dataV1, valueCount: 2, encoding: 0,
                                              body: ParquetEncoding.u32(2) + ParquetEncoding.bitPacked([1, 0], bitWidth: 1) + ParquetEncoding.plain(["x"]))])]
        cases.append(("null", builder.build()))
        // An unsupported codec.
        builder.codec = 6
        builder.rowGroups = [(1, [FixturePage(kind: .dataV1, valueCount: 1, encoding: 0, body: ParquetEncoding.u32(2) + ParquetEncoding.run(1, count: 1, bitWidth: 1) + ParquetEncoding.plain(["x"]))])]
        cases.append(("zstd", builder.build()))

        for (label, bytes) in cases {
            do {
                _ = try ParquetReader.stringColumn(in: bytes, source: "bad.parquet")
                Issue.record("\(label): no error")
            } catch {
                #expect(error.description.hasPrefix("bad.parquet"), "\(label): \(error.description)")
                #expect(!error.description.contains("\n"), "\(label)")
            }
        }
        #expect(throws: EmbeddingError.self) { try ParquetReader.stringColumn(in: good, source: "f", column: "nope") }
    }

    /// Fuzz: random byte flips and truncations of a valid file never crash.
    @Test func corruptedFilesNeverCrash() {
        let good = Self.dictionaryFile()
        var generator = SystemRandomNumberGenerator()
        for trial in 0 ..< 400 {
            var bytes = good
            if trial % 3 == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0 ..< bytes.count, using: &generator)))
            } else {
                for _ in 0 ..< 1 + trial % 4 {
                    bytes[Int.random(in: 0 ..< bytes.count, using: &generator)] = UInt8.random(in: 0 ... 255, using: &generator)
                }
            }
            _ = try? ParquetReader.stringColumn(in: bytes, source: "fuzz")
        }
        #expect(Bool(true))
    }

    // MARK: The real GloVe vocabulary

    @Test func gloveVocabulary() throws {
        let url = try AssetStore().path("glove-6b-50d", file: "glove_6B_index.parquet")
        let words = try ParquetReader.readStringColumn(url)
        #expect(words.count == 400_000)
        #expect(Array(words.prefix(12)) == ["the", ",", ".", "of", "to", "and", "in", "a", "\"", "'s", "for", "-"])
        #expect(Set(words).count == 400_000)
        #expect(!words.contains { $0.isEmpty || $0.contains(" ") })
        // Vocabulary ranks from data.md §3 (0-based row indices).
        let ranks = ["respect": 1983, "justice": 868, "care": 757, "freedom": 1637, "autonomy": 5235, "privacy": 5310,
                     "dignity": 7885, "fairness": 12051, "honesty": 14559, "well-being": 29563, "wellbeing": 49911]
        for (word, rank) in ranks {
            #expect(words.firstIndex(of: word) == rank, "\(word)")
        }
    }
}
