import ArgumentParser
import Assets
import Embeddings
import Foundation

/// `valueprobe embed …`: vector spaces and the analyses that compare them.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Value words in embedding spaces: neighbours, cross-space comparison, similarity benchmarks, WEAT.",
        discussion: "Spaces (--space): \(SpaceSpec.forms).",
        subcommands: [EmbedNeighborsCommand.self, EmbedAgreementCommand.self, EmbedCompareCommand.self, EmbedBenchmarkCommand.self,
                      EmbedWeatCommand.self, EmbedEncodeCommand.self, EmbedDirectionCommand.self, EmbedTrainCommand.self,
                      Export.self, EmbedReportCommand.self]
    )

    /// `embed export`: writes a space as word2vec text/binary or GloVe text (e.g. GloVe's NPY + Parquet for gensim).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a space as word2vec text, word2vec binary or GloVe text.")

        @Option(name: .customLong("space"), help: "The space (default glove).") var space: String = "glove"
        @Option(help: "Output file.") var out: String
        @Option(help: "Output format.") var format: ExportFormat = .word2vecText
        @Option(help: "Write only the first N words.") var limit: Int?

        func run() throws {
            var loaded = try EmbedSupport.loadSpaces([space])[0]
            if let limit {
                guard limit >= 0 else { throw ValidationError("--limit must be non-negative") }
                loaded = try loaded.restricted(to: Array(loaded.words.prefix(limit)))
            }
            let url = URL(fileURLWithPath: out)
            switch format {
            case .word2vecBinary: try Word2VecWriter.writeBinary(loaded, to: url)
            case .gloveText: try Word2VecWriter.writeText(loaded, to: url, header: false)
            case .word2vecText: try Word2VecWriter.writeText(loaded, to: url)
            }
            Terminal.error("wrote \(loaded.count) words × \(loaded.dimension) dims to \(out)")
        }
    }
}

/// Loading spaces and word lists for the `embed` subcommands.
enum EmbedSupport {
    /// Loads each spec (in order), reporting asset progress on stderr; `words` are the words the analysis needs
    /// (encoder-backed spaces embed at least these).
    static func loadSpaces(_ specs: [String], words: [String] = [], timing: Bool = false) throws -> [VectorSpace] {
        let resolver = SpaceResolver(words: words, progress: { progress($0) })
        return try specs.map { spec in
            let start = DispatchTime.now()
            let space = try resolver.resolve(spec)
            for warning in space.warnings { Terminal.error("warning: \(warning)") }
            if timing {
                Terminal.error(String(format: "loaded %@: %d words × %d dims in %.3f s", space.name, space.count, space.dimension, seconds(since: start)))
            }
            return space
        }
    }

    /// Asset progress on stderr, quiet for assets that are already installed.
    static func progress(_ p: AssetProgress) {
        if p.phase == .done, p.detail == "already installed" { return }
        Terminal.assetProgress(p)
    }

    /// The words of `--words FILE`, else `explicit`, else the default value words; spellings resolved against `spaces`.
    static func words(file: String?, explicit: [String] = [], spaces: [VectorSpace]) throws -> [String] {
        if !explicit.isEmpty { return explicit }
        let list = try file.map { try ValueWords.read(URL(fileURLWithPath: $0)) } ?? ValueWords.default
        return ValueWords.resolve(list, in: spaces)
    }

    /// Candidate words before spaces are loaded (for encoder-backed spaces): every spelling.
    static func candidateWords(file: String?, explicit: [String] = []) throws -> [String] {
        if !explicit.isEmpty { return explicit }
        let list = try file.map { try ValueWords.read(URL(fileURLWithPath: $0)) } ?? ValueWords.default
        return list.flatMap(\.spellings)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Prints `value` as JSON with sorted keys (stable output); a value JSON cannot hold is a one-line error
    /// (``Terminal/printJSON(_:)``).
    static func printJSON<T: Encodable>(_ value: T) throws {
        try Terminal.printJSON(value)
    }

    /// Left-aligns `s` in `width` columns (by characters).
    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func format(_ value: Double?, digits: Int = 3) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }
}
