import Foundation
import Lexicon
import Testing

/// The moral and sentiment lexicons, read through the asset store. Counts and example ratings from the project's
/// data inventory (shared/reference/data.md §7, read from the packaged files).
@Suite struct MoralLexiconTests {
    @Test func moralStrength() throws {
        let v11 = try MoralStrengthLexicon.load(.v1_1)
        // data.md: 2,845 word forms over the five v1.1 files; none repeats within a file.
        let rated = MoralFoundation.allCases.map { f in v11.entries.values.filter { $0[f] != nil }.count }
        #expect(rated.reduce(0, +) == 2845)
        #expect(v11.duplicates.isEmpty)
        // data.md: dignity 7.0, care 8.8 (care); justice 7.6, honesty 7.67, fair 9.0 (fairness); respect 5.8 (authority).
        #expect(v11.rating(of: "dignity", .care) == 7.0)
        #expect(abs(try #require(v11.rating(of: "care", .care)) - 8.8) < 1e-9)
        #expect(abs(try #require(v11.rating(of: "justice", .fairness)) - 7.6) < 1e-9)
        #expect(abs(try #require(v11.rating(of: "honesty", .fairness)) - 7.67) < 0.005)
        #expect(v11.rating(of: "fair", .fairness) == 9.0)
        #expect(abs(try #require(v11.rating(of: "respect", .authority)) - 5.8) < 1e-9)
        #expect(v11.rating(of: "Dignity", .care) == 7.0)  // lower-case fallback
        #expect(v11.rating(of: "dignity", .loyalty) == nil)
        #expect(v11.foundations == MoralFoundation.allCases)
        #expect(v11.ratings(of: "justice")[.fairness] != nil)

        let original = try MoralStrengthLexicon.load(.original)
        // data.md: 487 lemma lines (care 83, fairness 71, loyalty 83, authority 130, purity 120). Ten lemmas are
        // listed twice in one file (abuse and annihilation in care.tsv, …); the first rating is kept, as v1.1 does.
        let originalRated = MoralFoundation.allCases.map { f in original.entries.values.filter { $0[f] != nil }.count }
        #expect(originalRated.reduce(0, +) + original.duplicates.count == 487)
        #expect(original.duplicates.count == 10)
        #expect(original.rating(of: "abuse", .care) == 2.5)  // care.tsv line 3 (line 68 repeats it as 1.714…)
        #expect(original.rating(of: "abuse", .care) == v11.rating(of: "abuse", .care))
        #expect(original.rating(of: "dignity", .care) == 7.0)
        #expect(original.rating(of: "justice", .fairness) == 7.6)
        #expect(original.entries.values.allSatisfy { $0.values.allSatisfy { (1 ... 9).contains($0) } })
    }

