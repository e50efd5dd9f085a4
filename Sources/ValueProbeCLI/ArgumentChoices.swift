import ArgumentParser
import Embeddings
import Inference
import Reports

// Closed sets of option values, typed so that the parser rejects anything else and `--help` lists the choices.

extension RunReportFormat: ExpressibleByArgument {}
extension RunReportCSVTable: ExpressibleByArgument {}
extension InferenceContext.Precision: ExpressibleByArgument {}

/// `valueprobe diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case table, md, json, html
}

/// `valueprobe embed export --format`: the formats ValueProbe writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case word2vecText = "word2vec-text"
    case word2vecBinary = "word2vec-binary"
    case gloveText = "glove-text"
}
