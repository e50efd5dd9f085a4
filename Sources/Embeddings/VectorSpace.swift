import CKernels
import Foundation

/// A vocabulary and one vector per word: the common currency of every embedding space in ValueProbe
/// (pretrained files, trained word2vec/LSA, sentence encoders, an LLM's token embeddings), after gensim's
/// `KeyedVectors`.
///
/// Vectors are stored row-major in one contiguous buffer; a unit-length copy is made lazily for cosine queries.
public final class VectorSpace: @unchecked Sendable {
    /// A short name for reports ("glove-6b-50d", "word2vec-sg", "minilm", "smollm2-tokens", a file name …).
    public let name: String
    /// Words in row order.
    public let words: [String]
    public let dimension: Int
    /// Row-major vectors, `words.count × dimension`.
    public let vectors: [Float]
    private let index: [String: Int]
    private let normalizedLock = NSLock()
    private var normalizedStorage: [Float]?

    /// Creates a space; throws if the sizes disagree, a vector is not finite, or a word is empty.
    /// A word given twice keeps its first row (as gensim does); the later rows are dropped — so a word is never its
    /// own neighbour — and reported in ``duplicates`` and ``warnings`` (placed by `locate(row)`, e.g. `file:line`,
    /// when given).
    public init(name: String, words: [String], vectors: [Float], dimension: Int,
                locate: ((Int) -> String)? = nil) throws(EmbeddingError)
    {
        guard dimension > 0 else { throw .invalid("\(name): dimension must be positive, got \(dimension)") }
        let (needed, overflow) = words.count.multipliedReportingOverflow(by: dimension)
        guard !overflow, vectors.count == needed else {
            throw .invalid("\(name): \(words.count) words × \(dimension) dimensions need \(overflow ? "too many" : String(needed)) values, got \(vectors.count)")
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(words.count)
        var duplicates: [String] = []
        var warnings: [String] = []
        var dropped: [Int] = []
        for (i, w) in words.enumerated() {
            guard !w.isEmpty else { throw .invalid("\(name): word \(i) is empty") }
            // One hash lookup per word; a duplicate puts its first row back.
            if let first = index.updateValue(i, forKey: w) {
                index[w] = first
                duplicates.append(w)
                dropped.append(i)
                let here = locate?(i) ?? "\(name): row \(i + 1)"
                let there = locate?(first) ?? "row \(first + 1)"
                warnings.append("\(here): '\(w)' repeats the word of \(there); the first vector is kept")
            }
        }
        if let bad = VectorSpace.firstNonFinite(vectors) {
            throw .invalid("\(name): the vector of '\(words[bad / dimension])' holds a non-finite value")
        }
        self.name = name
        self.dimension = dimension
        self.duplicates = duplicates
        self.warnings = warnings
        if dropped.isEmpty {
            self.words = words
            self.vectors = vectors
            self.index = index
        } else {
            let drop = Set(dropped)
            var keptWords: [String] = [], keptVectors: [Float] = [], keptIndex: [String: Int] = [:]
            keptWords.reserveCapacity(words.count - drop.count)
            keptVectors.reserveCapacity(vectors.count - drop.count * dimension)
            for (i, w) in words.enumerated() where !drop.contains(i) {
                keptIndex[w] = keptWords.count
                keptWords.append(w)
                keptVectors.append(contentsOf: vectors[i * dimension ..< (i + 1) * dimension])
            }
            self.words = keptWords
            self.vectors = keptVectors
            self.index = keptIndex
        }
    }

    /// The index of the first NaN or infinity (exponent bits all ones), nil when every value is finite.
    private static func firstNonFinite(_ values: [Float]) -> Int? {
        values.withUnsafeBufferPointer { buf -> Int? in
            buf.withMemoryRebound(to: UInt32.self) { bits -> Int? in
                bits.firstIndex { $0 & 0x7F80_0000 == 0x7F80_0000 }
            }
        }
    }

    /// Words that appeared more than once (only the first occurrence is kept).
    public let duplicates: [String]
    /// What a reader should know about how the space was read, one line each (duplicate words, with where they
    /// were); empty for a clean file.
    public let warnings: [String]

    public var count: Int { words.count }

    public func contains(_ word: String) -> Bool { index[word] != nil }

    /// Row of `word`, nil when absent.
    public func row(of word: String) -> Int? { index[word] }

    /// The vector of `word`; a one-line error when it is not in the space.
    public func vector(for word: String) throws(EmbeddingError) -> [Float] {
        guard let r = index[word] else { throw .missingWord(word, space: name) }
        return Array(vectors[r * dimension ..< (r + 1) * dimension])
    }

    /// Unit-length rows (zero rows stay zero), computed once; right for any finite values, 1e-30 next to 3e38
    /// included (``UnitNormalizer``).
    public var normalizedVectors: [Float] {
        normalizedLock.lock()
        defer { normalizedLock.unlock() }
        if let normalizedStorage { return normalizedStorage }
        var out = vectors
        let d = dimension
        out.withUnsafeMutableBufferPointer { buf in
            for r in 0 ..< count { UnitNormalizer.normalize(buf.baseAddress! + r * d, count: d) }
        }
        normalizedStorage = out
        return out
    }

    /// Cosine similarity of two words.
    public func similarity(_ a: String, _ b: String) throws(EmbeddingError) -> Float {
        guard let ra = index[a] else { throw .missingWord(a, space: name) }
        guard let rb = index[b] else { throw .missingWord(b, space: name) }
        let n = normalizedVectors
        return n.withUnsafeBufferPointer { p in vp_dot_f32(p.baseAddress! + ra * dimension, p.baseAddress! + rb * dimension, Int64(dimension)) }
    }
}

/// Errors from embedding spaces, files and analyses; each description is one line.
public enum EmbeddingError: Error, CustomStringConvertible, Sendable, Equatable {
    case missingWord(String, space: String)
    /// Malformed file: what and where (file, line or byte offset).
    case malformed(String)
    /// Inconsistent or invalid data or arguments.
    case invalid(String)
    case io(String)

    public var description: String {
        switch self {
        case .missingWord(let w, let s): "'\(w)' is not in the vocabulary of \(s)"
        case .malformed(let m), .invalid(let m), .io(let m): m
        }
    }
}
