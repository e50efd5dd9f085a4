import Assets
import Foundation

/// Whole-file reads and atomic writes for the vector-file readers and writers, with one-line I/O errors.
enum FileBytes {
    /// The bytes of the file at `url`.
    static func read(_ url: URL) throws(EmbeddingError) -> [UInt8] {
        do { return try WholeFile.read(url.path) } catch { throw .io("\(error.path): \(error.reason)") }
    }

    /// Writes `bytes` to a temporary file beside `url` and renames it into place.
    static func write(_ bytes: [UInt8], to url: URL) throws(EmbeddingError) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .io("\(url.path): cannot write (\(error.localizedDescription))")
        }
    }
}