    @Test func emfd() throws {
        let e = try EMFDLexicon.load()
        #expect(e.entries.count == 3270)  // data.md: 3,270 words
        // data.md: `dignity,0.148,0.167,0.241,0.167,0.267,…` (care, fairness, loyalty, authority, sanctity).
        let dignity: [(MoralFoundation, Double)] = [(.care, 0.148), (.fairness, 0.167), (.loyalty, 0.241), (.authority, 0.167), (.sanctity, 0.267)]
        for (f, p) in dignity { #expect(abs(try #require(e.rating(of: "dignity", f)) - p) < 0.0005, "\(f)") }
        #expect(e.sentiment(of: "dignity", .care).map { $0 > 0 } == true)
        #expect(e.words.first == e.words.sorted().first)
    }

    @Test func mfd() throws {
        let mfd2 = try MFDDictionary.load()
        // data.md: categories 1 care.virtue … 10 sanctity.vice; 2,103 word→category lines, some words on two lines.
        #expect(mfd2.categories.count == 10 && mfd2.categories[1] == "care.virtue" && mfd2.categories[10] == "sanctity.vice")
        #expect(mfd2.entries.values.reduce(0) { $0 + $1.count } == 2103)
        #expect(mfd2.rating(of: "compassion", .care) == 1)
        #expect(mfd2.categories(of: "compassion") == ["care.virtue"])
        #expect(mfd2.rating(of: "compassion", .fairness) == nil)
        #expect(mfd2.rating(of: "civil rights", .fairness) == 1)  // multi-word entry, category 3
        #expect(mfd2.foundations == MoralFoundation.allCases)

        let original = try MFDDictionary.load(file: "mft_original.dic")
        // The original MFD: 11 categories (the 10 + "moral") and stems with wildcards: `safe*  01`.
        #expect(original.categories.count == 11 && original.categories[11] == "moral")
        #expect(original.rating(of: "safety", .care) == 1)
        #expect(original.rating(of: "care", .care) == 1)
        #expect(original.rating(of: "xylophone", .care) == nil)
    }

    @Test func vader() throws {
        let v = try VADERLexicon.load()
        // vader_lexicon.txt: 7,520 lines (CRLF, no final newline); 14 tokens appear twice, the last line wins.
        #expect(v.entries.count + v.duplicates.count == 7520)
        #expect(v.duplicates.count == 14)
        // data.md: `dignity 1.7 0.9 [0, 3, 2, 1, 2, 1, 2, 3, 1, 2]`; the mean and the population SD of the ten
        // ratings, computed here, agree.
        let dignity = try #require(v.entry(for: "dignity"))
        #expect(dignity.mean == 1.7 && dignity.standardDeviation == 0.9)
        #expect(dignity.ratings == [0, 3, 2, 1, 2, 1, 2, 3, 1, 2])
        let mean = Double(dignity.ratings.reduce(0, +)) / 10
        let sd = (dignity.ratings.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / 10).squareRoot()
        #expect(abs(mean - dignity.mean) < 1e-9 && abs(sd - dignity.standardDeviation) < 1e-9)
        // data.md: justice 2.4, freedom 3.2, honesty 2.2, respect 2.1, abuse −3.2.
        #expect(v.rating(of: "justice") == 2.4 && v.rating(of: "freedom") == 3.2 && v.rating(of: "honesty") == 2.2)
        #expect(v.rating(of: "respect") == 2.1 && v.rating(of: "abuse") == -3.2)
        #expect(v.rating(of: "lol") == 1.8)  // lines 305 (2.9) and 4406 (1.8): the last wins
        #expect(v.rating(of: "notawordatall") == nil)
    }

    @Test func malformedFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }

        // MoralStrength: one directory per case, four good files and one bad.
        func moralStrength(_ care: String) throws -> (String, String) {
            let sub = TemporaryDirectory.Sub(dir, "ms\(UUID().uuidString)")
            for f in ["fairness", "loyalty", "authority", "purity"] { try sub.write("\(f).tsv", "WORD\tEXPRESSED_MORAL\nword\t5\n") }
            let path = try sub.write("care.tsv", care)
            let e = lexiconError { _ = try MoralStrengthLexicon.load(directory: sub.url, version: .v1_1) }
            return (e?.description ?? "", path)
        }
        for (text, line, says) in [
            ("LEMMA\tEXPRESSED_MORAL\nkind\t8\nharm\tten\n", 3, "rating 'ten' is not a number"),
            ("LEMMA\tEXPRESSED_MORAL\r\nkind\t8\r\nharm\t0.5\r\n", 3, "outside MoralStrength's 1–9 scale"),
            ("LEMMA\tRATING\nkind\t8\n", 1, "expected the header"),
            ("LEMMA\tEXPRESSED_MORAL\nkind 8\n", 2, "expected 2 TAB-separated fields"),
            ("", 1, "the file is empty"),
        ] {
            let (description, path) = try moralStrength(text)
            #expect(description.hasPrefix("\(path):\(line): ") && description.contains(says), "\(description)")
        }
        let okDir = TemporaryDirectory.Sub(dir, "ok")
        for f in ["care", "fairness", "loyalty", "authority", "purity"] {
            try okDir.write("\(f).tsv", "LEMMA\tEXPRESSED_MORAL\r\nkind\t8\r\nkind\t2\r\n")
        }
        let ok = try MoralStrengthLexicon.load(directory: okDir.url, version: .original)
        #expect(ok.rating(of: "kind", .sanctity) == 8 && ok.duplicates.count == 5)

