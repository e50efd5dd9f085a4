/// Parsing of GGUF `tokenizer.ggml.merges` entries.
enum MergeRule {
    /// Splits `"left right"` at the first space after the first character (as llama.cpp does).
    static func split(_ merge: String) -> (String, String)? {
        let utf8 = merge.utf8
        guard let first = utf8.first else { return nil }
        let firstLength = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
        guard utf8.count > firstLength else { return nil }
        let searchStart = utf8.index(utf8.startIndex, offsetBy: firstLength)
        guard let space = utf8[searchStart...].firstIndex(of: 0x20) else { return nil }
        let left = String(merge[merge.startIndex..<space])
        let right = String(merge[merge.index(after: space)...])
        guard !left.isEmpty, !right.isEmpty else { return nil }
        return (left, right)
    }
}
