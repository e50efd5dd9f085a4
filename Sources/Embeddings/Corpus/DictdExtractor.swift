import Foundation

/// Text of a dictd dictionary (`.dict.dz` is dictzip, i.e. gzip; a plain `.dict` works too).
///
/// With markup stripping and an `.index` file beside the dictionary, only the entries the index lists are read
/// (the `00-database-*` / `00database*` entries — licence, URLs, front matter — are skipped), and inside each
/// entry the GCIDE pronunciation fields `\Pro*nun"ci*a`tion\` and lines that are only a bracketed source tag
/// (`[1913 Webster]`, `[PJC]`, `[WordNet 1.5]`) are removed. Without stripping the whole text is used, which
/// is what the data inventory counted. Each blank-line-separated paragraph becomes one corpus line.
enum DictdExtractor {
    static func segments(dictionary url: URL, stripMarkup: Bool) throws(EmbeddingError) -> [String] {
        let data = try CorpusFileReader.decompressedBytes(url)
        guard stripMarkup else { return TextSegmenter.paragraphs(String(decoding: data, as: UTF8.self)) }
        var out: [String] = []
        if let indexURL = indexFile(for: url) {
            let ranges = try entryRanges(index: indexURL, dataSize: data.count)
            for r in ranges {
                out += TextSegmenter.paragraphs(strip(String(decoding: data[r], as: UTF8.self)))
            }
        } else {
            out = TextSegmenter.paragraphs(strip(String(decoding: data, as: UTF8.self)))
        }
        return out
    }

    /// `NAME.index` for `NAME.dict.dz` / `NAME.dict`, when it exists.
    static func indexFile(for url: URL) -> URL? {
        var base = url.lastPathComponent
        for suffix in [".dz", ".dict"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        let candidate = url.deletingLastPathComponent().appendingPathComponent(base + ".index")
        return CorpusFileReader.exists(candidate) ? candidate : nil
    }

    /// The byte ranges of the entries the index lists (excluding database-information entries), merged where
    /// they overlap and sorted by offset.
    static func entryRanges(index: URL, dataSize: Int) throws(EmbeddingError) -> [Range<Int>] {
        let text = String(decoding: try CorpusFileReader.bytes(index), as: UTF8.self)
        var ranges: [Range<Int>] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let offset = decodeNumber(fields[fields.count - 2]),
                  let length = decodeNumber(fields[fields.count - 1]) else {
                throw .malformed("\(index.path):\(lineNumber): expected 'headword<TAB>offset<TAB>length' in dictd base64")
            }
            if fields[0].hasPrefix("00") && (fields[0].hasPrefix("00-") || fields[0].hasPrefix("00database")) { continue }
            guard offset <= dataSize, length <= dataSize - offset else {
                throw .malformed("\(index.path):\(lineNumber): entry \(offset)+\(length) lies outside the \(dataSize)-byte dictionary")
            }
            if length > 0 { ranges.append(offset ..< offset + length) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound > $1.upperBound) }
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound ..< max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// dictd's base64 numbers: digits `A–Z a–z 0–9 + /`, most significant first.
    static func decodeNumber(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 10 else { return nil }
        var value = 0
        for b in s.utf8 {
            let digit: Int
            switch b {
            case 0x41 ... 0x5A: digit = Int(b) - 0x41
            case 0x61 ... 0x7A: digit = Int(b) - 0x61 + 26
            case 0x30 ... 0x39: digit = Int(b) - 0x30 + 52
            case 0x2B: digit = 62
            case 0x2F: digit = 63
            default: return nil
            }
            value = value * 64 + digit
        }
        return value
    }

    /// Removes `\…\` pronunciation fields (within one line) and lines that hold only a `[…]` source tag.
    static func strip(_ entry: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(entry.utf8)
        out.reserveCapacity(bytes.count)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = bytes[lineStart ..< lineEnd]
            if !isSourceTagLine(line) {
                var i = line.startIndex
                while i < line.endIndex {
                    if line[i] == 0x5C {  // backslash: drop through the closing one on this line
                        if let close = line[(i + 1)...].firstIndex(of: 0x5C) {
                            out.append(0x20)
                            i = close + 1
                            continue
                        }
                        i += 1
                        continue
                    }
                    out.append(line[i])
                    i += 1
                }
                out.append(0x0A)
            }
            lineStart = lineEnd + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSourceTagLine(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.drop(while: { $0 == 0x20 || $0 == 0x09 })
        guard let first = trimmed.first, first == 0x5B else { return false }
        var end = trimmed.endIndex
        while end > trimmed.startIndex && (trimmed[end - 1] == 0x20 || trimmed[end - 1] == 0x09 || trimmed[end - 1] == 0x0D) { end -= 1 }
        guard end > trimmed.startIndex, trimmed[end - 1] == 0x5D else { return false }
        // Exactly one bracket pair.
        return !trimmed[trimmed.startIndex + 1 ..< end - 1].contains(where: { $0 == 0x5B || $0 == 0x5D })
    }
}
