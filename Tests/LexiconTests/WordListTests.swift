import Lexicon
import Testing

@Suite struct WordListTests {
    @Test func readsWords() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("words.txt", "# value words\r\ndignity\r\n  fairness \r\n\r\nwell-being\ndignity\nice cream")
        #expect(try WordList.read(path: path) == ["dignity", "fairness", "well-being", "ice cream"])
        let empty = try dir.write("empty.txt", "# nothing\n\n")
        #expect(lexiconError { _ = try WordList.read(path: empty) }?.description == "\(empty):2: the word list is empty")
        #expect(lexiconError { _ = try WordList.read(path: dir.url.path) }?.description == "\(dir.url.path): is a directory, not a file")
    }
}
