import Assets
import Embeddings
import Foundation
import Statistics

/// `valueprobe bench embed`: the speed of the embedding work, each figure measured side by side with its Python
/// peer in the same run when the peer is installed (see ``EmbeddingBenchmarkPeer``).
///
/// Every figure is the median of `repetitions` timed runs after one untimed warm-up (word2vec and LSA, which are
/// long, have no warm-up: each run is a full training from the in-memory corpus). Loading files is never timed,
/// on either side.
public struct EmbeddingBenchmark {
    /// What to measure and how.
    public struct Options: Sendable {
        public var tasks: [EmbeddingBenchmarkTask] = EmbeddingBenchmarkTask.allCases
        public var threads: [Int] = [1]
        public var repetitions = 3
        /// Size of the built-in corpus slice that word2vec and LSA train on.
        public var corpusMegabytes = 10
        /// word2vec passes over the slice.
        public var word2vecEpochs = 1
        /// The peers' interpreter (see ``EmbeddingBenchmarkPeer/interpreter(explicit:store:environment:)``).
        public var python: String?
        public init() {}
    }

    public let options: Options
    public let store: AssetStore
    private let log: (String) -> Void

    /// - Parameter log: progress lines (one per step), for standard error.
    public init(options: Options, store: AssetStore = AssetStore(), log: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.store = store
        self.log = log
    }

