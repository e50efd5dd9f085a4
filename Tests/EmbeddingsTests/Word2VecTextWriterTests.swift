@testable import Embeddings
import Foundation
import Testing

@Suite("Word2Vec text writer")
struct Word2VecTextWriterTests {
    @Test func writesHeaderAndRowsThatReadBackExactly() throws {
        let values: [Float] = [0.1, -2.5e-7, 3, 1 / 3, -0, 123456.79]
        let space = try VectorSpace(name: "t", words: ["well-being", "é"], vectors: values, dimension: 3)
        let dir = try CorpusTestSupport.temporaryDirectory("w2v-writer")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("v.txt")
        try Word2VecTextWriter.write(space, to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == "2 3")
        var parsed: [Float] = []
        for (i, line) in lines[1 ... 2].enumerated() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            #expect(fields.count == 4)
            #expect(String(fields[0]) == space.words[i])
            parsed += fields.dropFirst().compactMap { Float(String($0)) }
        }
        #expect(parsed == values)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["v.txt"])
    }

    @Test func wordsWithSpacesAreRefused() throws {
        let space = try VectorSpace(name: "t", words: ["new york"], vectors: [1], dimension: 1)
        #expect(throws: EmbeddingError.self) {
            try Word2VecTextWriter.write(space, to: FileManager.default.temporaryDirectory.appendingPathComponent("never.txt"))
        }
    }
}
