/// Parsing of the WordNet 3.0 database files (wndb(5WN)) into ``WordNetStorage``.
///
/// - `data.<pos>`: `offset lex_filenum ss_type w_cnt {word lex_id}… p_cnt {symbol offset pos source/target}…
///   [f_cnt {+ f_num w_num}…] | gloss`
/// - `index.<pos>`: `lemma pos synset_cnt p_cnt {symbol}… sense_cnt tagsense_cnt {offset}…`
/// - `<pos>.exc`: `inflected base…`
///
/// Lines that begin with a space (the licence header) are skipped. Every malformed line is a one-line error with
/// the file's path and the line number.
extension WordNetStorage {
    /// Parses one data file; pointers keep their target offsets until ``resolvePointers()``.
    mutating func parseData(file f: Int, bytes: [UInt8], path: String) throws(LexiconError) {
        dataPaths[f] = path
        // Byte positions are stored in 32 bits (the largest WordNet file has 15 MB).
        guard bytes.count < Int(UInt32.max) else {
            throw .io(path: path, reason: "is \(bytes.count) bytes long, more than a WordNet data file can be (4 GiB)")
        }
        let first = Int32(synsetCount)
        let isVerb = f == 1
        let isAdjective = f == 2
        var previousOffset = -1
        try bytes.withUnsafeBufferPointer { (buffer) throws(LexiconError) in
            guard let base = buffer.baseAddress else { return }
            try forEachLine(buffer) { (number, start, end) throws(LexiconError) in
                if start == end || LineCursor.isSpace(base[start]) { return }
                var c = LineCursor(base: base, position: start, end: end, path: path, line: number)
                let offset = try c.decimal("the synset offset", max: Int(UInt32.max))
                let lexFile = try c.decimal("the lexicographer file number", max: 99)
                guard lexFile < LexicographerFile.names.count else {
                    throw c.error("lexicographer file number \(lexFile) is not one of WordNet's 0–\(LexicographerFile.names.count - 1)")
                }
                let typeField = try c.require("the synset type")
                let type = base[typeField.lowerBound]
                let typeOK: Bool
                switch f {
                case 0: typeOK = type == UInt8(ascii: "n")
                case 1: typeOK = type == UInt8(ascii: "v")
                case 2: typeOK = type == UInt8(ascii: "a") || type == UInt8(ascii: "s")
                default: typeOK = type == UInt8(ascii: "r")
                }
                guard typeField.count == 1, typeOK else {
                    throw c.error("synset type \(quoted(c.text(typeField))) does not belong in data.\(WordNetStorage.fileNames[f])")
                }
                // Offsets are the lines' byte positions, so they increase through the file; lookups rely on it.
                guard offset > previousOffset else {
                    throw c.error("synset offset \(offset) does not follow the previous one (\(previousOffset)); offsets must increase")
                }
                previousOffset = offset

                let wordCount = try c.hex("the word count", digits: 2)
                guard wordCount > 0 else { throw c.error("a synset needs at least one word, the word count is 0") }
                for wordNumber in 1 ... wordCount {
                    let w = try c.require("word \(wordNumber) of \(wordCount)")
                    var textEnd = w.upperBound
                    var marker: UInt8 = 0
                    if isAdjective, base[textEnd - 1] == UInt8(ascii: ")") {
                        let text = c.bytes(w)
                        if text.count > 4, text[text.count - 4] == UInt8(ascii: "("), text[text.count - 3] == UInt8(ascii: "i"),
                            text[text.count - 2] == UInt8(ascii: "p")
                        {
                            marker = 3
                            textEnd -= 4
                        } else if text.count > 3, text[text.count - 3] == UInt8(ascii: "(") {
                            switch text[text.count - 2] {
                            case UInt8(ascii: "p"): marker = 1
                            case UInt8(ascii: "a"): marker = 2
                            default: throw c.error("unknown adjective marker in \(quoted(c.text(w)))")
                            }
                            textEnd -= 3
                        }
                    }
                    guard textEnd - w.lowerBound <= Int(UInt16.max) else { throw c.error("a word is too long") }
                    let lexID = try c.hex("the lex_id of word \(wordNumber)", digits: 2)
                    wordTextStart.append(UInt32(w.lowerBound))
                    wordTextLength.append(UInt16(textEnd - w.lowerBound))
                    wordLexID.append(UInt8(lexID))
                    wordMarker.append(marker)
                }

                let pointerCount = try c.decimal("the pointer count", max: 9999)
                for k in 0 ..< pointerCount {
                    let s = try c.require("pointer \(k + 1)'s symbol")
                    guard let symbol = PointerSymbol(bytes: c.bytes(s)) else {
                        throw c.error("unknown pointer symbol \(quoted(c.text(s)))")
                    }
                    let target = try c.decimal("pointer \(k + 1)'s target offset", max: Int(Int32.max))
                    let p = try c.require("pointer \(k + 1)'s part of speech")
                    guard p.count == 1, PartOfSpeech(codeByte: base[p.lowerBound]) != nil else {
                        throw c.error("pointer \(k + 1) has part of speech \(quoted(c.text(p))), not one of n v a s r")
                    }
                    let st = try c.require("pointer \(k + 1)'s source/target field")
                    guard st.count == 4, let hex = LineCursor.hexValue(c.bytes(st)) else {
                        throw c.error("pointer \(k + 1)'s source/target field \(quoted(c.text(st))) is not 4 hexadecimal digits")
                    }
                    let source = hex >> 8
                    let targetWord = hex & 0xFF
                    guard source <= wordCount else {
                        throw c.error("pointer \(k + 1) comes from word \(source), but the synset has \(wordCount) words")
                    }
                    pointers.append(RawPointer(
                        target: Int32(target), symbol: symbol.code, targetPOS: base[p.lowerBound],
                        sourceWord: UInt8(source), targetWord: UInt8(targetWord)))
                }

                guard var next = c.field() else { throw c.error("line ends before the gloss separator '|'") }
                if isVerb, !(next.count == 1 && base[next.lowerBound] == UInt8(ascii: "|")) {
                    c.position = next.lowerBound
                    let frames = try c.decimal("the verb frame count", max: 99)
                    for k in 0 ..< frames {
                        let plus = try c.require("verb frame \(k + 1)")
                        guard plus.count == 1, base[plus.lowerBound] == UInt8(ascii: "+") else {
                            throw c.error("verb frame \(k + 1) does not start with '+'")
                        }
                        _ = try c.decimal("verb frame \(k + 1)'s number", max: 99)
                        let w = try c.hex("verb frame \(k + 1)'s word number", digits: 2)
                        guard w <= wordCount else {
                            throw c.error("verb frame \(k + 1) names word \(w), but the synset has \(wordCount) words")
                        }
                    }
                    guard let bar = c.field() else { throw c.error("line ends before the gloss separator '|'") }
                    next = bar
                }
                guard next.count == 1, base[next.lowerBound] == UInt8(ascii: "|") else {
                    throw c.error("expected the gloss separator '|', found \(quoted(c.text(next)))")
                }
                c.skipSpaces()
                var glossEnd = end
                while glossEnd > c.position && LineCursor.isSpace(base[glossEnd - 1]) { glossEnd -= 1 }

                synsetFile.append(UInt8(f))
                synsetPOS.append(type)
                synsetOffset.append(UInt32(offset))
                synsetLexFile.append(UInt8(lexFile))
                synsetLine.append(Int32(clamping: number))
                self.glossStart.append(UInt32(c.position))
                self.glossEnd.append(UInt32(glossEnd))
                wordStart.append(Int32(wordTextStart.count))
                pointerStart.append(Int32(pointers.count))
            }
        }
        fileRanges[f] = first ..< Int32(synsetCount)
        dataBytes[f] = bytes
    }