    /// Runs every requested task at every thread count.
    public func run() throws -> EmbeddingBenchmarkReport {
        guard options.repetitions >= 1 else { throw PeerError("repetitions must be at least 1, got \(options.repetitions)") }
        guard !options.threads.isEmpty, options.threads.allSatisfy({ $0 >= 1 }) else {
            throw PeerError("thread counts must be positive, got \(options.threads)")
        }
        guard options.corpusMegabytes >= 1 else { throw PeerError("the corpus slice must be at least 1 MB, got \(options.corpusMegabytes)") }
        var report = EmbeddingBenchmarkReport(date: Date(), cores: ProcessInfo.processInfo.activeProcessorCount,
                                              loadAverageStart: EmbeddingBenchmarkReport.loadAverage(), loadAverageEnd: nil,
                                              repetitions: options.repetitions, python: nil, rows: [])
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("valueprobe-bench-embed-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let python = EmbeddingBenchmarkPeer.interpreter(explicit: options.python, store: store)
        var peer: EmbeddingBenchmarkPeer?
        var peerMissing = ""
        switch EmbeddingBenchmarkPeer.probe(python: python, scratch: scratch) {
        case .success(let p):
            peer = p
            report.python = python
            log("peers: \(python): " + (p.modules.isEmpty ? "no peer module" : p.modules.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        case .failure(let error):
            peerMissing = error.description
            log("peers: \(error.description)")
        }
        var state = Inputs()
        for task in options.tasks {
            for threads in options.threads {
                var row = try measureOurs(task, threads: threads, scratch: scratch, inputs: &state)
                if let peer, peer.modules[task.peerModule] != nil {
                    do {
                        try measurePeer(peer, row: &row, scratch: scratch, inputs: state)
                    } catch {
                        row.note = "peer failed: \(error)"
                        log("\(task.rawValue), \(threads) threads: peer failed: \(error)")
                    }
                } else {
                    row.note = peer == nil ? "peer missing: \(peerMissing)" : "peer missing: \(python) cannot import \(task.peerModule)"
                }
                report.rows.append(row)
            }
        }
        report.loadAverageEnd = EmbeddingBenchmarkReport.loadAverage()
        return report
    }

    /// What the tasks load once and reuse across thread counts.
    struct Inputs {
        var glove: VectorSpace?
        var gloveMatrix: URL?
        var queryRows: [Int] = []
        var ourNeighbors: [[Int]] = []
        var slice: URL?
        var corpus: TokenCorpus?
        var sentencesFile: URL?
        var sentences: [String] = []
        var firstVector: [Float] = []
        var modelDirectory: URL?
    }

    // MARK: ValueProbe

    private func measureOurs(_ task: EmbeddingBenchmarkTask, threads: Int, scratch: URL, inputs: inout Inputs) throws -> EmbeddingBenchmarkReport.Row {
        let reps = options.repetitions
        switch task {
        case .neighbors:
            if inputs.glove == nil {
                log("neighbors: loading GloVe 6B 50d…")
                let space = try PretrainedSpaces.glove6B50d(store: store)
                inputs.glove = space
                inputs.gloveMatrix = try store.path("glove-6b-50d", file: "glove_6B_50d_emb.npy")
                inputs.queryRows = EmbeddingBenchmarkInputs.valueWords.compactMap { space.row(of: $0) }
                _ = space.normalizedVectors
            }
            guard let space = inputs.glove else { throw PeerError("GloVe did not load") }
            let search = NeighborSearch(space: space, threads: threads)
            _ = try search.nearest(toRows: inputs.queryRows, k: 10)
            var seconds: [Double] = []
            var result: [[Neighbor]] = []
            for _ in 0 ..< reps {
                let (t, r) = try Self.timed { try search.nearest(toRows: inputs.queryRows, k: 10) }
                seconds.append(t)
                result = r
            }
            inputs.ourNeighbors = result.map { $0.map(\.row) }
            log(String(format: "neighbors, %d threads: %.3f s", threads, median(seconds) ?? 0))
            return row(task, threads, "top-10 neighbours of \(inputs.queryRows.count) value words over GloVe's \(space.count) words × \(space.dimension)",
                       unit: "s", ours: median(seconds) ?? 0, seconds: seconds)
        case .word2vec:
            let corpus = try loadSlice(&inputs, scratch: scratch)
            var seconds: [Double] = []
            var rates: [Double] = []
            for _ in 0 ..< reps {
                let result = try Word2VecTrainer(configuration: word2vecConfiguration(threads: threads)).train(corpus)
                seconds.append(result.statistics.seconds)
                rates.append(result.statistics.rawWordsPerSecond)
            }
            let rate = median(rates) ?? 0
            log(String(format: "word2vec, %d threads: %.0f words/s", threads, rate))
            return row(task, threads, "word2vec CBOW 100-d, window 5, negative 5, min-count 5, \(options.word2vecEpochs) epoch(s) on \(corpus.tokenCount) tokens (first \(options.corpusMegabytes) MB of the built-in corpus)",
                       unit: "words/s", ours: rate, seconds: seconds)
        case .lsa:
            let corpus = try loadSlice(&inputs, scratch: scratch)
            var seconds: [Double] = []
            var shape = ""
            for _ in 0 ..< reps {
                let (t, result) = try Self.timed { try LSATrainer(configuration: lsaConfiguration(threads: threads)).train(corpus) }
                seconds.append(t)
                shape = "\(result.statistics.documents) documents × \(result.statistics.terms) terms"
            }
            log(String(format: "lsa, %d threads: %.2f s", threads, median(seconds) ?? 0))
            return row(task, threads, "LSA k = 300 (TF-IDF + randomized SVD, 2 power iterations, 100 extra samples), \(shape)",
                       unit: "s", ours: median(seconds) ?? 0, seconds: seconds)
        case .minilm:
            if inputs.sentencesFile == nil {
                inputs.sentences = EmbeddingBenchmarkInputs.sentences()
                let file = scratch.appendingPathComponent("sentences.json")
                try JSONSerialization.data(withJSONObject: inputs.sentences).write(to: file)
                inputs.sentencesFile = file
                inputs.modelDirectory = try store.path("minilm", file: "model.safetensors").deletingLastPathComponent()
            }
            guard let directory = inputs.modelDirectory else { throw PeerError("MiniLM did not load") }
            let encoder = try SentenceEncoder(directory: directory, threads: threads)
            _ = try encoder.encode(Array(inputs.sentences.prefix(64)))
            var seconds: [Double] = []
            for _ in 0 ..< reps {
                let (t, vectors) = try Self.timed { try encoder.encode(inputs.sentences) }
                seconds.append(t)
                inputs.firstVector = vectors.first ?? []
            }
            let rate = Double(inputs.sentences.count) / (median(seconds) ?? 1)
            log(String(format: "minilm, %d threads: %.1f sentences/s", threads, rate))
            let tokens = inputs.sentences.reduce(0) { $0 + encoder.tokenize($1).count }
            return row(task, threads, "all-MiniLM-L6-v2, \(inputs.sentences.count) sentences (\(tokens) tokens)",
                       unit: "sentences/s", ours: rate, seconds: seconds)
        }
    }

    private func row(_ task: EmbeddingBenchmarkTask, _ threads: Int, _ workload: String, unit: String, ours: Double,
                     seconds: [Double]) -> EmbeddingBenchmarkReport.Row {
        EmbeddingBenchmarkReport.Row(task: task, threads: threads, workload: workload, unit: unit, ours: ours, oursSeconds: seconds)
    }

    private func loadSlice(_ inputs: inout Inputs, scratch: URL) throws -> TokenCorpus {
        if let corpus = inputs.corpus { return corpus }
        log("corpus: the built-in corpus (built on first use)…")
        let build = try CorpusBuilder(store: store).builtin()
        let slice = scratch.appendingPathComponent("corpus-slice.txt")
        let bytes = try EmbeddingBenchmarkInputs.writeSlice(of: build.url, bytes: options.corpusMegabytes * 1_000_000, to: slice)
        let corpus = try TokenCorpus(contentsOf: slice)
        log("corpus: first \(bytes) bytes of \(build.url.lastPathComponent): \(corpus.tokenCount) tokens, \(corpus.lineCount) lines")
        inputs.slice = slice
        inputs.corpus = corpus
        return corpus
    }

    func word2vecConfiguration(threads: Int) -> Word2VecConfiguration {
        var c = Word2VecConfiguration()
        c.architecture = .cbow
        c.epochs = options.word2vecEpochs
        c.threads = threads
        c.seed = 1
        return c
    }

    func lsaConfiguration(threads: Int) -> LSAConfiguration {
        var c = LSAConfiguration()
        c.dimension = 300
        c.threads = threads
        c.seed = 1
        return c
    }

    // MARK: Peers

    private func measurePeer(_ peer: EmbeddingBenchmarkPeer, row: inout EmbeddingBenchmarkReport.Row, scratch: URL, inputs: Inputs) throws {
        let threads = row.threads, reps = options.repetitions
        log("\(row.task.rawValue), \(threads) threads: running the peer…")
        var arguments: [String: Any] = ["threads": threads, "repetitions": reps]
        switch row.task {
        case .neighbors:
            arguments["matrix"] = inputs.gloveMatrix?.path ?? ""
            arguments["rows"] = inputs.queryRows
            arguments["k"] = 10
        case .word2vec:
            let c = word2vecConfiguration(threads: threads)
            arguments.merge(["corpus": inputs.slice?.path ?? "", "dimension": c.dimension, "window": c.window,
                             "negative": c.negative, "min_count": c.minCount, "sample": c.sample, "alpha": c.alpha,
                             "min_alpha": c.minAlpha, "skip_gram": c.architecture == .skipGram, "seed": Int(c.seed),
                             "epochs": c.epochs]) { $1 }
        case .lsa:
            let c = lsaConfiguration(threads: threads)
            arguments.merge(["corpus": inputs.slice?.path ?? "", "k": c.dimension, "min_count": c.minCount,
                             "power_iterations": c.powerIterations, "oversampling": c.oversampling, "seed": Int(c.seed)]) { $1 }
        case .minilm:
            arguments.merge(["model": inputs.modelDirectory?.path ?? "", "sentences": inputs.sentencesFile?.path ?? "",
                             "batch_size": 32]) { $1 }
        }
        let result = try peer.call(row.task.rawValue, arguments: arguments, threads: threads, scratch: scratch)
        guard let seconds = result["seconds"] as? [Double], let medianSeconds = median(seconds), medianSeconds > 0 else {
            throw PeerError("the peer reported no timings")
        }
        row.peer = result["version"] as? String
        row.peerSeconds = seconds
        switch row.task {
        case .neighbors, .lsa:
            row.peerValue = medianSeconds
            row.speedup = row.ours > 0 ? medianSeconds / row.ours : nil
        case .word2vec:
            let words = Double((result["words"] as? Int) ?? inputs.corpus?.tokenCount ?? 0) * Double(options.word2vecEpochs)
            row.peerValue = median(seconds.map { words / $0 })
        case .minilm:
            row.peerValue = median(seconds.map { Double(inputs.sentences.count) / $0 })
        }
        if row.task.isRate, let value = row.peerValue, value > 0 { row.speedup = row.ours / value }
        row.note = check(row.task, result: result, inputs: inputs)
    }

    /// A one-line comparison of the peer's output with ours.
    private func check(_ task: EmbeddingBenchmarkTask, result: [String: Any], inputs: Inputs) -> String? {
        switch task {
        case .neighbors:
            guard let theirs = result["neighbors"] as? [[Int]], theirs.count == inputs.ourNeighbors.count else { return nil }
            let same = zip(theirs, inputs.ourNeighbors).filter { Set($0) == Set($1) }.count
            return "same top-10 set for \(same) of \(theirs.count) words"
        case .word2vec:
            guard let vocabulary = result["vocabulary"] as? Int else { return nil }
            return "gensim vocabulary \(vocabulary) words"
        case .lsa:
            guard let terms = result["terms"] as? Int else { return nil }
            return "gensim vocabulary \(terms) terms"
        case .minilm:
            guard let theirs = result["first_vector"] as? [Double], theirs.count == inputs.firstVector.count, !theirs.isEmpty else { return nil }
            var dot = 0.0, a = 0.0, b = 0.0
            for (x, y) in zip(inputs.firstVector, theirs) {
                dot += Double(x) * y
                a += Double(x) * Double(x)
                b += y * y
            }
            return String(format: "cosine of the first sentence's vectors %.6f", dot / max(1e-30, (a * b).squareRoot()))
        }
    }

    static func timed<T>(_ body: () throws -> T) rethrows -> (Double, T) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let d = clock.now - start
        return (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18, value)
    }
}
