import Foundation

/// Writes normalised corpus lines (lowercase tokens separated by single spaces, one segment per line; segments
/// without tokens are dropped) to a file through a buffer.
final class CorpusWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private let flushThreshold = 8 << 20

    init(url: URL) throws(EmbeddingError) {
        path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw .io("\(url.path): cannot create the corpus file")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw .io("\(url.path): cannot open for writing (\(error.localizedDescription))")
        }
        buffer.reserveCapacity(flushThreshold + (1 << 16))
    }

    /// Normalises and writes `segments`; returns the tokens and lines written.
    func write(_ segments: [String]) throws(EmbeddingError) -> (tokens: Int, lines: Int) {
        var tokens = 0
        var lines = 0
        for segment in segments {
            let n = CorpusTokenizer.appendTokens(of: segment, to: &buffer)
            if n > 0 {
                buffer.append(0x0A)
                tokens += n
                lines += 1
            }
            if buffer.count >= flushThreshold { try flush() }
        }
        return (tokens, lines)
    }

    func flush() throws(EmbeddingError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .io("\(path): write failed (\(error.localizedDescription))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(EmbeddingError) {
        try flush()
        do { try handle.close() } catch { throw .io("\(path): close failed (\(error.localizedDescription))") }
    }
}
