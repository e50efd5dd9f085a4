import Foundation
import Lexicon
import Testing

/// A hand-written miniature WordNet in the real file format: small enough to work out every similarity by hand
/// from NLTK's definitions, and to break one line at a time.
///
/// Taxonomy: nouns thing ← animal ← dog (= hound), thing ← plant; verbs move ← run, and think alone; adjectives
/// good ⟷ bad (antonyms), good & fine (satellite); adverb well.
struct TinyWordNet {
    static let header = """
      1 A two-line stand-in for the licence header.  
      2 Lines that begin with a space are skipped.  

    """

    var files: [String: String] = [
        "data.noun": header + """
        00000100 03 n 01 thing 0 002 ~ 00000200 n 0000 ~ 00000300 n 0000 | a separate entity  
        00000200 05 n 01 animal 0 002 @ 00000100 n 0000 ~ 00000400 n 0000 | a living organism that moves; "an animal ran"  
        00000300 20 n 01 plant 0 001 @ 00000100 n 0000 | a living organism without locomotion  
        00000400 05 n 02 dog 0 Hound 0 002 @ 00000200 n 0000 + 00000200 v 0101 | a domestic animal; "the dog barked"  

        """,
        "data.verb": header + """
        00000100 38 v 01 move 0 001 ~ 00000200 v 0000 01 + 02 00 | change position  
        00000200 38 v 01 run 0 002 @ 00000100 v 0000 + 00000400 n 0101 01 + 02 00 | move fast on foot  
        00000300 31 v 01 think 0 000 01 + 08 00 | use the mind  

        """,
        "data.adj": header + """
        00000100 00 a 01 good 0 002 ! 00000200 a 0101 & 00000300 s 0000 | having desirable qualities  
        00000200 00 a 01 bad 0 001 ! 00000100 a 0101 | not good  
        00000300 00 s 01 fine(p) 0 001 & 00000100 a 0000 | of high quality  

        """,
        "data.adv": header + """
        00000100 02 r 01 well 0 000 | in a good way  

        """,
        "index.noun": header + """
        animal n 1 2 @ ~ 1 0 00000200  
        dog n 1 2 @ + 1 1 00000400  
        hound n 1 1 @ 1 0 00000400  
        plant n 1 1 @ 1 0 00000300  
        thing n 1 1 ~ 1 0 00000100  

        """,
        "index.verb": header + """
        move v 1 1 ~ 1 0 00000100  
        run v 1 2 @ + 1 0 00000200  
        think v 1 0 1 0 00000300  

        """,
        "index.adj": header + """
        bad a 1 1 ! 1 0 00000200  
        fine a 1 1 & 1 0 00000300  
        good a 1 2 ! & 1 0 00000100  

        """,
        "index.adv": header + """
        well r 1 0 1 0 00000100  

        """,
        "noun.exc": "dogges dog\n",
        "verb.exc": "ran run\n",
        "adj.exc": "",
        "adv.exc": "",
    ]

    /// Replaces the first occurrence of `old` in `file`.
    mutating func replace(_ file: String, _ old: String, _ new: String) {
        files[file] = files[file]!.replacingOccurrences(of: old, with: new)
    }

    func write(to dir: TemporaryDirectory, crlf: Bool = false) throws {
        for (name, text) in files {
            try dir.write(name, crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text)
        }
    }

    func load() throws -> WordNet {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try write(to: dir)
        return try WordNet(directory: dir.url)
    }

    /// Loads the files and returns the error's description and the path of the file named `file`.
    func failure(_ file: String) throws -> (description: String, path: String)? {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try write(to: dir)
        let error = lexiconError { _ = try WordNet(directory: dir.url) }
        return error.map { ($0.description, dir.url.appendingPathComponent(file).path) }
    }
}

