/// A pointer as stored: the target is a synset index once ``WordNetStorage/resolvePointers()`` has run (the
/// target's byte offset before).
struct RawPointer: Sendable {
    var target: Int32
    var symbol: UInt8
    var targetPOS: UInt8
    var sourceWord: UInt8
    var targetWord: UInt8
}

/// One part of speech of one index line; the slots of a lemma are chained through `next`.
struct IndexSlot: Sendable {
    var file: UInt8
    var next: Int32
    var synsetStart: Int32
    var synsetCount: Int32
    var symbolStart: Int32
    var symbolCount: Int32
    var tagged: Int32
}

/// The whole database in a few flat arrays: synset fields in parallel arrays indexed by synset number, words and
/// pointers in flat arrays addressed by prefix offsets, and the data files' bytes kept for lemma text and glosses.
/// Built once by the parser, then read-only.
struct WordNetStorage: Sendable {
    static let fileNames = ["noun", "verb", "adj", "adv"]

    var dataBytes: [[UInt8]] = [[], [], [], []]
    var dataPaths: [String] = ["", "", "", ""]
    var indexPaths: [String] = ["", "", "", ""]

    // Per synset.
    var synsetFile: [UInt8] = []
    var synsetPOS: [UInt8] = []
    var synsetOffset: [UInt32] = []
    var synsetLexFile: [UInt8] = []
    var synsetLine: [Int32] = []
    var glossStart: [UInt32] = []
    var glossEnd: [UInt32] = []
    /// `wordStart[s] ..< wordStart[s + 1]` are synset `s`'s words.
    var wordStart: [Int32] = [0]
    /// `pointerStart[s] ..< pointerStart[s + 1]` are synset `s`'s pointers.
    var pointerStart: [Int32] = [0]

    // Per word.
    var wordTextStart: [UInt32] = []
    var wordTextLength: [UInt16] = []
    var wordLexID: [UInt8] = []
    var wordMarker: [UInt8] = []

    var pointers: [RawPointer] = []
    /// Synset index range of each data file.
    var fileRanges: [Range<Int32>] = [0 ..< 0, 0 ..< 0, 0 ..< 0, 0 ..< 0]

    /// The synset at byte offset `offset` of data file `file` (binary search: offsets increase through a file).
    func synsetIndex(file: Int, offset: UInt32) -> Int32? {
        var lo = Int(fileRanges[file].lowerBound)
        var hi = Int(fileRanges[file].upperBound)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = synsetOffset[mid]
            if v == offset { return Int32(mid) }
            if v < offset { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    // Index.
    var index: [String: Int32] = [:]
    var indexSlots: [IndexSlot] = []
    var indexSynsets: [Int32] = []
    var indexSymbols: [UInt8] = []
    var lemmaCounts: [Int] = [0, 0, 0, 0]

    /// Inflected form → base forms, per data file (from `<pos>.exc`).
    var exceptions: [[String: [String]]] = [[:], [:], [:], [:]]

    var synsetCount: Int { synsetOffset.count }

    /// Adjective syntactic markers by stored code (0 = none).
    static let markers: [String?] = [nil, "p", "a", "ip"]

    /// The lemma text of word `w` (as written, without the adjective marker).
    func wordText(_ w: Int, file: Int) -> String {
        let start = Int(wordTextStart[w])
        let length = Int(wordTextLength[w])
        return dataBytes[file].withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start ..< start + length]), as: UTF8.self)
        }
    }

    /// Synset `s`'s word `number` (1-based) as written.
    func lemma(synset s: Int, number: Int) -> String? {
        let first = Int(wordStart[s])
        let count = Int(wordStart[s + 1]) - first
        guard number >= 1 && number <= count else { return nil }
        return wordText(first + number - 1, file: Int(synsetFile[s]))
    }

    func wordCount(_ s: Int) -> Int { Int(wordStart[s + 1] - wordStart[s]) }

    /// The index slot of `lemma` (already normalised) in data file `file`.
    func slot(_ lemma: String, file: Int) -> IndexSlot? {
        guard var i = index[lemma] else { return nil }
        while i >= 0 {
            let slot = indexSlots[Int(i)]
            if Int(slot.file) == file { return slot }
            i = slot.next
        }
        return nil
    }

    func synsets(of slot: IndexSlot) -> ArraySlice<Int32> {
        indexSynsets[Int(slot.synsetStart) ..< Int(slot.synsetStart + slot.synsetCount)]
    }
}
