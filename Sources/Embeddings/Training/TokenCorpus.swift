import Foundation

/// A tokenised corpus held in memory: every distinct word with its count (in first-seen order) and the corpus as
/// word ids, cut into lines. Both trainers read it; the file format is that of gensim's `LineSentence` (tokens
/// separated by whitespace, one sentence or document per line), which ``CorpusBuilder`` writes.
public struct TokenCorpus: Sendable {
    /// Distinct words in first-seen order (the id of a word is its position).
    public let words: [String]
    /// Occurrences of each word.
    public let counts: [Int]
    /// The corpus as word ids.
    public let tokens: [Int32]
    /// `tokens[lineStarts[i] ..< lineStarts[i + 1]]` is line `i`; lines without tokens are not kept.
    public let lineStarts: [Int]

    public var tokenCount: Int { tokens.count }
    public var lineCount: Int { lineStarts.count - 1 }

    /// Reads a corpus file: tokens are separated by spaces, tabs or carriage returns, lines by line feeds. Bytes are
    /// taken as they are (no lowercasing); invalid UTF-8 in a word is replaced when the word is turned into text.
    public init(contentsOf url: URL) throws(EmbeddingError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .io("\(url.path): cannot read the corpus (\(error.localizedDescription))")
        }
        var table = ByteWordTable(capacity: 1 << 18)
        var tokens: [Int32] = []
        tokens.reserveCapacity(data.count / 5)
        var lineStarts: [Int] = [0]
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            var i = 0
            while i < n {
                let b = base[i]
                if b == 0x0A {
                    if tokens.count > lineStarts[lineStarts.count - 1] { lineStarts.append(tokens.count) }
                    i += 1
                    continue
                }
                if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C {
                    i += 1
                    continue
                }
                let start = i
                while i < n {
                    let c = base[i]
                    if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C { break }
                    i += 1
                }
                tokens.append(table.add(UnsafeBufferPointer(start: base + start, count: i - start)))
            }
        }
        if tokens.count > lineStarts[lineStarts.count - 1] { lineStarts.append(tokens.count) }
        self.words = (0 ..< table.count).map { table.word($0) }
        self.counts = table.counts
        self.tokens = tokens
        self.lineStarts = lineStarts
    }

    /// A corpus from already tokenised lines (tests, small in-memory inputs). Empty lines are dropped.
    public init(lines: [[String]]) {
        var index: [String: Int32] = [:]
        var words: [String] = []
        var counts: [Int] = []
        var tokens: [Int32] = []
        var lineStarts: [Int] = [0]
        for line in lines {
            for w in line where !w.isEmpty {
                if let id = index[w] {
                    counts[Int(id)] += 1
                    tokens.append(id)
                } else {
                    let id = Int32(words.count)
                    index[w] = id
                    words.append(w)
                    counts.append(1)
                    tokens.append(id)
                }
            }
            if tokens.count > lineStarts[lineStarts.count - 1] { lineStarts.append(tokens.count) }
        }
        self.words = words
        self.counts = counts
        self.tokens = tokens
        self.lineStarts = lineStarts
    }
}
