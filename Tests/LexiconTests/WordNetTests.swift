import Foundation
import Lexicon
import Testing

/// The real WordNet 3.0 database (Debian `wordnet-base`, via the asset store).
///
/// Reference values: counts and index lines from the project's data inventory (shared/reference/data.md §5,
/// counted with `grep -vc '^  '` on the files); NLTK values from NLTK's WordNet how-to
/// (`nltk/test/wordnet.doctest`, published at www.nltk.org/howto/wordnet.html), where `0.142...` means the
/// printed value starts with those digits.
@Suite struct WordNetTests {
    let wn: WordNet

    init() throws { wn = try RealWordNet.load() }

    func named(_ name: String) throws -> SynsetID { try #require(wn.synset(named: name), "\(name)") }
    func names(_ ids: [SynsetID]) -> [String] { ids.map { wn.name(of: $0) } }

    /// `actual` printed with NLTK's doctest ellipsis `prefix...` matches when it starts with the prefix's digits.
    func matches(_ actual: Double?, _ prefix: String) -> Bool {
        guard let actual else { return false }
        let digits = prefix.count - 2
        let scale = pow(10.0, Double(digits))
        return (actual * scale).rounded(.down) / scale == Double(prefix)!
    }

    @Test func counts() {
        #expect(wn.synsetCount(.noun) == 82_115)
        #expect(wn.synsetCount(.verb) == 13_767)
        #expect(wn.synsetCount(.adjective) == 18_156)
        #expect(wn.synsetCount(.adverb) == 3_621)
        #expect(wn.synsetCount == 82_115 + 13_767 + 18_156 + 3_621)
        #expect(wn.lemmaCount(.noun) == 117_798)
        #expect(wn.lemmaCount(.verb) == 11_529)
        #expect(wn.lemmaCount(.adjective) == 21_479)
        #expect(wn.lemmaCount(.adverb) == 4_481)
    }

    @Test func indexLines() throws {
        // data.md: `dignity n 3 2 @ + 3 2 04886881 04910684 14431902`
        let dignity = try #require(wn.indexEntry("dignity", pos: .noun))
        #expect(dignity.synsets.map { wn.offset(of: $0) } == [4_886_881, 4_910_684, 14_431_902])
        #expect(dignity.pointerSymbols == ["@", "+"])
        #expect(dignity.taggedSenseCount == 2)
        // data.md: `fairness n 4 5 ! @ ~ = + 4 1 04839154 06203030 04977247 04685396`
        let fairness = try #require(wn.indexEntry("Fairness", pos: .noun))
        #expect(fairness.synsets.map { wn.offset(of: $0) } == [4_839_154, 6_203_030, 4_977_247, 4_685_396])
        #expect(fairness.pointerSymbols == ["!", "@", "~", "=", "+"])
        #expect(fairness.taggedSenseCount == 1)
        // Value words (data.md §5): dignity 3, fairness 4, autonomy 2, honesty 2, well-being 1, justice 4 senses.
        for (word, senses) in [("dignity", 3), ("fairness", 4), ("autonomy", 2), ("honesty", 2), ("well-being", 1), ("wellbeing", 1), ("justice", 4)] {
            #expect(wn.synsets(word, pos: .noun).count == senses, "\(word)")
        }
        #expect(wn.indexEntry("dignity", pos: .verb) == nil)
        #expect(wn.indexEntries("dog").map(\.pos) == [.noun, .verb])
    }

    @Test func dataLine() throws {
        // data.md: `00001740 03 n 01 entity 0 003 ~ 00001930 n 0000 ~ 00002137 n 0000 ~ 04424418 n 0000 | that
        // which is perceived or known or inferred to have its own distinct existence (living or nonliving)`
        let entity = wn.synset(try #require(wn.synset(pos: .noun, offset: 1740)))
        #expect(entity.lexicographerFile == "noun.Tops")
        #expect(entity.words == [SynsetWord(lemma: "entity", lexID: 0)])
        #expect(entity.pointers.map(\.symbol) == [.hyponym, .hyponym, .hyponym])
        #expect(entity.pointers.map { wn.offset(of: $0.target) } == [1930, 2137, 4_424_418])
        #expect(entity.pointers.allSatisfy { !$0.isLexical })
        #expect(entity.gloss == "that which is perceived or known or inferred to have its own distinct existence (living or nonliving)")
        #expect(wn.name(of: entity.id) == "entity.n.01")

        // NLTK how-to: dog.n.01's lemmas, definition and example.
        let dog = wn.synset(try named("dog.n.01"))
        #expect(dog.lemmaNames == ["dog", "domestic_dog", "Canis_familiaris"])
        #expect(dog.definition == "a member of the genus Canis (probably descended from the common wolf) that has been domesticated by man since prehistoric times; occurs in many breeds")
        #expect(dog.examples == ["the dog barked all night"])
        // NLTK how-to: wn.synset_from_pos_and_offset('n', 4543158) is wagon.n.01.
        #expect(wn.synset(pos: .noun, offset: 4_543_158).map { wn.name(of: $0) } == "wagon.n.01")
        #expect(wn.synset(pos: .noun, offset: 4_543_159) == nil)

        // Adjective markers: `galore(ip)` in data.adj.
        let galore = wn.synset(try #require(wn.synsets("galore", pos: .adjective).first))
        #expect(galore.words.first { $0.lemma == "galore" }?.adjectivePosition == "ip")
    }

    @Test func names() throws {
        // NLTK how-to: the first ten noun synsets in file order and the first adjective and satellite.
        #expect(names(Array(wn.allSynsets(.noun).prefix(10))) == [
            "entity.n.01", "physical_entity.n.01", "abstraction.n.06", "thing.n.12", "object.n.01",
            "whole.n.02", "congener.n.03", "living_thing.n.01", "organism.n.01", "benthos.n.02",
        ])
        #expect(wn.allSynsets(.adjective).first.map { wn.name(of: $0) } == "able.a.01")
        #expect(wn.allSynsets(.adjectiveSatellite).first.map { wn.name(of: $0) } == "emergent.s.02")
        #expect(wn.synset(named: "dog.n.99") == nil)
        #expect(wn.synset(named: "nonsense") == nil)
        #expect(wn.synset(named: "emergent.s.02") != nil)
        #expect(wn.synset(named: "able.s.01") == nil)
    }

    @Test func lookupAndMorphy() throws {
        // NLTK how-to: wn.synsets('dog') and wn.synsets('dog', pos=wn.VERB).
        #expect(names(wn.synsets("dog")) == [
            "dog.n.01", "frump.n.01", "dog.n.03", "cad.n.01", "frank.n.02", "pawl.n.01", "andiron.n.01", "chase.v.01",
        ])
        #expect(names(wn.synsets("dog", pos: .verb)) == ["chase.v.01"])
        // NLTK how-to, Morphy section and regression tests.
        #expect(wn.morphy("denied", pos: .noun) == nil)
        #expect(wn.morphy("denied", pos: .verb) == "deny")
        #expect(names(wn.synsets("denied", pos: .noun)) == [])
        #expect(names(wn.synsets("denied", pos: .verb)) == [
            "deny.v.01", "deny.v.02", "deny.v.03", "deny.v.04", "deny.v.05", "traverse.v.03", "deny.v.07",
        ])
        #expect(wn.morphy("dogs") == "dog")
        #expect(wn.morphy("churches") == "church")
        #expect(wn.morphy("aardwolves") == "aardwolf")
        #expect(wn.morphy("abaci") == "abacus")
        #expect(wn.morphy("book", pos: .noun) == "book")
        #expect(wn.morphy("hardrock", pos: .adverb) == nil)
        #expect(wn.morphy("book", pos: .adjective) == nil)
        #expect(wn.morphy("his", pos: .noun) == nil)
        #expect(names(wn.synsets("pants", pos: .noun)) == ["bloomers.n.01", "pant.n.01", "trouser.n.01", "gasp.n.01"])
        // Exceptions (noun.exc `geese goose`, verb.exc `running run`) and plain detachment.
        #expect(wn.morphy("geese") == "goose")
        #expect(wn.morphy("running", pos: .verb) == "run")
        #expect(wn.morphy("running") == "running")  // a noun lemma itself, found first
        // NLTK regression test (bug 482): WordNetLemmatizer, which takes the shortest of morphy's base forms,
        // gives egg and leg ("eggs" and "legs" are noun lemmas themselves, so morphy's first form is the word).
        #expect(wn.baseForms("eggs", pos: .noun).min { $0.count < $1.count } == "egg")
        #expect(wn.baseForms("legs", pos: .noun).min { $0.count < $1.count } == "leg")
        #expect(wn.lemmatize("running") == ["running", "run"])
        #expect(wn.morphy(String(repeating: "es", count: 500)) == nil)
        // Case and spaces.
        #expect(wn.synsets("Domestic Dog").first == (try named("dog.n.01")))
        #expect(!wn.synsets("ice cream").isEmpty)
        #expect(wn.contains("ice cream", pos: .noun))
    }

    @Test func nltkSimilarities() throws {
        let dog = try named("dog.n.01"), cat = try named("cat.n.01")
        let hit = try named("hit.v.01"), slap = try named("slap.v.01")
        // NLTK how-to: dog.path_similarity(cat) 0.2..., hit.path_similarity(slap) 0.142...,
        // hit.path_similarity(slap, simulate_root=False) None.
        #expect(matches(wn.pathSimilarity(dog, cat), "0.2"))
        #expect(matches(wn.pathSimilarity(hit, slap), "0.142"))
        #expect(wn.pathSimilarity(hit, slap, simulateRoot: false) == nil)
        // NLTK how-to: dog.wup_similarity(cat) 0.857..., hit.wup_similarity(slap) 0.25, None without the root.
        #expect(matches(wn.wuPalmerSimilarity(dog, cat), "0.857"))
        #expect(wn.wuPalmerSimilarity(hit, slap) == 0.25)
        #expect(wn.wuPalmerSimilarity(hit, slap, simulateRoot: false) == nil)
        // Symmetric for these pairs, 1 for a synset with itself.
        #expect(wn.pathSimilarity(cat, dog) == wn.pathSimilarity(dog, cat))
        #expect(wn.pathSimilarity(dog, dog) == 1)
        // NLTK issue #1030: with the minimum-depth subsumer, dog.n.01 against itself gives 0.9285714285714286
        // (its deepest-by-min-depth common "hypernym" is canine.n.02); PR #1813 made a synset that ties for
        // subsumer its own, so orange.n.01 against itself gives 1.0.
        #expect(wn.wuPalmerSimilarity(dog, dog) == 0.9285714285714286)
        let orange = wn.synsets("orange")[0]
        #expect(wn.wuPalmerSimilarity(orange, orange) == 1)
        // NLTK how-to: lowest common hypernyms.
        #expect(names(wn.lowestCommonHypernyms(dog, cat)) == ["carnivore.n.01"])
        #expect(names(wn.lowestCommonHypernyms(try named("policeman.n.01"), try named("chef.n.01"))) == ["person.n.01"])
        // NLTK regression tests: bug 160, issue 2278, bug 284, bug 470, bug 484.
        #expect(matches(wn.wuPalmerSimilarity(wn.synsets("picasso")[0], wn.synsets("male")[1]), "0.631"))
        #expect(matches(wn.wuPalmerSimilarity(wn.synsets("titan")[1], wn.synsets("say", pos: .verb)[0]), "0.142"))
        #expect(matches(wn.wuPalmerSimilarity(try named("john.n.02"), dog), "0.571"))
        #expect(matches(wn.wuPalmerSimilarity(wn.synsets("google")[0], wn.synsets("earth")[0]), "0.1"))
        let say = wn.synsets("say", pos: .verb)[0], fly = wn.synsets("fly", pos: .verb)[0]
        #expect(wn.shortestPathDistance(say, fly) == nil)
        #expect(wn.pathSimilarity(say, fly, simulateRoot: false) == nil)
        #expect(wn.wuPalmerSimilarity(say, fly, simulateRoot: false) == nil)
        // Bug 428: instance nouns have depth.
        #expect(wn.maxDepth(try named("lincoln.n.01")) > 0)
    }

    @Test func wuPalmerFromDepths() throws {
        // dog/cat by hand from the taxonomy: the subsumer carnivore.n.01, depth = maxDepth + 1, and the path
        // lengths from each synset to it.
        let dog = try named("dog.n.01"), cat = try named("cat.n.01"), carnivore = try named("carnivore.n.01")
        let depth = Double(wn.maxDepth(carnivore) + 1)
        let d1 = Double(try #require(wn.shortestPathDistance(dog, carnivore)))
        let d2 = Double(try #require(wn.shortestPathDistance(cat, carnivore)))
        #expect(wn.wuPalmerSimilarity(dog, cat) == 2 * depth / (d1 + depth + d2 + depth))
        #expect(wn.pathSimilarity(dog, cat) == 1 / (d1 + d2 + 1))
        #expect(wn.minDepth(try named("entity.n.01")) == 0)
        #expect(wn.maxDepth(try named("entity.n.01")) == 0)
    }

    @Test func relations() throws {
        let dog = try named("dog.n.01")
        // NLTK how-to: hypernyms, closure and roots of dog.n.01.
        #expect(Set(names(wn.hypernyms(dog))) == ["canine.n.02", "domestic_animal.n.01"])
        #expect(Set(names(wn.hypernymClosure(dog).map(\.synset))) == [
            "animal.n.01", "canine.n.02", "carnivore.n.01", "chordate.n.01", "domestic_animal.n.01", "entity.n.01",
            "living_thing.n.01", "mammal.n.01", "object.n.01", "organism.n.01", "physical_entity.n.01",
            "placental.n.01", "vertebrate.n.01", "whole.n.02",
        ])
        #expect(Set(wn.hyponymClosure(dog, maxDepth: 1).map(\.synset)) == Set(wn.hyponyms(dog)))
        #expect(Set(wn.hypernymClosure(dog, maxDepth: 1).map(\.synset)) == Set(wn.hypernyms(dog)))
        #expect(wn.hypernymClosure(dog, maxDepth: 2).allSatisfy { $0.distance <= 2 })
        #expect(names(wn.rootHypernyms(dog)) == ["entity.n.01"])
        #expect(wn.hyponymClosure(dog).contains { wn.name(of: $0.synset) == "corgi.n.01" })
        // NLTK how-to (WordNet 3.0): restrain.v.01's hyponyms are confine.v.03, control.v.02, hold.v.36 and
        // inhibit.v.04. Princeton's 3.0 files have a hypernym cycle there (restrain.v.01 and inhibit.v.04 are each
        // other's hypernym); Debian's wordnet-base removes the hyponym pointer to inhibit.v.04, keeping
        // inhibit.v.04 as restrain.v.01's hypernym, so the list here has three.
        let restrain = try named("restrain.v.01")
        #expect(Set(names(wn.hyponyms(restrain))) == ["confine.v.03", "control.v.02", "hold.v.36"])
        #expect(names(wn.hypernyms(restrain)) == ["inhibit.v.04"])
        // NLTK how-to: lemma relations.
        let good = try #require(wn.lemmas(of: try named("good.a.01")).first)
        #expect(wn.antonyms(of: good).map { "\(wn.name(of: $0.synset)).\($0.name)" } == ["bad.a.01.bad"])
        let vocal = try #require(wn.lemmas(of: try named("vocal.a.01")).first)
        #expect(wn.derivationallyRelatedForms(of: vocal).map { "\(wn.name(of: $0.synset)).\($0.name)" } == ["vocalize.v.02.vocalize"])
        #expect(wn.antonyms(of: vocal).map { "\(wn.name(of: $0.synset)).\($0.name)" } == ["instrumental.a.01.instrumental"])
        #expect(wn.lexicalTargets(of: vocal, .pertainym).map { "\(wn.name(of: $0.synset)).\($0.name)" } == ["voice.n.02.voice"])
        // NLTK how-to, tree() example: bound.a.01 also-sees unfree.a.02, which also-sees confined.a.02,
        // dependent.a.01 and restricted.a.01 (and bound.a.01 back).
        #expect(names(wn.alsoSee(try named("bound.a.01"))) == ["unfree.a.02"])
        #expect(Set(names(wn.alsoSee(try named("unfree.a.02")))) == ["bound.a.01", "confined.a.02", "dependent.a.01", "restricted.a.01"])
        // NLTK how-to, issue 541: domains.
        #expect(names(wn.related(try named("code.n.03"), .topicDomain)) == ["computer_science.n.01"])
        #expect(names(wn.related(try named("pukka.a.01"), .regionDomain)) == ["india.n.01"])
        #expect(names(wn.related(try named("freaky.a.01"), .usageDomain)) == ["slang.n.02"])
        // Similar-to joins a head adjective and its satellites both ways.
        let emergent = try named("emergent.s.02")
        let heads = wn.similarTo(emergent)
        #expect(!heads.isEmpty && heads.allSatisfy { wn.pos(of: $0) == .adjective })
        #expect(heads.allSatisfy { wn.similarTo($0).contains(emergent) })
        // Word-level relations of value words.
        #expect(wn.derivationallyRelatedForms(of: "dignity").contains { $0.name == "dignify" })
        #expect(wn.antonyms(of: "fairness").contains { $0.name == "unfairness" })
        #expect(wn.antonyms(of: "fair", pos: .adjective).contains { $0.name == "unfair" })
    }

    @Test func everyNounHasTheEntityRoot() throws {
        // NLTK regression test (bug 99): every noun synset's root hypernym is entity.n.01.
        let entity = try named("entity.n.01")
        let nouns = wn.allSynsets(.noun)
        #expect(nouns.count == 82_115)
        var wrong = 0
        for s in nouns where wn.rootHypernyms(s) != [entity] { wrong += 1 }
        #expect(wrong == 0)
    }
}