@Suite struct TinyWordNetTests {
    @Test func parses() throws {
        let wn = try TinyWordNet().load()
        #expect(wn.synsetCount(.noun) == 4 && wn.synsetCount(.verb) == 3 && wn.synsetCount(.adjective) == 3 && wn.synsetCount(.adverb) == 1)
        #expect(wn.synsetCount(.adjectiveSatellite) == 1)
        let dog = try #require(wn.synset(named: "dog.n.01"))
        #expect(wn.synset(named: "hound.n.01") == dog)
        let s = wn.synset(dog)
        #expect(s.lemmaNames == ["dog", "Hound"])
        #expect(s.lexicographerFile == "noun.animal")
        #expect(s.definition == "a domestic animal")
        #expect(s.examples == ["the dog barked"])
        #expect(s.pointers.map(\.symbol) == [.hypernym, .derivationallyRelated])
        #expect(s.pointers[1].isLexical && s.pointers[1].sourceWord == 1 && s.pointers[1].targetWord == 1)
        let fine = wn.synset(try #require(wn.synset(named: "fine.s.01")))
        #expect(fine.words == [SynsetWord(lemma: "fine", lexID: 0, adjectivePosition: "p")])
        #expect(wn.pos(of: fine.id) == .adjectiveSatellite)
        // A CRLF copy reads the same.
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try TinyWordNet().write(to: dir, crlf: true)
        let crlf = try WordNet(directory: dir.url)
        #expect(crlf.synset(try #require(crlf.synset(named: "dog.n.01"))).gloss == s.gloss)
    }

    @Test func lookupsAndMorphy() throws {
        let wn = try TinyWordNet().load()
        #expect(wn.morphy("dogs") == "dog")
        #expect(wn.morphy("dogges") == "dog")  // noun.exc
        #expect(wn.morphy("hounds") == "hound")
        #expect(wn.morphy("ran", pos: .verb) == "run")  // verb.exc
        #expect(wn.morphy("moved", pos: .verb) == "move")  // ed → e
        #expect(wn.morphy("finer", pos: .adjective) == "fine")  // er → ""
        #expect(wn.morphy("running") == nil)  // no exception in this copy, and "runn"/"runne" are not lemmas
        #expect(wn.synsets("DOGS").map { wn.name(of: $0) } == ["dog.n.01"])
        #expect(wn.synsets("ran").map { wn.name(of: $0) } == ["run.v.01"])
        #expect(wn.synsets("ran", lemmatize: false).isEmpty)
        #expect(wn.lemmas("hound").map(\.name) == ["Hound"])
    }

    @Test func relations() throws {
        let wn = try TinyWordNet().load()
        func id(_ n: String) throws -> SynsetID { try #require(wn.synset(named: n)) }
        #expect(wn.hypernymClosure(try id("dog.n.01")).map { wn.name(of: $0.synset) } == ["animal.n.01", "thing.n.01"])
        #expect(wn.hypernymClosure(try id("dog.n.01")).map(\.distance) == [1, 2])
        #expect(wn.hyponymClosure(try id("thing.n.01"), maxDepth: 1).map { wn.name(of: $0.synset) } == ["animal.n.01", "plant.n.01"])
        #expect(wn.hyponymClosure(try id("thing.n.01")).count == 3)
        #expect(wn.antonyms(of: "good").map(\.name) == ["bad"])
        #expect(wn.similarTo(try id("good.a.01")) == [try id("fine.s.01")])
        #expect(wn.derivationallyRelatedForms(of: "dog").map { "\(wn.name(of: $0.synset)):\($0.name)" } == ["run.v.01:run"])
        #expect(wn.derivationallyRelatedForms(of: "hound").isEmpty)  // the pointer leaves word 1 (dog), not word 2
        #expect(wn.rootHypernyms(try id("dog.n.01")) == [try id("thing.n.01")])
        #expect(wn.rootHypernyms(try id("think.v.01")) == [try id("think.v.01")])
    }

    /// Every value below is worked out by hand from NLTK's definitions (see `WordNet+Similarity.swift`):
    /// path = 1/(d+1); Wu–Palmer = 2·D/((d1+D)+(d2+D)) with D = maxDepth(subsumer)+1 and the subsumer the deepest
    /// common hypernym by minimum depth (ties: first by name, "*ROOT*" before letters; the first synset itself if
    /// it ties); for non-nouns a simulated root sits one step above each synset's farthest ancestor.
    @Test func similarities() throws {
        let wn = try TinyWordNet().load()
        func id(_ n: String) throws -> SynsetID { try #require(wn.synset(named: n)) }
        let dog = try id("dog.n.01"), plant = try id("plant.n.01"), animal = try id("animal.n.01")
        let run = try id("run.v.01"), move = try id("move.v.01"), think = try id("think.v.01")
        let good = try id("good.a.01"), bad = try id("bad.a.01")

        // Nouns: dog→animal→thing, plant→thing. d(dog, plant) = 3; subsumer thing (D = 1), d1 = 2, d2 = 1.
        #expect(wn.shortestPathDistance(dog, plant) == 3)
        #expect(wn.pathSimilarity(dog, plant) == 0.25)
        #expect(wn.wuPalmerSimilarity(dog, plant) == 2.0 / 5.0)
        // dog/animal: subsumer animal (D = 2), d1 = 1, d2 = 0 → 4/5.
        #expect(wn.pathSimilarity(dog, animal) == 0.5)
        #expect(wn.wuPalmerSimilarity(dog, animal) == 4.0 / 5.0)
        #expect(wn.lowestCommonHypernyms(dog, plant) == [try id("thing.n.01")])

        // Verbs in different trees: run {run 0, move 1, root 2}, think {think 0, root 1} → d = 3.
        #expect(wn.shortestPathDistance(run, think) == nil)
        #expect(wn.shortestPathDistance(run, think, simulateRoot: true) == 3)
        #expect(wn.pathSimilarity(run, think) == 0.25)
        #expect(wn.pathSimilarity(run, think, simulateRoot: false) == nil)
        // Subsumer the root (D = 1), d1 = 2, d2 = 1 → 2/5.
        #expect(wn.wuPalmerSimilarity(run, think) == 2.0 / 5.0)
        #expect(wn.wuPalmerSimilarity(run, think, simulateRoot: false) == nil)
        // run/move: move and the root tie at minimum depth 0 and "*ROOT*" sorts first, so from run the subsumer
        // is the root: D = 1, d(run, root) = 2, d(move, root) = 1 → 2/5. From move, move itself is a tied
        // subsumer: D = 1, d1 = 0, d2 = 1 → 2/3 (NLTK's Wu–Palmer is not symmetric here).
        #expect(wn.pathSimilarity(run, move) == 0.5)
        #expect(wn.wuPalmerSimilarity(run, move) == 2.0 / 5.0)
        #expect(wn.wuPalmerSimilarity(move, run) == 2.0 / 3.0)

        // Noun and verb: the verb needs the root, so both get it: dog {…, thing 2, root 3}, run {…, root 2}.
        #expect(wn.pathSimilarity(dog, run) == 1.0 / 6.0)
        // Adjectives have no hypernyms: good {good 0, root 1}, bad {bad 0, root 1} → d = 2; Wu–Palmer 2/4.
        #expect(wn.pathSimilarity(good, bad) == 1.0 / 3.0)
        #expect(wn.wuPalmerSimilarity(good, bad) == 0.5)
        #expect(wn.pathSimilarity(good, bad, simulateRoot: false) == nil)
        #expect(wn.maxDepth(dog) == 2 && wn.minDepth(dog) == 2 && wn.maxDepth(think) == 0)
    }

    /// Each broken line must give a one-line error naming the file and line.
    @Test func malformedLines() throws {
        let cases: [(file: String, old: String, new: String, line: Int, says: String)] = [
            ("data.noun", "00000200 05 n 01 animal 0 002", "00000200 05 n 01 animal 0 0x2", 4, "pointer count '0x2' is not a decimal number"),
            ("data.noun", "~ 00000300 n 0000 |", "? 00000300 n 0000 |", 3, "unknown pointer symbol '?'"),
            ("data.noun", "animal 0 002 @ 00000100", "animal 0 002 @ 00000999", 4, "pointer to offset 00000999, which is not a synset of data.noun"),
            ("data.noun", "@ 00000100 n 0000 | a living organism without", "@ 00000100 x 0000 | a living organism without", 5, "part of speech 'x'"),
            ("data.noun", "plant 0 001 @ 00000100 n 0000", "plant 0 001 @ 00000100 n 00zz", 5, "not 4 hexadecimal digits"),
            ("data.noun", "00000300 20 n", "00000300 99 n", 5, "lexicographer file number 99"),
            ("data.noun", "00000400 05 n 02", "00000150 05 n 02", 6, "offsets must increase"),
            ("data.noun", "dog 0 Hound 0 002 @ 00000200 n 0000 + 00000200 v 0101", "dog 0 Hound 0 002 @ 00000200 n 0000 + 00000200 v 0301", 6, "comes from word 3"),
            ("data.verb", "00000300 31 v", "00000300 31 n", 5, "synset type 'n' does not belong in data.verb"),
            ("data.verb", "01 + 08 00 | use", "01 - 08 00 | use", 5, "verb frame 1 does not start with '+'"),
            ("data.adj", "fine(p)", "fine(x)", 5, "unknown adjective marker"),
            ("data.adv", "000 | in a good way", "000 in a good way", 3, "expected the gloss separator '|'"),
            ("data.adv", "00000100 02 r 01 well 0 000 | in a good way", "00000100 02 r 01 well", 3, "line ends where the lex_id of word 1 was expected"),
            ("data.verb", "+ 00000400 n 0101", "+ 00000400 n 0103", 4, "pointer to word 3 of synset 00000400, which has 2 words"),
            ("index.noun", "dog n 1 2 @ + 1 1 00000400", "dog n 1 2 @ + 1 1 00000401", 4, "synset offset 00000401 is not a synset of data.noun"),
            ("index.noun", "plant n 1 1 @ 1 0 00000300", "plant n 1 1 @ 2 0 00000300", 6, "sense count 2 differs from synset count 1"),
            ("index.noun", "thing n 1 1 ~ 1 0 00000100", "thing n 1 1 ~ 1 0 00000100 extra", 7, "unexpected text after"),
            ("index.verb", "think v 1 0 1 0 00000300", "think n 1 0 1 0 00000300", 5, "part of speech 'n' does not belong in index.verb"),
            ("index.adj", "good a 1 2 ! & 1 0", "good a 1 2 ! ? 1 0", 5, "unknown pointer symbol '?'"),
            ("noun.exc", "dogges dog", "dogges", 1, "exception 'dogges' has no base form"),
        ]
        for c in cases {
            var tiny = TinyWordNet()
            tiny.replace(c.file, c.old, c.new)
            #expect(tiny.files[c.file] != TinyWordNet().files[c.file], "\(c.file): '\(c.old)' not found")
            let (description, path) = try #require(try tiny.failure(c.file), "\(c.file): \(c.says) — no error")
            #expect(description.hasPrefix("\(path):\(c.line): "), "\(description)")
            #expect(description.contains(c.says), "\(description)")
            #expect(!description.contains("\n"))
        }
    }

    @Test func missingFile() throws {
        var tiny = TinyWordNet()
        tiny.files.removeValue(forKey: "index.adv")
        let (description, path) = try #require(try tiny.failure("index.adv"))
        #expect(description.hasPrefix(path + ": cannot open"))
    }
}