        // eMFD.
        let header = "word,care_p,fairness_p,loyalty_p,authority_p,sanctity_p,care_sent,fairness_sent,loyalty_sent,authority_sent,sanctity_sent\n"
        for (text, line, says) in [
            (header + "kind,0.1,0.2,0.3,0.4,0.5,0.1,0.2,0.3,0.4\n", 2, "expected 11 comma-separated fields, found 10"),
            (header + "kind,0.1,0.2,0.3,0.4,1.5,0.1,0.2,0.3,0.4,0.5\n", 2, "sanctity_p '1.5' is not a probability"),
            (header + "kind,0.1,0.2,0.3,0.4,0.5,0.1,0.2,x,0.4,0.5\n", 2, "loyalty_sent 'x' is not a sentiment"),
            (header + "kind,0,0,0,0,0,0,0,0,0,0\nkind,0,0,0,0,0,0,0,0,0,0\n", 3, "listed twice"),
            ("word,care\n", 1, "expected the header"),
        ] {
            let path = try dir.write("emfd\(UUID().uuidString).csv", text)
            let description = lexiconError { _ = try EMFDLexicon.load(path: path) }?.description ?? ""
            #expect(description.hasPrefix("\(path):\(line): ") && description.contains(says), "\(description)")
        }

        // LIWC .dic.
        let cats = "%\n1\tcare.virtue\n2\tcare.vice\n%\n"
        for (text, line, says) in [
            (cats + "kind\t1\ncruel\t3\n", 6, "category 3 is not defined"),
            (cats + "kind\t1\ncruel\n", 6, "has no category id"),
            (cats + "kind\tx\n", 5, "category id 'x' is not a number"),
            ("kind\t1\n", 1, "expected the '%' line"),
            ("%\n1\tcare.virtue\nkind\t1\n", 3, "expected a category line"),
            ("%\n1\tcare.virtue\n", 2, "not closed"),
        ] {
            let path = try dir.write("d\(UUID().uuidString).dic", text)
            let description = lexiconError { _ = try MFDDictionary.load(path: path, name: "t") }?.description ?? ""
            #expect(description.hasPrefix("\(path):\(line): ") && description.contains(says), "\(description)")
        }
        let dic = try dir.write("ok.dic", cats + "kind\t1\nkind hearted 1\nharm*\t2\nharmless\t1 2\n")
        let d = try MFDDictionary.load(path: dic, name: "t")
        #expect(d.rating(of: "kind hearted", .care) == 1 && d.rating(of: "harmful", .care) == -1)
        #expect(d.rating(of: "harmless", .care) == 0)  // in both virtue and vice
        #expect(d.foundations == [.care])

        // VADER.
        for (text, line, says) in [
            ("good\t1.9\t0.9\t[2, 2]\r\nbad\t-2.5\t0.5\r\n", 2, "expected 4 TAB-separated fields"),
            ("bad\t-5\t0.5\t[-4]\n", 1, "is not a valence"),
            ("bad\t-2\t-1\t[-4]\n", 1, "standard deviation '-1'"),
            ("bad\t-2\t1\t-4, -3\n", 1, "not a bracketed list"),
            ("bad\t-2\t1\t[-4, 9]\n", 1, "rating '9' is not an integer"),
        ] {
            let path = try dir.write("v\(UUID().uuidString).txt", text)
            let description = lexiconError { _ = try VADERLexicon.load(path: path) }?.description ?? ""
            #expect(description.hasPrefix("\(path):\(line): ") && description.contains(says), "\(description)")
        }
    }
}

extension TemporaryDirectory {
    /// A subdirectory of a temporary directory (removed with it).
    struct Sub {
        let url: URL
        init(_ parent: TemporaryDirectory, _ name: String) { url = parent.url.appendingPathComponent(name, isDirectory: true) }
        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let file = url.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            return file.path
        }
    }
}
