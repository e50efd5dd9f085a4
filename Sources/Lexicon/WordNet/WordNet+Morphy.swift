/// Morphy: WordNet's lemmatiser (morphy(7WN)), with the exception lists and the detachment rules, in the variant
/// NLTK implements (its rule list adds `ves → f` for nouns).
extension WordNet {
    /// The detachment rules (suffix, replacement) per part of speech, tried in this order.
    public static func detachmentRules(_ pos: PartOfSpeech) -> [(suffix: String, ending: String)] {
        switch pos {
        case .noun:
            [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")]
        case .verb:
            [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
        case .adjective, .adjectiveSatellite:
            [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]
        case .adverb:
            []
        }
    }

    /// Longer forms are not lemmatised (WordNet 3.0's longest lemma has 71 bytes).
    public static let maximumFormLength = 256

    /// The base forms of `form` for one part of speech that are in the index, in NLTK's order:
    /// 1. if the form is in the exception list, the form itself and its listed bases (those in the index), and
    ///    nothing else;
    /// 2. otherwise the form and every one-step detachment that is in the index;
    /// 3. if none is, detachments are applied again and again until some result is in the index or none apply.
    ///
    /// The form is normalised first (lower case, underscores for spaces).
    public func baseForms(_ form: String, pos: PartOfSpeech) -> [String] {
        let form = WordNet.normalize(form)
        // No WordNet lemma is longer than 71 bytes; longer input has no base form.
        guard form.utf8.count <= WordNet.maximumFormLength else { return [] }
        let file = pos.fileIndex
        let rules = WordNet.detachmentRules(pos)

        func known(_ forms: [String]) -> [String] {
            var seen = Set<String>()
            return forms.filter { storage.slot($0, file: file) != nil && seen.insert($0).inserted }
        }
        // Repeats are dropped (first occurrence kept), which changes no result and keeps pathological inputs
        // ("eseseses…") from growing the list exponentially.
        func detach(_ forms: [String]) -> [String] {
            var seen = Set<String>()
            var out: [String] = []
            for f in forms {
                for (suffix, ending) in rules where f.hasSuffix(suffix) {
                    let b = String(f.dropLast(suffix.count)) + ending
                    if seen.insert(b).inserted { out.append(b) }
                }
            }
            return out
        }

        if let bases = storage.exceptions[file][form] {
            return known([form] + bases)
        }
        var forms = detach([form])
        let first = known([form] + forms)
        if !first.isEmpty { return first }
        while !forms.isEmpty {
            forms = detach(forms)
            let found = known(forms)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The first base form of `form` (NLTK's `morphy`): for one part of speech, or trying noun, verb, adjective and
    /// adverb in turn when `pos` is nil. Nil when none is in WordNet.
    public func morphy(_ form: String, pos: PartOfSpeech? = nil) -> String? {
        for p in pos.map({ [$0] }) ?? PartOfSpeech.filed {
            if let first = baseForms(form, pos: p).first { return first }
        }
        return nil
    }

    /// Every base form of `form` over all parts of speech (noun, verb, adjective, adverb order, without repeats):
    /// the lemmas under which a text word can be looked up.
    public func lemmatize(_ form: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for p in PartOfSpeech.filed {
            for b in baseForms(form, pos: p) where seen.insert(b).inserted { out.append(b) }
        }
        return out
    }
}
