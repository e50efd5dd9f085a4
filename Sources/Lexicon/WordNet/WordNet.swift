import Assets
import Foundation

/// Princeton WordNet 3.0, read from the database files of Debian's `wordnet-base` (asset `wordnet`).
///
/// The whole database is parsed at load into compact arrays (the data files' bytes are kept for lemma text and
/// glosses, which are decoded on demand), so every query afterwards is in memory. Loading all eight data and index
/// files and the four exception lists takes well under a second in a release build.
///
/// Lemma lookups are case-insensitive and accept spaces or underscores (`"ice cream"` = `ice_cream`). Synset-level
/// relations (hypernyms, similar-to …) follow semantic pointers only, as NLTK's do; word-level relations
/// (antonyms, derivationally related forms) follow the lexical pointers of one word. Path and Wu–Palmer
/// similarity are computed exactly as NLTK 3.x defines them (see ``pathSimilarity(_:_:simulateRoot:)``).
public final class WordNet: Sendable {
    /// The asset that holds the database.
    public static let assetName = "wordnet"

    let storage: WordNetStorage

    /// The directory the files were read from.
    public let directory: URL

    /// Loads the database through the asset store, fetching `wordnet-base` on first use.
    public convenience init(store: AssetStore = AssetStore(), progress: AssetProgressHandler? = nil) throws {
        let directory = try store.ensure(WordNet.assetName, progress: progress)
        try self.init(directory: directory)
    }

    /// Loads `data.{noun,verb,adj,adv}`, `index.{…}` and `{…}.exc` from `directory`.
    public init(directory: URL) throws(LexiconError) {
        self.directory = directory
        var storage = WordNetStorage()
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        for f in 0 ..< 4 {
            let p = path("data." + WordNetStorage.fileNames[f])
            try storage.parseData(file: f, bytes: FileBytes.read(p), path: p)
        }
        try storage.resolvePointers()
        storage.index.reserveCapacity(160_000)
        for f in 0 ..< 4 {
            let p = path("index." + WordNetStorage.fileNames[f])
            try storage.parseIndex(file: f, bytes: FileBytes.read(p), path: p)
        }
        for f in 0 ..< 4 {
            let p = path(WordNetStorage.fileNames[f] + ".exc")
            // adv.exc is tiny and optional in some distributions; a missing list is an empty list.
            guard FileManager.default.fileExists(atPath: p) else { continue }
            try storage.parseExceptions(file: f, bytes: FileBytes.read(p), path: p)
        }
        self.storage = storage
    }

    // MARK: - Counts

    /// Number of synsets in the database.
    public var synsetCount: Int { storage.synsetCount }

    /// Number of synsets of one part of speech; ``PartOfSpeech/adjective`` counts heads and satellites (the
    /// whole `data.adj`), ``PartOfSpeech/adjectiveSatellite`` only satellites.
    public func synsetCount(_ pos: PartOfSpeech) -> Int {
        if pos == .adjectiveSatellite {
            let r = storage.fileRanges[2]
            return storage.synsetPOS[Int(r.lowerBound) ..< Int(r.upperBound)].reduce(0) { $0 + ($1 == UInt8(ascii: "s") ? 1 : 0) }
        }
        return storage.fileRanges[pos.fileIndex].count
    }

    /// Number of lemmas in `index.<pos>`.
    public func lemmaCount(_ pos: PartOfSpeech) -> Int { storage.lemmaCounts[pos.fileIndex] }

    /// All synsets of a part of speech in file order (adjective: heads and satellites).
    public func allSynsets(_ pos: PartOfSpeech) -> [SynsetID] {
        let r = storage.fileRanges[pos.fileIndex]
        return (r.lowerBound ..< r.upperBound).compactMap { s in
            pos == .adjectiveSatellite && storage.synsetPOS[Int(s)] != UInt8(ascii: "s") ? nil : SynsetID(rawValue: s)
        }
    }

    // MARK: - Synsets

