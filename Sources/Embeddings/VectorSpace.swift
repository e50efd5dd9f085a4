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
    /// Duplicate words keep their first row (as gensim does) and are reported in `duplicates`.
    public init(name: String, words: [String], vectors: [Float], dimension: Int) throws(EmbeddingError) {
        guard dimension > 0 else { throw .invalid("\(name): dimension must be positive, got \(dimension)") }
        let (needed, overflow) = words.count.multipliedReportingOverflow(by: dimension)
        guard !overflow, vectors.count == needed else {
            throw .invalid("\(name): \(words.count) words × \(dimension) dimensions need \(overflow ? "too many" : String(needed)) values, got \(vectors.count)")
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(words.count)
        var duplicates: [String] = []
        for (i, w) in words.enumerated() {
            guard !w.isEmpty else { throw .invalid("\(name): word \(i) is empty") }
            // One hash lookup per word; a duplicate puts its first row back.
            if let first = index.updateValue(i, forKey: w) {
                index[w] = first
                duplicates.append(w)
            }
        }
        if let bad = VectorSpace.firstNonFinite(vectors) {
            throw .invalid("\(name): the vector of '\(words[bad / dimension])' holds a non-finite value")
        }
        self.name = name
        self.words = words
        self.vectors = vectors
        self.dimension = dimension
        self.index = index
        self.duplicates = duplicates
    }

    /// The index of the first NaN or infinity (exponent bits all ones), nil when every value is finite.
    private static func firstNonFinite(_ values: [Float]) -> Int? {
        values.withUnsafeBufferPointer { buf -> Int? in
            buf.withMemoryRebound(to: UInt32.self) { bits -> Int? in
                bits.firstIndex { $0 & 0x7F80_0000 == 0x7F80_0000 }
            }
        }
    }

    /// Words that appeared more than once (only the first occurrence is used).
    public let duplicates: [String]

    public var count: Int { words.count }

    public func contains(_ word: String) -> Bool { index[word] != nil }

    /// Row of `word`, nil when absent.
    public func row(of word: String) -> Int? { index[word] }

    /// The vector of `word`; a one-line error when it is not in the space.
    public func vector(for word: String) throws(EmbeddingError) -> [Float] {
        guard let r = index[word] else { throw .missingWord(word, space: name) }
        return Array(vectors[r * dimension ..< (r + 1) * dimension])
    }

    /// Unit-length rows (zero rows stay zero), computed once.
    public var normalizedVectors: [Float] {
        normalizedLock.lock()
        defer { normalizedLock.unlock() }
        if let normalizedStorage { return normalizedStorage }
        var out = vectors
        let d = dimension
        out.withUnsafeMutableBufferPointer { buf in
            for r in 0 ..< count {
                let row = buf.baseAddress! + r * d
                let n = vp_dot_f32(row, row, Int64(d)).squareRoot()
                if n > 0 { vp_scale_f32(row, 1 / n, Int64(d)) }
            }
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
