import Foundation

/// Reads WEAT word sets.
///
/// JSON: an object `{"name": "…", "X": [...], "Y": [...], "A": [...], "B": [...]}` (keys case-insensitive, name
/// optional) or an array of such objects. Text: sections opened by a line `X:`, `Y:`, `A:` or `B:` (words may
/// follow the colon on the same line, separated by commas or spaces), then one word per line; `#` starts a
/// comment line; an optional `name: …` line names the test.
public enum WEATWordSetsReader {
    /// The tests in the file at `url`.
    public static func read(_ url: URL) throws(EmbeddingError) -> [WEAT.WordSets] {
        try parse(FileBytes.read(url), source: url.path)
    }

    /// Parses the bytes of a word-set file; `source` names it in errors.
    public static func parse(_ bytes: [UInt8], source: String) throws(EmbeddingError) -> [WEAT.WordSets] {
        let firstChar = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        if firstChar == UInt8(ascii: "{") || firstChar == UInt8(ascii: "[") { return try parseJSON(bytes, source: source) }
        return [try parseText(bytes, source: source)]
    }

    private static func parseJSON(_ bytes: [UInt8], source: String) throws(EmbeddingError) -> [WEAT.WordSets] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            throw .malformed("\(source): \(detail)")
        }
        let items: [Any] = (object as? [Any]) ?? [object]
        var tests: [WEAT.WordSets] = []
        for (i, item) in items.enumerated() {
            let place = items.count > 1 ? "\(source): test \(i + 1)" : source
            guard let dict = item as? [String: Any] else { throw .malformed("\(place): expected an object with X, Y, A and B") }
            var sets: [String: [String]] = [:]
            var name: String?
            for (key, value) in dict {
                let k = key.uppercased()
                if k == "NAME" {
                    name = value as? String
                    continue
                }
                guard ["X", "Y", "A", "B"].contains(k) else { continue }
                guard let words = value as? [String] else { throw .malformed("\(place): '\(key)' must be a list of strings") }
                sets[k] = words
            }
            for k in ["X", "Y", "A", "B"] where (sets[k] ?? []).isEmpty {
                throw .malformed("\(place): set '\(k)' is missing or empty")
            }
            tests.append(WEAT.WordSets(name: name, x: sets["X"]!, y: sets["Y"]!, a: sets["A"]!, b: sets["B"]!))
        }
        guard !tests.isEmpty else { throw .malformed("\(source): no tests") }
        return tests
    }

    private static func parseText(_ bytes: [UInt8], source: String) throws(EmbeddingError) -> WEAT.WordSets {
        var sets: [String: [String]] = [:]
        var current: String?
        var name: String?
        let text = String(decoding: bytes, as: UTF8.self)
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
                let rest = line[line.index(after: colon)...]
                if key == "NAME" {
                    name = rest.trimmingCharacters(in: .whitespaces)
                    continue
                }
                if ["X", "Y", "A", "B"].contains(key) {
                    current = key
                    let inline = rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
                    sets[key, default: []] += inline
                    continue
                }
            }
            guard let current else {
                throw .malformed("\(source):\(i + 1): a word before any 'X:', 'Y:', 'A:' or 'B:' section")
            }
            sets[current, default: []].append(line)
        }
        for k in ["X", "Y", "A", "B"] where (sets[k] ?? []).isEmpty {
            throw .malformed("\(source): set '\(k)' is missing or empty")
        }
        return WEAT.WordSets(name: name, x: sets["X"]!, y: sets["Y"]!, a: sets["A"]!, b: sets["B"]!)
    }
}