    /// Turns the pointers' target offsets into synset indices; checks that every target exists and that lexical
    /// pointers name an existing word of the target.
    mutating func resolvePointers() throws(LexiconError) {
        for s in 0 ..< synsetCount {
            for k in Int(pointerStart[s]) ..< Int(pointerStart[s + 1]) {
                let p = pointers[k]
                let targetFile = PartOfSpeech(codeByte: p.targetPOS)!.fileIndex
                guard let target = synsetIndex(file: targetFile, offset: UInt32(p.target)) else {
                    throw synsetError(s, "pointer to offset \(String(p.target).leftPadded(to: 8)), which is not a synset of data.\(WordNetStorage.fileNames[targetFile])")
                }
                if p.targetWord != 0, Int(p.targetWord) > wordCount(Int(target)) {
                    throw synsetError(s, "pointer to word \(p.targetWord) of synset \(String(p.target).leftPadded(to: 8)), which has \(wordCount(Int(target))) words")
                }
                pointers[k].target = target
            }
        }
    }

    /// An error located at synset `s`'s line.
    func synsetError(_ s: Int, _ reason: String) -> LexiconError {
        .malformed(file: dataPaths[Int(synsetFile[s])], line: Int(synsetLine[s]), reason: reason)
    }

    /// Parses one index file (after all data files).
    mutating func parseIndex(file f: Int, bytes: [UInt8], path: String) throws(LexiconError) {
        indexPaths[f] = path
        let expected = PartOfSpeech.filed[f].codeByte
        var lemmas = 0
        try bytes.withUnsafeBufferPointer { (buffer) throws(LexiconError) in
            guard let base = buffer.baseAddress else { return }
            try forEachLine(buffer) { (number, start, end) throws(LexiconError) in
                if start == end || LineCursor.isSpace(base[start]) { return }
                var c = LineCursor(base: base, position: start, end: end, path: path, line: number)
                let lemmaField = try c.require("the lemma")
                let p = try c.require("the part of speech")
                guard p.count == 1, base[p.lowerBound] == expected else {
                    throw c.error("part of speech \(quoted(c.text(p))) does not belong in index.\(WordNetStorage.fileNames[f])")
                }
                let synsetCount = try c.decimal("the synset count", max: 9999)
                guard synsetCount > 0 else { throw c.error("synset count is 0") }
                let pointerCount = try c.decimal("the pointer count", max: 99)
                let symbolStart = Int32(indexSymbols.count)
                for k in 0 ..< pointerCount {
                    let s = try c.require("pointer symbol \(k + 1)")
                    guard let code = WordNetStorage.indexSymbolCode(c.bytes(s)) else {
                        throw c.error("unknown pointer symbol \(quoted(c.text(s)))")
                    }
                    indexSymbols.append(code)
                }
                let senseCount = try c.decimal("the sense count", max: 9999)
                guard senseCount == synsetCount else {
                    throw c.error("sense count \(senseCount) differs from synset count \(synsetCount)")
                }
                let tagged = try c.decimal("the tagged sense count", max: 9999)
                let synsetStart = Int32(indexSynsets.count)
                for k in 0 ..< synsetCount {
                    let offset = try c.decimal("synset offset \(k + 1) of \(synsetCount)", max: Int(UInt32.max))
                    guard let s = synsetIndex(file: f, offset: UInt32(offset)) else {
                        throw c.error("synset offset \(String(offset).leftPadded(to: 8)) is not a synset of data.\(WordNetStorage.fileNames[f])")
                    }
                    indexSynsets.append(s)
                }
                guard c.atEnd else { throw c.error("unexpected text after the \(synsetCount) synset offsets") }
                let lemma = c.text(lemmaField)
                let slot = IndexSlot(
                    file: UInt8(f), next: -1, synsetStart: synsetStart, synsetCount: Int32(synsetCount),
                    symbolStart: symbolStart, symbolCount: Int32(pointerCount), tagged: Int32(clamping: tagged))
                let slotIndex = Int32(indexSlots.count)
                if let head = index[lemma] {
                    // Append to the lemma's chain (one slot per part of speech).
                    var i = head
                    while true {
                        if Int(indexSlots[Int(i)].file) == f { throw c.error("lemma \(quoted(lemma)) is listed twice") }
                        let next = indexSlots[Int(i)].next
                        if next < 0 { break }
                        i = next
                    }
                    indexSlots.append(slot)
                    indexSlots[Int(i)].next = slotIndex
                } else {
                    indexSlots.append(slot)
                    index[lemma] = slotIndex
                }
                lemmas += 1
            }
        }
        lemmaCounts[f] = lemmas
    }

