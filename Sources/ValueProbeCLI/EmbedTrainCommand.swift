import ArgumentParser
import Assets
import Embeddings
import Foundation

/// `valueprobe embed train word2vec|lsa`: trains word vectors on the built-in corpus or the user's text and writes
/// them in word2vec text format.
struct EmbedTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train word vectors (word2vec skip-gram/CBOW or LSA) and write them in word2vec text format.",
        discussion: """
            --corpus builtin builds (once, cached under the asset cache) a 13-million-token English corpus from \
            Debian text packages: GCIDE, WordNet glosses, two Bibles, three commentaries, fortunes, FOLDOC, Jane \
            Austen, the Jargon File and The Devil's Dictionary. Any other value is a text file or folder (plain or \
            .gz), lowercased and tokenised the same way.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case word2vec, lsa }
    enum Architecture: String, EnumerableFlag { case sg, cbow }

    @Argument(help: "word2vec or lsa.") var method: Method
    @Option(help: "'builtin' or a text file/folder (.gz allowed).") var corpus: String = "builtin"
    @Option(help: "Output file (word2vec text format).") var out: String
    @Flag(help: "Treat blank-line-separated paragraphs of a user corpus as one sentence each (default: one per line).")
    var paragraphs = false
    @Option(help: "Vector dimension (word2vec; LSA uses --k).") var dim: Int = 100
    @Option(help: "Context window (word2vec).") var window: Int = 5
    @Option(help: "Negative samples (word2vec).") var negative: Int = 5
    @Option(name: .customLong("min-count"), help: "Drop words seen fewer times.") var minCount: Int = 5
    @Option(help: "Passes over the corpus (word2vec).") var epochs: Int = 5
    @Option(help: "Subsampling threshold, 0 disables (word2vec).") var sample: Double = 1e-3
    @Option(help: "Initial learning rate (word2vec).") var alpha: Double = 0.025
    @Option(name: .customLong("min-alpha"), help: "Final learning rate (word2vec).") var minAlpha: Double = 0.0001
    @Flag(help: "Skip-gram or CBOW (word2vec; default CBOW).") var architecture: Architecture = .cbow
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Number of LSA dimensions (singular vectors).") var k: Int = 300
    @Option(help: "LSA documents: 'lines' or a window size in tokens.") var documents: String = "lines"
    @Option(name: .customLong("stop-words"), help: "LSA stop words: 'none', 'english' or a file with one word per line.")
    var stopWords: String = "none"
    @Option(help: "LSA oversampling (extra random directions).") var oversampling: Int = 100
    @Option(name: .customLong("power-iterations"), help: "LSA power iterations.") var powerIterations: Int = 2
    @Flag(help: "Print the summary as JSON.") var json = false

    func validate() throws {
        if documents != "lines" && (Int(documents) ?? 0) < 1 {
            throw ValidationError("--documents must be 'lines' or a positive number of tokens, got '\(documents)'")
        }
    }

    func run() throws {
        let progress = TerminalProgress()
        let build = try CorpusBuilder().corpus(corpus, segmentation: paragraphs ? .paragraphs : .lines, progress: { p in
            if p.finished == nil {
                progress.update(ProgressBar(label: "corpus: \(p.source)", completed: Double(p.index), total: Double(p.total), unit: .count("sources")))
            } else if let f = p.finished {
                progress.finish("corpus: \(f.name): \(f.tokens) tokens, \(f.lines) lines")
            }
        }, assetProgress: Terminal.assetProgress)
        if build.reused { Terminal.error("corpus: \(build.url.path) (cached, \(build.tokens) tokens, \(build.lines) lines)") }
        progress.status("reading \(build.url.lastPathComponent)…")
        let tokens = try TokenCorpus(contentsOf: build.url)
        progress.finish("read \(tokens.tokenCount) tokens, \(tokens.lineCount) lines, \(tokens.words.count) distinct words")
        let outURL = URL(fileURLWithPath: out)
        switch method {
        case .word2vec: try trainWord2Vec(tokens, build: build, out: outURL, progress: progress)
        case .lsa: try trainLSA(tokens, build: build, out: outURL, progress: progress)
        }
    }

    private func trainWord2Vec(_ tokens: TokenCorpus, build: CorpusBuild, out: URL, progress: TerminalProgress) throws {
        var config = Word2VecConfiguration()
        config.architecture = architecture == .sg ? .skipGram : .cbow
        config.dimension = dim
        config.window = window
        config.negative = negative
        config.minCount = minCount
        config.epochs = epochs
        config.sample = sample
        config.alpha = alpha
        config.minAlpha = minAlpha
        config.threads = threads
        config.seed = seed
        let result = try Word2VecTrainer(configuration: config).train(tokens) { p in
            progress.update(ProgressBar(label: "word2vec", completed: p.fraction, total: 1, unit: .fraction,
                                        etaSeconds: p.remaining,
                                        detail: String(format: "%.0f words/s  alpha %.5f", p.wordsPerSecond ?? 0, p.alpha ?? 0)))
        }
        progress.finish()
        try Word2VecWriter.writeText(result.space, to: out)
        let s = result.statistics
        if json {
            struct Summary: Encodable {
                var method, architecture, corpus, out: String
                var corpusTokens, vocabulary, dimension, epochs, threads: Int
                var seconds, preparationSeconds, cpuSeconds, rawWordsPerSecond, effectiveWordsPerSecond, rawWordsPerCPUSecond: Double
                var effectiveWords: Int
            }
            try Terminal.printJSON(Summary(method: "word2vec", architecture: config.architecture.rawValue, corpus: build.url.path,
                                       out: out.path, corpusTokens: tokens.tokenCount, vocabulary: s.vocabularySize,
                                       dimension: dim, epochs: epochs, threads: s.threads, seconds: s.seconds,
                                       preparationSeconds: s.preparationSeconds, cpuSeconds: s.cpuSeconds,
                                       rawWordsPerSecond: s.rawWordsPerSecond, effectiveWordsPerSecond: s.effectiveWordsPerSecond,
                                       rawWordsPerCPUSecond: s.rawWordsPerCPUSecond, effectiveWords: s.effectiveWords))
            return
        }
        print("word2vec \(config.architecture == .skipGram ? "skip-gram" : "CBOW"): \(s.vocabularySize) words × \(dim) dimensions, \(epochs) epochs, \(s.threads) threads")
        print(String(format: "trained in %.1f s (+%.1f s preparation): %.0f raw words/s, %.0f effective words/s (%d effective words)",
                     s.seconds, s.preparationSeconds, s.rawWordsPerSecond, s.effectiveWordsPerSecond, s.effectiveWords))
        print(String(format: "CPU time %.1f s (all threads): %.0f raw words per CPU second", s.cpuSeconds, s.rawWordsPerCPUSecond))
        print("wrote \(out.path)")
    }

    private func trainLSA(_ tokens: TokenCorpus, build: CorpusBuild, out: URL, progress: TerminalProgress) throws {
        var config = LSAConfiguration()
        config.dimension = k
        config.minCount = minCount
        config.documents = documents == "lines" ? .lines : .windows(Int(documents) ?? 1000)
        config.stopWords = try loadStopWords()
        config.oversampling = oversampling
        config.powerIterations = powerIterations
        config.seed = seed
        config.threads = threads
        let result = try LSATrainer(configuration: config).train(tokens) { p in
            progress.update(ProgressBar(label: "lsa", completed: p.fraction, total: 1, unit: .fraction,
                                        etaSeconds: p.remaining, detail: p.phase))
        }
        progress.finish()
        try Word2VecWriter.writeText(result.space, to: out)
        let s = result.statistics
        if json {
            struct Summary: Encodable {
                var method, corpus, out: String
                var documents, terms, nonZeros, dimension, threads: Int
                var matrixSeconds, svdSeconds, cpuSeconds: Double
                var singularValues: [Double]
            }
            try Terminal.printJSON(Summary(method: "lsa", corpus: build.url.path, out: out.path, documents: s.documents,
                                       terms: s.terms, nonZeros: s.nonZeros, dimension: k, threads: s.threads,
                                       matrixSeconds: s.matrixSeconds, svdSeconds: s.svdSeconds, cpuSeconds: s.cpuSeconds,
                                       singularValues: result.singularValues))
            return
        }
        print("lsa: \(s.terms) terms × \(k) dimensions from \(s.documents) documents (\(s.nonZeros) non-zeros), \(s.threads) threads")
        print(String(format: "tf-idf matrix %.1f s, randomized SVD %.1f s, CPU %.1f s; top singular values %@", s.matrixSeconds, s.svdSeconds, s.cpuSeconds,
                     result.singularValues.prefix(5).map { String(format: "%.3f", $0) }.joined(separator: ", ")))
        print("wrote \(out.path)")
    }

    private func loadStopWords() throws -> Set<String> {
        switch stopWords {
        case "none": return []
        case "english": return LSAConfiguration.englishStopWords
        default:
            guard let data = FileManager.default.contents(atPath: stopWords) else {
                throw ValidationError("--stop-words: cannot read '\(stopWords)'")
            }
            return Set(CorpusTokenizer.tokens(in: String(decoding: data, as: UTF8.self)))
        }
    }
}