    /// The synset's content. `id` must come from this database (see ``SynsetID``).
    public func synset(_ id: SynsetID) -> Synset {
        let s = id.index
        let file = Int(storage.synsetFile[s])
        let words = (Int(storage.wordStart[s]) ..< Int(storage.wordStart[s + 1])).map { w in
            SynsetWord(
                lemma: storage.wordText(w, file: file), lexID: Int(storage.wordLexID[w]),
                adjectivePosition: WordNetStorage.markers[Int(storage.wordMarker[w])])
        }
        let gloss = storage.dataBytes[file].withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(storage.glossStart[s]) ..< Int(storage.glossEnd[s])]), as: UTF8.self)
        }
        return Synset(
            id: id, pos: pos(of: id), offset: Int(storage.synsetOffset[s]),
            lexicographerFileNumber: Int(storage.synsetLexFile[s]), words: words, pointers: pointers(of: id), gloss: gloss)
    }

    /// The synset's part of speech.
    public func pos(of id: SynsetID) -> PartOfSpeech { PartOfSpeech(codeByte: storage.synsetPOS[id.index])! }

    /// The synset's byte offset in its data file.
    public func offset(of id: SynsetID) -> Int { Int(storage.synsetOffset[id.index]) }

    /// The synset's lemmas as written (case preserved, underscores for spaces).
    public func lemmaNames(of id: SynsetID) -> [String] {
        let s = id.index
        let file = Int(storage.synsetFile[s])
        return (Int(storage.wordStart[s]) ..< Int(storage.wordStart[s + 1])).map { storage.wordText($0, file: file) }
    }

    /// The synset's gloss (definition and examples).
    public func gloss(of id: SynsetID) -> String {
        let s = id.index
        return storage.dataBytes[Int(storage.synsetFile[s])].withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(storage.glossStart[s]) ..< Int(storage.glossEnd[s])]), as: UTF8.self)
        }
    }

    /// All pointers of the synset, semantic and lexical, in file order.
    public func pointers(of id: SynsetID) -> [SynsetPointer] {
        let s = id.index
        return storage.pointers[Int(storage.pointerStart[s]) ..< Int(storage.pointerStart[s + 1])].map { p in
            SynsetPointer(
                symbol: PointerSymbol(code: p.symbol), target: SynsetID(rawValue: p.target),
                targetPOS: PartOfSpeech(codeByte: p.targetPOS)!, sourceWord: Int(p.sourceWord), targetWord: Int(p.targetWord))
        }
    }

    /// The synset at a byte offset of `data.<pos>` (`pos` `a` or `s` both mean `data.adj`).
    public func synset(pos: PartOfSpeech, offset: Int) -> SynsetID? {
        guard offset >= 0, offset <= Int(UInt32.max), let s = storage.synsetIndex(file: pos.fileIndex, offset: UInt32(offset)) else { return nil }
        return SynsetID(rawValue: s)
    }

    /// NLTK's name for the synset: its first lemma in lower case, its part of speech and the 2-digit sense
    /// number of that lemma (`dog.n.01`, `good.s.06`).
    public func name(of id: SynsetID) -> String {
        let s = id.index
        let first = storage.wordText(Int(storage.wordStart[s]), file: Int(storage.synsetFile[s])).lowercased()
        var sense = 0
        if let slot = storage.slot(first, file: Int(storage.synsetFile[s])),
            let i = storage.synsets(of: slot).firstIndex(of: id.rawValue)
        {
            sense = i - Int(slot.synsetStart) + 1
        }
        return "\(first).\(pos(of: id).rawValue).\(String(sense).leftPadded(to: 2))"
    }

    /// The synset with an NLTK name such as `dog.n.01` (lemma, part of speech, sense number); nil when there is
    /// none. A name with `a` finds heads and satellites; one with `s` only satellites.
    public func synset(named name: String) -> SynsetID? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let sense = Int(parts[parts.count - 1]), sense >= 1,
            let pos = PartOfSpeech(code: String(parts[parts.count - 2])), parts[parts.count - 2].count == 1
        else { return nil }
        let lemma = WordNet.normalize(parts[0 ..< parts.count - 2].joined(separator: "."))
        guard let slot = storage.slot(lemma, file: pos.fileIndex), sense <= Int(slot.synsetCount) else { return nil }
        let id = SynsetID(rawValue: storage.indexSynsets[Int(slot.synsetStart) + sense - 1])
        if pos == .adjectiveSatellite && self.pos(of: id) != .adjectiveSatellite { return nil }
        return id
    }

    // MARK: - Index

    /// A lemma as the index spells it: lower case, underscores for spaces, surrounding spaces removed.
    public static func normalize(_ word: String) -> String {
        word.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The index line of `lemma` for `pos` (no lemmatisation); nil when the lemma is not in that index.
    public func indexEntry(_ lemma: String, pos: PartOfSpeech) -> IndexEntry? {
        let key = WordNet.normalize(lemma)
        guard let slot = storage.slot(key, file: pos.fileIndex) else { return nil }
        return entry(key, slot)
    }

    /// The index lines of `lemma` in all parts of speech (noun, verb, adjective, adverb order).
    public func indexEntries(_ lemma: String) -> [IndexEntry] {
        let key = WordNet.normalize(lemma)
        return (0 ..< 4).compactMap { f in storage.slot(key, file: f).map { entry(key, $0) } }
    }

    private func entry(_ key: String, _ slot: IndexSlot) -> IndexEntry {
        IndexEntry(
            lemma: key, pos: PartOfSpeech.filed[Int(slot.file)],
            synsets: storage.synsets(of: slot).map { SynsetID(rawValue: $0) },
            pointerSymbols: storage.indexSymbols[Int(slot.symbolStart) ..< Int(slot.symbolStart + slot.symbolCount)].map { WordNetStorage.indexSymbol(code: $0) },
            taggedSenseCount: Int(slot.tagged))
    }

    /// True when `lemma` (not lemmatised) is in the index of `pos`, or of any part of speech when `pos` is nil.
    public func contains(_ lemma: String, pos: PartOfSpeech? = nil) -> Bool {
        let key = WordNet.normalize(lemma)
        if let pos { return storage.slot(key, file: pos.fileIndex) != nil }
        return storage.index[key] != nil
    }

    /// The synsets of a word, as NLTK's `wn.synsets`: for each part of speech (all four when `pos` is nil), the
    /// word's base forms by ``baseForms(_:pos:)`` (when `lemmatize` is true, else the word itself), and for each,
    /// its senses in frequency order. A synset reached through two base forms is listed once.
    public func synsets(_ word: String, pos: PartOfSpeech? = nil, lemmatize: Bool = true) -> [SynsetID] {
        let key = WordNet.normalize(word)
        let parts = pos.map { [$0.filedAs] } ?? PartOfSpeech.filed
        var seen = Set<Int32>()
        var out: [SynsetID] = []
        for p in parts {
            let forms = lemmatize ? baseForms(key, pos: p) : [key]
            for form in forms {
                guard let slot = storage.slot(form, file: p.fileIndex) else { continue }
                for s in storage.synsets(of: slot) where seen.insert(s).inserted {
                    // A satellite asked for as `s`: only satellites.
                    if pos == .adjectiveSatellite && storage.synsetPOS[Int(s)] != UInt8(ascii: "s") { continue }
                    out.append(SynsetID(rawValue: s))
                }
            }
        }
        return out
    }

    /// The words of synset `id` as ``Lemma`` values.
    public func lemmas(of id: SynsetID) -> [Lemma] {
        lemmaNames(of: id).enumerated().map { Lemma(name: $0.element, synset: id, wordNumber: $0.offset + 1) }
    }

    /// The senses of a lemma (not lemmatised): one ``Lemma`` per synset that lists it, in index order.
    public func lemmas(_ word: String, pos: PartOfSpeech? = nil) -> [Lemma] {
        let key = WordNet.normalize(word)
        let files = pos.map { [$0.fileIndex] } ?? [0, 1, 2, 3]
        var out: [Lemma] = []
        for f in files {
            guard let slot = storage.slot(key, file: f) else { continue }
            for s in storage.synsets(of: slot) {
                let id = SynsetID(rawValue: s)
                if let n = lemmaNames(of: id).firstIndex(where: { $0.lowercased() == key }) {
                    out.append(Lemma(name: lemmaNames(of: id)[n], synset: id, wordNumber: n + 1))
                }
            }
        }
        return out
    }
}
