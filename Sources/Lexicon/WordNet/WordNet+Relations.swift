/// Relations between synsets (semantic pointers) and between words (lexical pointers), and their closures.
extension WordNet {
    /// The targets of the synset's pointers with `symbol`, in file order, without repeats. By default only
    /// semantic pointers count (as NLTK's synset relations); with `includeLexical`, lexical pointers from any of
    /// the synset's words count too.
    public func related(_ id: SynsetID, _ symbol: PointerSymbol, includeLexical: Bool = false) -> [SynsetID] {
        let s = id.index
        let code = symbol.code
        var out: [SynsetID] = []
        for k in Int(storage.pointerStart[s]) ..< Int(storage.pointerStart[s + 1]) {
            let p = storage.pointers[k]
            guard p.symbol == code, includeLexical || (p.sourceWord == 0 && p.targetWord == 0) else { continue }
            let t = SynsetID(rawValue: p.target)
            if !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// Direct hypernyms (`@`).
    public func hypernyms(_ id: SynsetID) -> [SynsetID] { related(id, .hypernym) }
    /// Direct instance hypernyms (`@i`): the classes an instance belongs to.
    public func instanceHypernyms(_ id: SynsetID) -> [SynsetID] { related(id, .instanceHypernym) }
    /// Direct hyponyms (`~`).
    public func hyponyms(_ id: SynsetID) -> [SynsetID] { related(id, .hyponym) }
    /// Direct instance hyponyms (`~i`).
    public func instanceHyponyms(_ id: SynsetID) -> [SynsetID] { related(id, .instanceHyponym) }
    /// Similar-to (`&`): between an adjective head and its satellites.
    public func similarTo(_ id: SynsetID) -> [SynsetID] { related(id, .similarTo) }
    /// Also-see (`^`), semantic pointers by default.
    public func alsoSee(_ id: SynsetID, includeLexical: Bool = false) -> [SynsetID] {
        related(id, .alsoSee, includeLexical: includeLexical)
    }

    /// Hypernyms and instance hypernyms: the synsets one step up (what NLTK's depth and similarity code follows).
    func parents(_ s: Int32) -> [Int32] {
        var out: [Int32] = []
        let hyper = PointerSymbol.hypernym.code
        let instance = PointerSymbol.instanceHypernym.code
        for k in Int(storage.pointerStart[Int(s)]) ..< Int(storage.pointerStart[Int(s) + 1]) {
            let p = storage.pointers[k]
            if (p.symbol == hyper || p.symbol == instance) && p.sourceWord == 0 && p.targetWord == 0 && !out.contains(p.target) {
                out.append(p.target)
            }
        }
        return out
    }

    /// Breadth-first transitive closure along semantic pointers with any of `symbols`, without the start and
    /// without repeats (cycles are cut). Each synset comes with its distance in steps; `maxDepth` limits the
    /// distance (nil: no limit).
    public func closure(_ id: SynsetID, following symbols: Set<PointerSymbol>, maxDepth: Int? = nil) -> [(synset: SynsetID, distance: Int)] {
        let codes = Set(symbols.map(\.code))
        var seen: Set<Int32> = [id.rawValue]
        var out: [(synset: SynsetID, distance: Int)] = []
        var frontier: [Int32] = [id.rawValue]
        var depth = 0
        while !frontier.isEmpty {
            if let maxDepth, depth >= maxDepth { break }
            depth += 1
            var next: [Int32] = []
            for s in frontier {
                for k in Int(storage.pointerStart[Int(s)]) ..< Int(storage.pointerStart[Int(s) + 1]) {
                    let p = storage.pointers[k]
                    guard codes.contains(p.symbol), p.sourceWord == 0, p.targetWord == 0 else { continue }
                    if seen.insert(p.target).inserted {
                        next.append(p.target)
                        out.append((SynsetID(rawValue: p.target), depth))
                    }
                }
            }
            frontier = next
        }
        return out
    }

    /// All hypernyms up to `maxDepth` steps (nil: up to the roots), nearest first; instance hypernyms are followed
    /// too unless `includeInstances` is false.
    public func hypernymClosure(_ id: SynsetID, maxDepth: Int? = nil, includeInstances: Bool = true) -> [(synset: SynsetID, distance: Int)] {
        closure(id, following: includeInstances ? [.hypernym, .instanceHypernym] : [.hypernym], maxDepth: maxDepth)
    }

    /// All hyponyms down to `maxDepth` steps (nil: all), nearest first; instance hyponyms too unless
    /// `includeInstances` is false.
    public func hyponymClosure(_ id: SynsetID, maxDepth: Int? = nil, includeInstances: Bool = true) -> [(synset: SynsetID, distance: Int)] {
        closure(id, following: includeInstances ? [.hyponym, .instanceHyponym] : [.hyponym], maxDepth: maxDepth)
    }

    /// The topmost synsets above `id` (those without hypernyms), following hypernyms and instance hypernyms;
    /// `[id]` when it has none. For every WordNet 3.0 noun this is `entity.n.01`.
    public func rootHypernyms(_ id: SynsetID) -> [SynsetID] {
        var seen = Set<Int32>()
        var todo: [Int32] = [id.rawValue]
        var roots: [SynsetID] = []
        while let s = todo.popLast() {
            guard seen.insert(s).inserted else { continue }
            let up = parents(s)
            if up.isEmpty { roots.append(SynsetID(rawValue: s)) } else { todo.append(contentsOf: up) }
        }
        return roots.sorted()
    }

    // MARK: - Word-level (lexical) relations

    /// The words that lexical pointers with `symbol` lead to from one word sense.
    public func lexicalTargets(of lemma: Lemma, _ symbol: PointerSymbol) -> [Lemma] {
        let s = lemma.synset.index
        let code = symbol.code
        var out: [Lemma] = []
        for k in Int(storage.pointerStart[s]) ..< Int(storage.pointerStart[s + 1]) {
            let p = storage.pointers[k]
            guard p.symbol == code, Int(p.sourceWord) == lemma.wordNumber, p.targetWord != 0,
                let name = storage.lemma(synset: Int(p.target), number: Int(p.targetWord))
            else { continue }
            let l = Lemma(name: name, synset: SynsetID(rawValue: p.target), wordNumber: Int(p.targetWord))
            if !out.contains(l) { out.append(l) }
        }
        return out
    }

    /// Antonyms (`!`) of one word sense.
    public func antonyms(of lemma: Lemma) -> [Lemma] { lexicalTargets(of: lemma, .antonym) }

    /// Derivationally related forms (`+`) of one word sense.
    public func derivationallyRelatedForms(of lemma: Lemma) -> [Lemma] { lexicalTargets(of: lemma, .derivationallyRelated) }

    /// Antonyms of every sense of `word` (not lemmatised), optionally of one part of speech.
    public func antonyms(of word: String, pos: PartOfSpeech? = nil) -> [Lemma] {
        unique(lemmas(word, pos: pos).flatMap { antonyms(of: $0) })
    }

    /// Derivationally related forms of every sense of `word` (not lemmatised), optionally of one part of speech.
    public func derivationallyRelatedForms(of word: String, pos: PartOfSpeech? = nil) -> [Lemma] {
        unique(lemmas(word, pos: pos).flatMap { derivationallyRelatedForms(of: $0) })
    }

    private func unique(_ lemmas: [Lemma]) -> [Lemma] {
        var seen = Set<Lemma>()
        return lemmas.filter { seen.insert($0).inserted }
    }
}
