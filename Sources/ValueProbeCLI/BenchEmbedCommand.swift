import ArgumentParser
import Benchmarks
import Foundation
import Inference

/// `valueprobe bench embed`: the embedding benchmarks, side by side with the Python peers when installed.
struct BenchEmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embedding speed: neighbours, word2vec, LSA and MiniLM (medians), next to NumPy, gensim and sentence-transformers.",
        discussion: """
            Peers run as Python subprocesses of the interpreter given by --python, else $VALUEPROBE_PEERS_PYTHON, \
            else the virtual environment made by scripts/peers/install-python-peers. Without a peer, ValueProbe's \
            figures are printed alone. word2vec and LSA train on the first --corpus-mb MB of the built-in corpus \
            (built on first use).
            """
    )

    @Option(help: "Thread counts to measure, comma-separated (default: 1 and all cores).") var threads: String?
    @Option(help: "Only these tasks, comma-separated: neighbors, word2vec, lsa, minilm (default: all).") var only: String?
    @Option(help: "Timed runs per figure (median reported).") var repetitions: Int = 3
    @Option(name: .customLong("corpus-mb"), help: "Megabytes of the built-in corpus for word2vec and LSA.") var corpusMB: Int = 10
    @Option(help: "word2vec passes over the corpus slice.") var epochs: Int = 1
    @Option(help: "Python interpreter of the peers.") var python: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard repetitions >= 1, corpusMB >= 1, epochs >= 1 else {
            throw ValidationError("--repetitions, --corpus-mb and --epochs must be positive")
        }
        _ = try options()
    }

    func options() throws -> EmbeddingBenchmark.Options {
        var o = EmbeddingBenchmark.Options()
        if let threads {
            let parts = threads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
                throw ValidationError("--threads must be a comma-separated list of positive integers, got '\(threads)'")
            }
            o.threads = parts.compactMap { $0 }
        } else {
            o.threads = Array(Set([1, WorkerPool.availableCores])).sorted()
        }
        if let only {
            var tasks: [EmbeddingBenchmarkTask] = []
            for name in only.split(separator: ",") {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let task = EmbeddingBenchmarkTask(rawValue: trimmed) else {
                    throw ValidationError("--only: unknown task '\(trimmed)' (use neighbors, word2vec, lsa or minilm)")
                }
                if !tasks.contains(task) { tasks.append(task) }
            }
            o.tasks = tasks
        }
        o.repetitions = repetitions
        o.corpusMegabytes = corpusMB
        o.word2vecEpochs = epochs
        o.python = python
        return o
    }

    func run() throws {
        let report = try EmbeddingBenchmark(options: try options(), log: { Terminal.error($0) }).run()
        if json {
            try Terminal.printJSON(report)
            return
        }
        print(EmbeddingBenchmarkTable.render(report))
    }
}
