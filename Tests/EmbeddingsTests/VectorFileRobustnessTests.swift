import Foundation
import Statistics
import Testing

@testable import Embeddings

/// Vector files that used to give wrong answers or misleading errors: extreme finite values, repeated words in every
/// reader, and files in formats ValueProbe does not read.
@Suite("vector files: extreme values, repeated words, unknown formats")
struct VectorFileRobustnessTests {
    /// cos(a, b) in double precision: every finite `Float` squared is a normal `Double`, so this plain formula is
    /// exact to ~1e-15 for any row, the reference the single-precision path is held to.
    static func referenceCosine(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Double {
        var dot = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            aa += Double(x) * Double(x)
            bb += Double(y) * Double(y)
        }
        return aa > 0 && bb > 0 ? dot / (aa * bb).squareRoot() : 0
    }

    /// Rows whose magnitudes span 1e-38 … 3e38: some rows all tiny, some all huge, most mixing both.
    static func extremeRows(count: Int, dimension d: Int, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        var values: [Float] = []
        for r in 0 ..< count {
            let (low, high): (Double, Double) = r % 3 == 0 ? (-38, -20) : r % 3 == 1 ? (20, 38.5) : (-38, 38.5)
            for _ in 0 ..< d {
                let exponent = low + (high - low) * rng.nextDouble()
                let sign: Double = rng.next() & 1 == 0 ? 1 : -1
                values.append(Float(min(3.4e38, sign * pow(10, exponent))))
            }
        }
        return values
    }

    @Test("cosines of rows mixing 1e-30 and 3e38 match a double-precision reference (similarity and neighbour search)")
    func extremeCosinesAgainstDoubleReference() throws {
        let n = 60, d = 8
        var values = Self.extremeRows(count: n, dimension: d, seed: 7)
        // The issue's case verbatim: 1e-30 next to 3e38, and a row that only differs by a huge factor.
        values += [1e-30, 3e38, 1e-30, 3e38, 1e-30, 3e38, 1e-30, 3e38]
        values += [3e-30, 9e-30, 3e-30, 9e-30, 3e-30, 9e-30, 3e-30, 9e-30]
        let words = (0 ..< n + 2).map { "w\($0)" }
        let space = try VectorSpace(name: "x", words: words, vectors: values, dimension: d)
        #expect(values.allSatisfy { $0.isFinite })

        var worst = 0.0
        for i in 0 ..< space.count {
            for j in 0 ..< space.count {
                let expected = Self.referenceCosine(values[i * d ..< (i + 1) * d], values[j * d ..< (j + 1) * d])
                let got = Double(try space.similarity(words[i], words[j]))
                worst = max(worst, abs(got - expected))
            }
        }
        #expect(worst < 5e-6, "largest cosine error \(worst)")
        // 3e38 dominates its row, so the issue's row points along (0, 1, 0, 1, …), like the row 3:9.
        let last = words[n], twin = words[n + 1]
        let direct = Self.referenceCosine(values[n * d ..< (n + 1) * d], values[(n + 1) * d ..< (n + 2) * d])
        #expect(abs(Double(try space.similarity(last, twin)) - direct) < 5e-6)

        // Neighbour search (blocked SIMD kernel over the normalised rows) ranks by the same cosines.
        let search = NeighborSearch(space: space, threads: 2)
        for query in [0, 1, 2, n] {
            let found = try search.nearest(toRows: [query], k: 5)[0]
            let ranked = (0 ..< space.count).filter { $0 != query }.map {
                ($0, Self.referenceCosine(values[query * d ..< (query + 1) * d], values[$0 * d ..< ($0 + 1) * d]))
            }.sorted { $0.1 > $1.1 }
            for (neighbor, reference) in zip(found, ranked) {
                #expect(abs(Double(neighbor.cosine) - reference.1) < 5e-6, "query \(query): \(neighbor) vs \(reference)")
            }
            #expect(found.first?.row == ranked.first?.0, "query \(query)")
        }
        // A raw query vector (not normalised by the space) with values that overflow f32 when squared.
        let raw = Array(values[n * d ..< (n + 1) * d])
        let byVector = try search.nearest(toVectors: raw, k: 3, excluding: [n])[0]
        let byRow = try search.nearest(toRows: [n], k: 3)[0]
        #expect(byVector.map(\.row) == byRow.map(\.row))
        #expect(zip(byVector, byRow).allSatisfy { abs($0.cosine - $1.cosine) < 1e-6 })
        #expect(byVector.allSatisfy { $0.cosine.isFinite && $0.cosine > 0 })
    }

