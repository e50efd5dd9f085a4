import Foundation
import Testing

@testable import Embeddings

@Suite("Space specs, the resolver and value words", .serialized)
struct FormatSpaceSpecTests {
    @Test func parsesEveryForm() throws {
        #expect(try SpaceSpec(parsing: "glove") == .glove)
        #expect(try SpaceSpec(parsing: "GloVe-6B-50d") == .glove)
        #expect(try SpaceSpec(parsing: "minilm") == .minilm)
        #expect(try SpaceSpec(parsing: "tokens:local:smollm2") == .tokens(model: "local:smollm2"))
        #expect(try SpaceSpec(parsing: "w2v:out/model.bin") == .trained(method: "w2v", path: "out/model.bin"))
        #expect(try SpaceSpec(parsing: "lsa:lsa.txt") == .trained(method: "lsa", path: "lsa.txt"))
        #expect(try SpaceSpec(parsing: "vectors.txt") == .file(path: "vectors.txt", format: nil, vocabulary: nil))
        #expect(try SpaceSpec(parsing: "/data/m.npy+/data/vocab.txt") == .file(path: "/data/m.npy", format: .npy, vocabulary: "/data/vocab.txt"))
        #expect(try SpaceSpec(parsing: "word2vec-bin:x") == .file(path: "x", format: .word2vecBinary, vocabulary: nil))
        #expect(try SpaceSpec(parsing: "fasttext:a.vec") == .file(path: "a.vec", format: .fastTextVec, vocabulary: nil))
        for bad in ["", "banana", "nosuchprefix:thing", "tokens:"] {
            do {
                _ = try SpaceSpec(parsing: bad)
                Issue.record("no error for '\(bad)'")
            } catch {
                #expect(error.description.contains("glove"), "lists forms: \(error.description)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func registeredLoadersPlugIn() throws {
        SpaceResolver.register(prefix: "testspace") { argument, context in
            try VectorSpace(name: "test:\(argument)", words: context.words.isEmpty ? ["x"] : context.words,
                            vectors: Array(repeating: 1, count: max(1, context.words.count)), dimension: 1)
        }
        #expect(SpaceResolver.registeredPrefixes.contains("testspace"))
        #expect(try SpaceSpec(parsing: "testspace:abc") == .registered(prefix: "testspace", argument: "abc"))
        let space = try SpaceResolver(words: ["p", "q"]).resolve("testspace:abc")
        #expect(space.name == "test:abc" && space.words == ["p", "q"])
        #expect(throws: EmbeddingError.self) { try SpaceResolver().resolve(SpaceSpec.registered(prefix: "unregistered", argument: "")) }
    }

    @Test func resolvesFilesAndTrainedFallback() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = try dir.file("v.txt", "2 2\na 1 0\nb 0 1\n")
        let resolver = SpaceResolver()
        #expect(try resolver.resolve(url.path).words == ["a", "b"])
        #expect(try resolver.resolve("w2v:\(url.path)").name == "w2v:v.txt")
        #expect(throws: EmbeddingError.self) { try resolver.resolve(dir.url.appendingPathComponent("none.txt").path) }
    }

    @Test func valueWordLists() throws {
        #expect(ValueWords.default.count >= 20)
        let names = ValueWords.default.map(\.word)
        for w in ["dignity", "fairness", "well-being", "autonomy", "privacy", "honesty", "justice", "care"] { #expect(names.contains(w)) }
        let space = try VectorSpace(name: "v", words: ["wellbeing", "dignity"], vectors: [1, 2], dimension: 1)
        #expect(ValueWords.resolve([ValueWord("well-being", "wellbeing"), ValueWord("dignity"), ValueWord("absent")], in: space) == ["wellbeing", "dignity"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let list = try ValueWords.read(dir.file("w.txt", "# values\ndignity\n\nwell-being | wellbeing\n"))
        #expect(list == [ValueWord("dignity"), ValueWord("well-being", "wellbeing")])
        #expect(throws: EmbeddingError.self) { try ValueWords.read(dir.file("e.txt", "# nothing\n")) }
    }
}
