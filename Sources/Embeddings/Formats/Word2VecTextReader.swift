import Foundation

/// Reads whitespace-separated text vector files: word2vec text (header `"<count> <dimension>"`), fastText `.vec`
/// (the same) and GloVe text (no header; the dimension is inferred from the first line).
///
/// Per line: a word and `dimension` numbers separated by spaces or tabs. Trailing white space (word2vec.c writes a
/// space before each newline), CR of CRLF files, a UTF-8 byte-order mark and blank lines are ignored. When a line
/// has more fields than `dimension + 1`, the leading fields joined by single spaces form the word (some GloVe
/// releases have words with spaces). Invalid UTF-8 in words is replaced by U+FFFD. Duplicate words keep their
/// first vector; ``VectorSpace/warnings`` says where each repeat was (`file:line`).
public enum Word2VecTextReader {
    /// Whether the file starts with a `"<count> <dimension>"` header.
    public enum Header: Sendable, Equatable {
        /// word2vec / fastText: a header is required.
        case present
        /// GloVe: no header.
        case absent
        /// Decide by the first line: exactly two non-negative integers ⇒ header.
        case detect
    }

    /// Reads the file at `url`. `limit` keeps only the first `limit` vectors; `name` defaults to the file name.
    public static func read(
        _ url: URL, header: Header = .detect, limit: Int? = nil, name: String? = nil
    ) throws(EmbeddingError) -> VectorSpace {
        try parse(FileBytes.read(url), source: url.path, header: header, limit: limit, name: name ?? url.lastPathComponent)
    }

    /// Parses the bytes of a text vector file; `source` names it in errors.
    public static func parse(
        _ bytes: [UInt8], source: String, header: Header = .detect, limit: Int? = nil, name: String
    ) throws(EmbeddingError) -> VectorSpace {
        if let limit, limit < 0 { throw .invalid("\(source): limit must be non-negative, got \(limit)") }
        var words: [String] = []
        var lines: [Int32] = []
        var vectors: [Float] = []
        var dimension: Int?
        var declaredCount: Int?
        var lineNumber = 0
        var sawFirstLine = false
        var fieldStarts: [Int] = []
        var fieldEnds: [Int] = []

        try bytes.withUnsafeBufferPointer { (buf: UnsafeBufferPointer<UInt8>) throws(EmbeddingError) in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            var p = 0
            if n >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { p = 3 }
            while p < n {
                if let limit, words.count >= limit { break }
                lineNumber += 1
                let lineStart = p
                while p < n, base[p] != 0x0A { p += 1 }
                let lineEnd = p
                p += 1
                // Split into fields on spaces, tabs and CR.
                fieldStarts.removeAll(keepingCapacity: true)
                fieldEnds.removeAll(keepingCapacity: true)
                var i = lineStart
                while i < lineEnd {
                    while i < lineEnd, isSeparator(base[i]) { i += 1 }
                    if i >= lineEnd { break }
                    let s = i
                    while i < lineEnd, !isSeparator(base[i]) { i += 1 }
                    fieldStarts.append(s)
                    fieldEnds.append(i)
                }
                if fieldStarts.isEmpty { continue }

                if !sawFirstLine {
                    sawFirstLine = true
                    let isHeader: Bool
                    let integers = fieldStarts.count == 2
                        ? (FloatParsing.integer(bytes[fieldStarts[0] ..< fieldEnds[0]]), FloatParsing.integer(bytes[fieldStarts[1] ..< fieldEnds[1]]))
                        : (nil, nil)
                    switch header {
                    case .present:
                        guard let c = integers.0, let d = integers.1 else {
                            throw .malformed("\(source):\(lineNumber): expected a header '<count> <dimension>'")
                        }
                        declaredCount = c
                        dimension = d
                        isHeader = true
                    case .absent:
                        isHeader = false
                    case .detect:
                        if let c = integers.0, let d = integers.1 {
                            declaredCount = c
                            dimension = d
                            isHeader = true
                        } else {
                            isHeader = false
                        }
                    }
                    if isHeader {
                        guard let d = dimension, d > 0 else {
                            throw .malformed("\(source):\(lineNumber): header dimension must be positive")
                        }
                        if let c = declaredCount {
                            let reserve = min(c, limit ?? c, bytes.count / (2 * d + 2) + 1)
                            words.reserveCapacity(reserve)
                            vectors.reserveCapacity(min(reserve * d, bytes.count / 2 + 1))
                        }
                        continue
                    }
                    guard fieldStarts.count >= 2 else {
                        throw .malformed("\(source):\(lineNumber): expected a word followed by numbers, found one field")
                    }
                    dimension = fieldStarts.count - 1
                }
                guard let d = dimension else { continue }
                if let c = declaredCount, words.count >= c {
                    throw .malformed("\(source):\(lineNumber): the header declares \(c) vectors but more lines follow")
                }
                let fields = fieldStarts.count
                guard fields >= d + 1 else {
                    throw .malformed("\(source):\(lineNumber): expected a word and \(d) values, found \(fields) field\(fields == 1 ? "" : "s")")
                }
                let wordFields = fields - d
                if wordFields > 1 {
                    for f in 1 ..< wordFields where FloatParsing.float(base + fieldStarts[f], count: fieldEnds[f] - fieldStarts[f]) != nil {
                        throw .malformed("\(source):\(lineNumber): expected a word and \(d) values, found \(fields - f) values")
                    }
                }
                for f in wordFields ..< fields {
                    let s = fieldStarts[f]
                    guard let v = FloatParsing.float(base + s, count: fieldEnds[f] - s) else {
                        let token = String(decoding: UnsafeBufferPointer(start: base + s, count: min(fieldEnds[f] - s, 40)), as: UTF8.self)
                        throw .malformed("\(source):\(lineNumber): column \(s - lineStart + 1): '\(token)' is not a finite number")
                    }
                    vectors.append(v)
                }
                let word: String
                if wordFields == 1 {
                    word = String(decoding: UnsafeBufferPointer(start: base + fieldStarts[0], count: fieldEnds[0] - fieldStarts[0]), as: UTF8.self)
                } else {
                    word = (0 ..< wordFields).map {
                        String(decoding: UnsafeBufferPointer(start: base + fieldStarts[$0], count: fieldEnds[$0] - fieldStarts[$0]), as: UTF8.self)
                    }.joined(separator: " ")
                }
                words.append(word)
                lines.append(Int32(truncatingIfNeeded: lineNumber))
            }
        }
        guard sawFirstLine else { throw .malformed("\(source): empty file (no header or vectors)") }
        guard let d = dimension else { throw .malformed("\(source): no dimension") }
        if let c = declaredCount {
            let expected = min(c, limit ?? c)
            guard words.count == expected else {
                throw .malformed("\(source): the header declares \(c) vectors, the file holds \(words.count)")
            }
        }
        if words.isEmpty, declaredCount == nil { throw .malformed("\(source): no vectors") }
        return try VectorSpace(name: name, words: words, vectors: vectors, dimension: d,
                               locate: { "\(source):\(lines[$0])" })
    }

    private static func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
}