    @Test("a word listed twice in a word2vec binary file keeps its first vector; the warning names both entries")
    func binaryDuplicates() throws {
        var bytes = Array("3 2\n".utf8)
        bytes += Array("a ".utf8) + leBytes([1, 0]) + [0x0A]
        bytes += Array("b ".utf8) + leBytes([0, 1]) + [0x0A]
        bytes += Array("a ".utf8) + leBytes([0, 1]) + [0x0A]
        let space = try Word2VecBinaryReader.parse(bytes, source: "d.bin", name: "d")
        #expect(space.words == ["a", "b"])
        #expect(try space.vector(for: "a") == [1, 0])
        #expect(space.warnings == ["d.bin: entry 3 (byte 26): 'a' repeats the word of d.bin: entry 1 (byte 4); the first vector is kept"])
        // The repeat's vector equals b's: had it been kept, 'a' would be its own (or b's perfect) neighbour.
        #expect(try space.nearestNeighbors(of: "a", k: 5).map(\.word) == ["b"])
        #expect(abs(try space.similarity("a", "b")) < 1e-7)
    }

    @Test("a word listed twice in the vocabulary of an .npy matrix: the warning names the vocabulary file and lines")
    func npyVocabularyDuplicates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let npy = try directory.file("m.npy", NpyFixture.file(shape: [3, 2], data: NpyFixture.f32([1, 0, 0, 1, 1, 1])))
        let vocabulary = try directory.file("m.vocab", "alpha\n\nbeta\nalpha\n")
        let space = try VectorFile.load(npy)
        #expect(space.words == ["alpha", "beta"])
        #expect(try space.vector(for: "alpha") == [1, 0])
        #expect(space.warnings == ["\(vocabulary.path):4: 'alpha' repeats the word of \(vocabulary.path):1; the first vector is kept"])
    }

    @Test("files ValueProbe does not read are named as what they are, by detection and with an explicit format")
    func unknownFormatsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // gensim 4's KeyedVectors.save: a protocol-4 pickle of gensim.models.keyedvectors.KeyedVectors.
        let opening: [UInt8] = [0x80, 0x04, 0x95, 0x2E, 0x01, 0, 0, 0, 0, 0, 0, 0x8C, 0x1A]
        let module = Array("gensim.models.keyedvectors".utf8), className = Array("KeyedVectors".utf8)
        let gensim4: [UInt8] = opening + module + [0x94, 0x8C, 0x0C] + className + [0x94, 0x93, 0x94]
        // Old gensim (Python 2 era) saved with protocol 0/2; protocol 0 is text that starts with a global opcode.
        let protocol0 = Array("ccopy_reg\n_reconstructor\np0\n(cgensim.models.keyedvectors\nKeyedVectors\np1\n".utf8)
        let safetensors: [UInt8] = [0x20, 0, 0, 0, 0, 0, 0, 0] + Array(#"{"embeddings":{"dtype":"F32"}}  "#.utf8)
        var junk: [UInt8] = []
        var rng = SeededGenerator(seed: 3)
        for _ in 0 ..< 600 { junk.append(UInt8(truncatingIfNeeded: rng.next())) }
        let cases: [(String, [UInt8], String)] = [
            ("vectors.kv", gensim4, "looks like a gensim native KeyedVectors pickle"),
            ("vectors.model", gensim4, "model.wv.save_word2vec_format(PATH"),
            ("vectors.txt", protocol0, "looks like a gensim native KeyedVectors pickle"),
            ("vectors.pkl", [0x80, 0x03] + Array("cnumpy".utf8), "a Python pickle"),
            ("vectors.txt.gz", [0x1F, 0x8B, 0x08, 0x00], "compressed with gzip; ValueProbe reads vector files uncompressed: decompress it first (gunzip FILE)"),
            ("vectors.bz2", Array("BZh91AY&SY".utf8), "compressed with bzip2"),
            ("vectors.xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], "compressed with xz"),
            ("vectors.zst", [0x28, 0xB5, 0x2F, 0xFD, 0x04], "compressed with zstd"),
            ("model.gguf", Array("GGUF".utf8) + [3, 0, 0, 0], "a GGUF model file"),
            ("model.safetensors", safetensors, "a safetensors file"),
            ("vectors.txt", Array("the 0.1 0.2\n".utf8) + junk, "binary data at byte"),
            ("vectors.vec", Array("2 2\nthe \u{0}0.1 0.2\n".utf8), "binary data at byte 8"),
        ]
        for (name, bytes, message) in cases {
            let url = try directory.file(name, bytes)
            for format in [nil, VectorFileFormat.gloveText] {
                do {
                    _ = try VectorFile.load(url, format: format)
                    Issue.record("\(name) (\(format?.rawValue ?? "detected")) was accepted")
                } catch {
                    #expect(error.description.hasPrefix(url.path + ": ") && error.description.contains(message),
                            "\(name) (\(format?.rawValue ?? "detected")): \(error)")
                    #expect(!error.description.contains("not a finite number"), "\(name): \(error)")
                    #expect(!error.description.contains("\n"))
                }
            }
        }
    }

    @Test("text files with a stray control character or Latin-1 bytes in a word still load")
    func textThatOnlyLooksOdd() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try directory.file("odd.txt", Array("caf\u{1}e 0.5 1\n".utf8) + [0x6E, 0x61, 0xEF, 0x76, 0x65] + Array(" 1 0.5\n".utf8))
        let space = try VectorFile.load(url)
        #expect(space.count == 2 && space.dimension == 2)
        #expect(space.words[0] == "caf\u{1}e")
    }
}
