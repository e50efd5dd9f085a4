import Foundation

/// Text of a SWORD zText (Bible) or zCom (commentary) module.
///
/// For each testament (`ot`, then `nt`) the block index (`.bzs`, or `.czs`) is a run of 12-byte little-endian
/// records (u32 offset, u32 compressed size, u32 uncompressed size) into the block file (`.bzz` / `.czz`); each
/// block is an independent zlib stream. Blocks are decoded in order as UTF-8 (invalid bytes replaced) and the
/// OSIS/ThML markup is removed. The verse index (`.bzv`/`.czv`) is not needed for the full text.
///
/// Without markup stripping every tag becomes a space and each block one corpus line (as the data inventory
/// counted). With stripping, structural tags (paragraph `div`s, titles, chapters, verses, poetry lines, list items,
/// table cells, line breaks, milestones) end a corpus line, other tags become spaces, and the five XML entities are
/// decoded.
enum SwordExtractor {
    static func segments(module directory: URL, stripMarkup: Bool) throws(EmbeddingError) -> [String] {
        var out: [String] = []
        var foundAny = false
        for testament in ["ot", "nt"] {
            for (indexExt, blockExt) in [("bzs", "bzz"), ("czs", "czz")] {
                let indexURL = directory.appendingPathComponent("\(testament).\(indexExt)")
                let blockURL = directory.appendingPathComponent("\(testament).\(blockExt)")
                guard CorpusFileReader.exists(indexURL) else { continue }
                foundAny = true
                let index = try CorpusFileReader.bytes(indexURL)
                if index.isEmpty { continue }
                let blocks = try CorpusFileReader.bytes(blockURL)
                for text in try decodeBlocks(index: index, blocks: blocks, label: blockURL.path) {
                    if stripMarkup {
                        out += markupFreeLines(text)
                    } else {
                        out.append(replacingTags(text))
                    }
                }
            }
        }
        guard foundAny else {
            throw .malformed("\(directory.path): no SWORD block index (ot/nt .bzs or .czs) in this folder")
        }
        return out
    }

    /// The decompressed blocks, in index order.
    static func decodeBlocks(index: [UInt8], blocks: [UInt8], label: String) throws(EmbeddingError) -> [String] {
        var out: [String] = []
        let records = index.count / 12
        for r in 0 ..< records {
            let offset = Int(readLE32(index, r * 12))
            let size = Int(readLE32(index, r * 12 + 4))
            let expected = Int(readLE32(index, r * 12 + 8))
            if size == 0 { continue }
            guard offset <= blocks.count, size <= blocks.count - offset else {
                throw .malformed("\(label): block \(r) (\(offset)+\(size)) lies outside the \(blocks.count)-byte block file")
            }
            let block = Array(blocks[offset ..< offset + size])
            let (bytes, _) = try ZlibDecoder.inflate(block, windowBits: ZlibDecoder.zlibOnly, sizeHint: expected,
                                                     label: "\(label) block \(r) at byte \(offset)")
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    private static func readLE32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// Every `<…>` replaced by a space.
    static func replacingTags(_ text: String) -> String {
        var out: [UInt8] = []
        forEachPiece(text) { piece in
            switch piece {
            case .text(let t): out.append(contentsOf: t)
            case .tag: out.append(0x20)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Tag names that end a line of text.
    static let structuralTags: Set<String> = [
        "div", "p", "title", "chapter", "verse", "l", "lg", "lb", "br", "item", "list", "row", "cell", "table",
        "milestone", "head", "speaker", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td",
    ]

    /// Lines of text with structural tags as line ends, other tags as spaces and entities decoded.
    static func markupFreeLines(_ text: String) -> [String] {
        var out: [String] = []
        var line: [UInt8] = []
        func endLine() {
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                out.append(decodeEntities(String(decoding: line, as: UTF8.self)))
            }
            line.removeAll(keepingCapacity: true)
        }
        forEachPiece(text) { piece in
            switch piece {
            case .text(let t):
                for b in t { if b == 0x0A || b == 0x0D { endLine() } else { line.append(b) } }
            case .tag(let name):
                if structuralTags.contains(name) { endLine() } else { line.append(0x20) }
            }
        }
        endLine()
        return out
    }

    enum Piece {
        case text(ArraySlice<UInt8>)
        /// The lowercased tag name without `/` (`</div>` and `<div/>` both give "div").
        case tag(String)
    }

    /// Splits text into runs of text and tags; a `<` without a closing `>` is text.
    static func forEachPiece(_ text: String, _ body: (Piece) -> Void) {
        let bytes = Array(text.utf8)
        var i = 0
        var textStart = 0
        while i < bytes.count {
            if bytes[i] == 0x3C, let close = bytes[(i + 1)...].firstIndex(of: 0x3E) {
                if textStart < i { body(.text(bytes[textStart ..< i])) }
                var n = i + 1
                if n < close && bytes[n] == 0x2F { n += 1 }
                var nameEnd = n
                while nameEnd < close, bytes[nameEnd] != 0x20, bytes[nameEnd] != 0x2F, bytes[nameEnd] != 0x09,
                      bytes[nameEnd] != 0x0A {
                    nameEnd += 1
                }
                body(.tag(String(decoding: bytes[n ..< nameEnd], as: UTF8.self).lowercased()))
                i = close + 1
                textStart = i
            } else {
                i += 1
            }
        }
        if textStart < bytes.count { body(.text(bytes[textStart ..< bytes.count])) }
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