    /// Index files list the data files' symbols, except that the domain pointers appear only as the generic
    /// `;` (domain) and `-` (domain member); they get codes after ``PointerSymbol``'s.
    static let indexOnlySymbols = [";", "-"]

    static func indexSymbolCode(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        if let symbol = PointerSymbol(bytes: bytes) { return symbol.code }
        guard bytes.count == 1 else { return nil }
        switch bytes[0] {
        case UInt8(ascii: ";"): return UInt8(PointerSymbol.allCases.count)
        case UInt8(ascii: "-"): return UInt8(PointerSymbol.allCases.count + 1)
        default: return nil
        }
    }

    static func indexSymbol(code: UInt8) -> String {
        Int(code) < PointerSymbol.allCases.count
            ? PointerSymbol(code: code).rawValue : indexOnlySymbols[Int(code) - PointerSymbol.allCases.count]
    }

    /// Parses one exception list. As NLTK does, a repeated inflected form keeps its last line.
    mutating func parseExceptions(file f: Int, bytes: [UInt8], path: String) throws(LexiconError) {
        var map: [String: [String]] = [:]
        try bytes.withUnsafeBufferPointer { (buffer) throws(LexiconError) in
            guard let base = buffer.baseAddress else { return }
            try forEachLine(buffer) { (number, start, end) throws(LexiconError) in
                var c = LineCursor(base: base, position: start, end: end, path: path, line: number)
                guard let inflected = c.field() else { return }
                var bases: [String] = []
                while let b = c.field() { bases.append(c.text(b)) }
                guard !bases.isEmpty else {
                    throw c.error("exception \(quoted(c.text(inflected))) has no base form")
                }
                map[c.text(inflected)] = bases
            }
        }
        exceptions[f] = map
    }
}
