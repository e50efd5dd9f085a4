import Foundation
import Testing

@testable import Embeddings

/// Temporary files for format tests.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vp-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let f = url.appendingPathComponent(name)
        try Data(bytes).write(to: f)
        return f
    }

    func file(_ name: String, _ text: String) throws -> URL { try file(name, Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Little-endian float32 bytes.
func leBytes(_ values: [Float]) -> [UInt8] {
    values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
}

@Suite("word2vec, GloVe and fastText text/binary formats")
struct FormatTextTests {
    @Test func word2vecTextWithTrailingSpacesAndCRLF() throws {
        // word2vec.c writes "%lf " per value: a space before every newline.
        let text = "3 2\r\n</s> 0.001 -0.002 \r\nvalue 1.5 -2.25 \r\nnaïve 3e-2 4 \r\n"
        let space = try Word2VecTextReader.parse(Array(text.utf8), source: "v.txt", header: .detect, name: "v")
        #expect(space.words == ["</s>", "value", "naïve"])
        #expect(space.dimension == 2)
        #expect(space.vectors == [0.001, -0.002, 1.5, -2.25, 0.03, 4])
    }

    @Test func gloveTextWithoutHeader() throws {
        let text = "the 0.418 0.24968 -0.41242\nö 1 2 3\nहु -1 -2 -3\n\n"
        let space = try Word2VecTextReader.parse(Array(text.utf8), source: "g.txt", header: .detect, name: "g")
        #expect(space.words == ["the", "ö", "हु"])
        #expect(space.dimension == 3)
        #expect(try space.vector(for: "the") == [0.418, 0.24968, -0.41242])
        // A GloVe word with a space (glove.840B has a few).
        let spaced = try Word2VecTextReader.parse(Array("a 1 2\nat home 3 4\n".utf8), source: "s.txt", header: .absent, name: "s")
        #expect(spaced.words == ["a", "at home"])
    }

    @Test func fastTextVecAndLimit() throws {
        let text = "4 3\nfoo 1 2 3\nbar 4 5 6\nbaz 7 8 9\nqux 1 1 1\n"
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = try dir.file("model.vec", text)
        #expect(try VectorFileFormat.detect(url) == .fastTextVec)
        let full = try VectorFile.load(url)
        #expect(full.count == 4)
        let limited = try VectorFile.load(url, limit: 2)
        #expect(limited.words == ["foo", "bar"])
        #expect(limited.vectors == [1, 2, 3, 4, 5, 6])
    }

    @Test func binaryWithAndWithoutTrailingNewline() throws {
        let vectors: [[Float]] = [[0.5, -1.25, 3], [1e-3, 2e10, -0.0], [7, 8, 9]]
        let words = ["</s>", "naïve", "w"]
        for newline in [true, false] {
            var bytes = Array("3 3\n".utf8)
            for (w, v) in zip(words, vectors) {
                bytes += Array(w.utf8) + [0x20] + leBytes(v)
                if newline { bytes.append(0x0A) }
            }
            let space = try Word2VecBinaryReader.parse(bytes, source: "b.bin", name: "b")
            #expect(space.words == words)
            #expect(space.vectors == vectors.flatMap { $0 })
            let limited = try Word2VecBinaryReader.parse(bytes, source: "b.bin", limit: 1, name: "b")
            #expect(limited.words == ["</s>"])
            #expect(VectorFileFormat.sniff(bytes) == .word2vecBinary)
        }
    }

    @Test func writersRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let words = ["the", "naïve", "हु", "well-being", "</s>"] + (0 ..< 50).map { "w\($0)" }
        let d = 7
        let values = (0 ..< words.count * d).map { _ in Float.random(in: -3 ... 3, using: &generator) } + []
        var edge = values
        edge[0] = 1e-30
        edge[1] = -0.0
        edge[2] = 3.4e38
        edge[3] = .leastNonzeroMagnitude
        let space = try VectorSpace(name: "r", words: words, vectors: edge, dimension: d)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }

        let text = dir.url.appendingPathComponent("r.txt")
        try Word2VecWriter.writeText(space, to: text)
        #expect(try VectorFileFormat.detect(text) == .word2vecText)
        let t = try VectorFile.load(text)
        #expect(t.words == words && t.vectors.map(\.bitPattern) == edge.map(\.bitPattern))

        let glove = dir.url.appendingPathComponent("g.txt")
        try Word2VecWriter.writeText(space, to: glove, header: false)
        #expect(try VectorFileFormat.detect(glove) == .gloveText)
        let g = try VectorFile.load(glove)
        #expect(g.words == words && g.vectors.map(\.bitPattern) == edge.map(\.bitPattern))

        for newline in [true, false] {
            let bin = dir.url.appendingPathComponent("r\(newline).bin")
            try Word2VecWriter.writeBinary(space, to: bin, trailingNewline: newline)
            let b = try VectorFile.load(bin)
            #expect(b.words == words && b.vectors.map(\.bitPattern) == edge.map(\.bitPattern))
            // Binary content in a .txt-less file is still recognised by sniffing.
            let renamed = dir.url.appendingPathComponent("r\(newline).data")
            try FileManager.default.copyItem(at: bin, to: renamed)
            #expect(try VectorFileFormat.detect(renamed) == .word2vecBinary)
        }
        let spaced = try VectorSpace(name: "s", words: ["a b"], vectors: [1], dimension: 1)
        #expect(throws: EmbeddingError.self) { try Word2VecWriter.textBytes(spaced) }
    }

    @Test func duplicatesKeepTheFirstVector() throws {
        let space = try Word2VecTextReader.parse(Array("a 1 2\nb 3 4\n\na 5 6\n".utf8), source: "d.txt", name: "d")
        #expect(space.duplicates == ["a"])
        #expect(try space.vector(for: "a") == [1, 2])
        // The repeat is dropped, so a word is never its own neighbour, and the warning says where it was.
        #expect(space.words == ["a", "b"] && space.vectors == [1, 2, 3, 4])
        #expect(space.warnings == ["d.txt:4: 'a' repeats the word of d.txt:1; the first vector is kept"])
        #expect(try space.nearestNeighbors(of: "a", k: 5).map(\.word) == ["b"])
        let clean = try Word2VecTextReader.parse(Array("a 1 2\nb 3 4\n".utf8), source: "c.txt", name: "c")
        #expect(clean.warnings.isEmpty)
    }

    @Test("cosines stay right with extreme finite values (norms that over- or underflow in f32)")
    func extremeValues() throws {
        let space = try VectorSpace(name: "x", words: ["tiny", "huge", "mixed", "plain", "zero"], vectors: [
            1e-30, 2e-30, 3e-30,
            3e38, 2e38, 1e38,
            1e-30, 3e38, 0,
            1, 2, 3,
            0, 0, 0,
        ], dimension: 3)
        let unit = space.normalizedVectors
        for row in 0 ..< 4 {
            let norm = (0 ..< 3).map { Double(unit[row * 3 + $0]) }.map { $0 * $0 }.reduce(0, +).squareRoot()
            #expect(abs(norm - 1) < 1e-5, "row \(row): \(norm)")
        }
        #expect(abs(try space.similarity("tiny", "plain") - 1) < 1e-5)  // same direction (1, 2, 3)
        #expect(abs(try space.similarity("huge", "plain") - Float(10.0 / 14)) < 1e-5)
        #expect(abs(try space.similarity("mixed", "plain") - Float(2 / 14.0.squareRoot())) < 1e-5)
        #expect(unit[12 ..< 15].allSatisfy { $0 == 0 })
    }

    @Test("files ValueProbe does not read are named, with how to convert them")
    func unsupportedFormats() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cases: [(String, [UInt8], String)] = [
            ("vectors.kv", [0x80, 0x04, 0x95, 0x10, 0x00], "a Python pickle (gensim's KeyedVectors.save"),
            ("vectors.txt", [0x80, 0x02, 0x63, 0x67], "a Python pickle"),
            ("vectors.npz", [0x50, 0x4B, 0x03, 0x04, 0x14], "a zip archive"),
            ("vectors.h5", [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A], "an HDF5 file"),
        ]
        for (name, bytes, message) in cases {
            let url = try directory.file(name, bytes)
            do {
                _ = try VectorFileFormat.detect(url)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.description.hasPrefix(url.path + ": ") && error.description.contains(message), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func malformedTextInputs() {
        let cases: [(String, String, Word2VecTextReader.Header, String)] = [
            ("empty", "", .detect, "empty file"),
            ("blank", "\n\n  \n", .detect, "empty file"),
            ("short row", "2 3\na 1 2 3\nb 1 2\n", .detect, "e.txt:3:"),
            ("long row", "2 3\na 1 2 3\nb 1 2 3 4\n", .detect, "e.txt:3:"),
            ("glove wrong dim", "a 1 2 3\nb 1 2\n", .absent, "e.txt:2:"),
            ("non-numeric", "2 3\na 1 2 3\nb 1 x 3\n", .detect, "e.txt:3: column 5"),
            ("nan", "1 2\na nan 1\n", .detect, "e.txt:2:"),
            ("inf", "a inf 1\n", .absent, "e.txt:1:"),
            ("hex", "a 0x10 1\n", .absent, "e.txt:1:"),
            ("fewer rows", "3 2\na 1 2\nb 3 4\n", .detect, "declares 3 vectors"),
            ("more rows", "1 2\na 1 2\nb 3 4\n", .detect, "e.txt:3:"),
            ("missing header", "a 1 2\n", .present, "e.txt:1:"),
            ("zero dim", "2 0\n", .detect, "e.txt:1:"),
            ("word only", "word\n", .absent, "e.txt:1:"),
            ("huge dimension", "1 100000000000000000\nw 1\n", .detect, "e.txt:2:"),
        ]
        for (label, text, header, fragment) in cases {
            do {
                _ = try Word2VecTextReader.parse(Array(text.utf8), source: "e.txt", header: header, name: "e")
                Issue.record("\(label): no error")
            } catch {
                #expect(error.description.hasPrefix("e.txt"), "\(label): \(error.description)")
                #expect(error.description.contains(fragment), "\(label): \(error.description)")
                #expect(!error.description.contains("\n"), "\(label)")
            }
        }
    }

    @Test func malformedBinaryInputs() {
        let good = Array("2 2\n".utf8) + Array("a ".utf8) + leBytes([1, 2]) + [0x0A] + Array("b ".utf8) + leBytes([3, 4]) + [0x0A]
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "empty file"),
            ("no header newline", Array("2 2".utf8), "no newline"),
            ("bad header", Array("two 2\n".utf8), "e.bin:1:"),
            ("truncated vector", Array(good.dropLast(3)), "truncated"),
            ("truncated word", Array(good.prefix(4 + 2 + 8 + 1 + 1)), "truncated"),
            ("more data", good + Array("c ".utf8) + leBytes([5, 6]), "more data follows"),
            ("huge dimension", Array("1 100000000000000\nw ".utf8), "truncated"),
            ("nan", Array("1 1\nw ".utf8) + leBytes([.nan]), "non-finite"),
        ]
        for (label, bytes, fragment) in cases {
            do {
                _ = try Word2VecBinaryReader.parse(bytes, source: "e.bin", name: "e")
                Issue.record("\(label): no error")
            } catch {
                #expect(error.description.hasPrefix("e.bin"), "\(label): \(error.description)")
                #expect(error.description.contains(fragment), "\(label): \(error.description)")
            }
        }
    }

    @Test func fuzzedTextAndBinaryNeverCrash() throws {
        let space = try VectorSpace(name: "f", words: ["a", "bb", "ccc"], vectors: (0 ..< 9).map(Float.init), dimension: 3)
        let seeds = [try Word2VecWriter.textBytes(space), try Word2VecWriter.binaryBytes(space)]
        var generator = SystemRandomNumberGenerator()
        for trial in 0 ..< 600 {
            var bytes = seeds[trial % 2]
            if trial % 3 == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0 ..< bytes.count, using: &generator)))
            } else {
                bytes[Int.random(in: 0 ..< bytes.count, using: &generator)] = UInt8.random(in: 0 ... 255, using: &generator)
            }
            _ = try? Word2VecTextReader.parse(bytes, source: "f", name: "f")
            _ = try? Word2VecBinaryReader.parse(bytes, source: "f", name: "f")
        }
        #expect(Bool(true))
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: EmbeddingError.self) { try VectorFile.load(URL(fileURLWithPath: "/nonexistent/x.txt")) }
    }
}
