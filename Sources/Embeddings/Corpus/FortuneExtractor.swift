import Foundation

/// Quotations of fortune files: text separated by lines holding only `%`. Each quotation (its lines joined)
/// becomes one corpus line. In a folder, `.dat` index files, `.u8` names (symbolic links to the same text in
/// Debian) and symbolic links are skipped.
enum FortuneExtractor {
    static func segments(_ url: URL) throws(EmbeddingError) -> [String] {
        var out: [String] = []
        for file in try CorpusFileReader.regularFiles(under: url) {
            let ext = file.pathExtension
            if ext == "dat" || ext == "u8" { continue }
            out += quotes(try CorpusFileReader.text(file))
        }
        return out
    }

    static func quotes(_ text: String) -> [String] {
        var out: [String] = []
        var current: [String] = []
        for line in TextSegmenter.lines(text) {
            if line.trimmingCharacters(in: .whitespaces) == "%" {
                if !current.isEmpty { out.append(current.joined(separator: " ")); current.removeAll() }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }
}
