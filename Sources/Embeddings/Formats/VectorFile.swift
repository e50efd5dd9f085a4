import Foundation

/// Loads a vector file of any supported format into a ``VectorSpace``.
public enum VectorFile {
    /// Loads `url`. `format` nil ⇒ ``VectorFileFormat/detect(_:)``. For `.npy`, `vocabulary` is the word file
    /// (one word per line, or `.parquet` with a string column); when nil, a sibling named `STEM.vocab`,
    /// `STEM.vocab.txt`, `STEM.words`, `STEM.txt` or `STEM.parquet` is used. `limit` keeps the first rows.
    public static func load(
        _ url: URL, format: VectorFileFormat? = nil, vocabulary: URL? = nil, limit: Int? = nil, name: String? = nil
    ) throws(EmbeddingError) -> VectorSpace {
        let name = name ?? url.lastPathComponent
        let resolved: VectorFileFormat
        if let format {
            try VectorFileFormat.check(url, as: format)
            resolved = format
        } else {
            resolved = try VectorFileFormat.detect(url)
        }
        switch resolved {
        case .word2vecText, .fastTextVec:
            return try Word2VecTextReader.read(url, header: .present, limit: limit, name: name)
        case .gloveText:
            return try Word2VecTextReader.read(url, header: .detect, limit: limit, name: name)
        case .word2vecBinary:
            return try Word2VecBinaryReader.read(url, limit: limit, name: name)
        case .npy:
            guard let vocab = vocabulary ?? siblingVocabulary(of: url) else {
                throw .invalid("\(url.path): an .npy matrix needs a vocabulary file (give PATH.npy+VOCAB, or put STEM.vocab, STEM.txt or STEM.parquet beside it)")
            }
            return try npy(url, vocabulary: vocab, limit: limit, name: name)
        }
    }

    /// An NPY matrix whose rows are the words of `vocabulary` (text, one word per line, or Parquet).
    /// A word listed twice keeps its first row; ``VectorSpace/warnings`` names the vocabulary file and both lines
    /// (both rows of a Parquet column).
    public static func npy(_ url: URL, vocabulary: URL, limit: Int? = nil, name: String) throws(EmbeddingError) -> VectorSpace {
        let (words, lines) = try readVocabularyLines(vocabulary)
        let locate: (Int) -> String = { row in
            lines.map { "\(vocabulary.path):\($0[row])" } ?? "\(vocabulary.path): row \(row + 1)"
        }
        let matrix = try NpyReader.read(url)
        guard matrix.rows == words.count else {
            throw .invalid("\(url.path) has \(matrix.rows) rows but its vocabulary \(vocabulary.path) has \(words.count) words")
        }
        if let limit, limit < matrix.rows {
            guard limit >= 0 else { throw .invalid("\(url.path): limit must be non-negative, got \(limit)") }
            return try VectorSpace(name: name, words: Array(words.prefix(limit)),
                                   vectors: Array(matrix.values.prefix(limit * matrix.columns)), dimension: matrix.columns,
                                   locate: locate)
        }
        return try VectorSpace(name: name, words: words, vectors: matrix.values, dimension: matrix.columns, locate: locate)
    }

    /// Words from a vocabulary file: `.parquet` ⇒ its first string column; otherwise one word per line (the
    /// first tab- or space-separated field, so `word count` files work), blank lines skipped.
    public static func readVocabulary(_ url: URL) throws(EmbeddingError) -> [String] {
        try readVocabularyLines(url).words
    }

    /// The words of a vocabulary file and, for a text file, the 1-based line of each (nil for Parquet).
    static func readVocabularyLines(_ url: URL) throws(EmbeddingError) -> (words: [String], lines: [Int]?) {
        if url.pathExtension.lowercased() == "parquet" { return (try ParquetReader.readStringColumn(url), nil) }
        let bytes = try FileBytes.read(url)
        var words: [String] = []
        var lines: [Int] = []
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let field = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }).first
            if let field {
                words.append(String(decoding: field, as: UTF8.self))
                lines.append(number + 1)
            }
        }
        guard !words.isEmpty else { throw .malformed("\(url.path): empty vocabulary file") }
        return (words, lines)
    }

    static func siblingVocabulary(of url: URL) -> URL? {
        let stem = url.deletingPathExtension()
        let fm = FileManager.default
        for ext in ["vocab", "vocab.txt", "words", "txt", "parquet"] {
            let candidate = URL(fileURLWithPath: stem.path + "." + ext)
            if fm.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
