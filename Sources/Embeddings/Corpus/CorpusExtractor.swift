import Foundation

/// Turns a ``CorpusSource`` into text segments (one future corpus line each), choosing the extractor by format.
public enum CorpusExtractor {
    /// The segments of `source`, not yet normalised.
    /// - Parameter stripMarkup: remove dictionary and OSIS markup (see each format); false keeps the raw text the
    ///   data inventory measured.
    public static func segments(of source: CorpusSource, stripMarkup: Bool = true) throws(EmbeddingError) -> [String] {
        guard CorpusFileReader.exists(source.url) else { throw .io("\(source.url.path): no such file or folder") }
        switch source.format {
        case .text:
            var out: [String] = []
            for file in try CorpusFileReader.regularFiles(under: source.url) {
                let bytes = try CorpusFileReader.decompressedBytes(file)
                if bytes.prefix(8192).contains(0) { continue }  // binary file in a folder
                out += TextSegmenter.segments(String(decoding: bytes, as: UTF8.self), source.segmentation)
            }
            return out
        case .dictd:
            return try DictdExtractor.segments(dictionary: source.url, stripMarkup: stripMarkup)
        case .sword:
            return try SwordExtractor.segments(module: source.url, stripMarkup: stripMarkup)
        case .rLazyLoad:
            return try RLazyLoadExtractor.segments(database: source.url)
        case .fortunes:
            return try FortuneExtractor.segments(source.url)
        case .wordnetGlosses:
            return try WordNetGlossExtractor.segments(database: source.url)
        }
    }
}
