import Assets

/// Whole-file reads for the lexicon parsers, with their error type.
enum FileBytes {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(LexiconError) -> [UInt8] {
        do { return try WholeFile.read(path) } catch { throw .io(path: error.path, reason: error.reason) }
    }
}
