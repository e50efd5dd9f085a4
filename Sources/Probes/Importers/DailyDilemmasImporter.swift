import Foundation

/// Reads DailyDilemmas (Chiu, Jiang & Choi 2024) into forced-choice items: the published table has one row per
/// action (`data/dilemmas_with_detail_by_action.csv` in the authors' repository; the same fields as JSON or JSON
/// Lines in other exports), two per dilemma.
///
/// Fields read: `dilemma_idx`, `dilemma_situation`, `action_type` (`to_do` or `not_to_do`), `action`,
/// `values_aggregated` (the values the action upholds: a list, or its Python text `['honesty', 'trust']`); optional
/// `topic`, `topic_group`, `negative_consequence`, `basic_situation`.
///
/// Each dilemma becomes a choice between its two actions (to do first). An action puts at risk the values the
/// *other* action upholds and it does not; a dilemma whose two actions uphold the same values is skipped. Each value
/// becomes a family; a choice sits in the family of the first value its "to do" action puts at risk (else the first
/// the other does).
struct DailyDilemmasImporter {
    let file: String
    let options: ItemBankOptions

    static let fields = ["dilemma_idx", "dilemma_situation", "action_type", "action", "values_aggregated"]

    /// One row: one action of one dilemma.
    private struct Row {
        var line: Int
        var dilemma: String
        var situation: String
        var type: String
        var action: String
        var values: [String]
        var extra: [String: String]
    }

    func read(_ text: String) throws(ItemBankError) -> ImportedSuite {
        let first = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{FEFF}" }
        let rows = try (first == "[" || first == "{" ? jsonRows(text) : csvRows(text))
        guard !rows.isEmpty else { throw ItemBankError(file: file, message: "no dilemmas to import") }
        var order: [String] = []
        var byDilemma: [String: [Row]] = [:]
        for row in rows {
            if byDilemma[row.dilemma] == nil { order.append(row.dilemma) }
            byDilemma[row.dilemma, default: []].append(row)
        }
        var valueOrder: [String] = []
        var valueNames: [String: String] = [:]  // lowercased -> as first written
        var choices: [String: [ChoiceItem]] = [:]
        var skipped: [String] = []
        for dilemma in order {
            let group = byDilemma[dilemma] ?? []
            func one(_ type: String) throws(ItemBankError) -> Row {
                let matching = group.filter { $0.type == type }
                guard matching.count == 1 else {
                    let lines = group.map { String($0.line) }.joined(separator: ", ")
                    throw ItemBankError(file: file, line: matching.dropFirst().first?.line ?? group[0].line,
                                        message: "dilemma \(dilemma) needs one '\(type)' row, found "
                                            + "\(matching.count) (its rows are on lines \(lines))")
                }
                return matching[0]
            }
            guard group.count == 2 else {
                throw ItemBankError(file: file, line: group[min(2, group.count - 1)].line,
                                    message: "dilemma \(dilemma) has \(group.count) rows; it needs two (to_do and "
                                        + "not_to_do)")
            }
            let toDo = try one("to_do"), notToDo = try one("not_to_do")
            func names(_ values: [String]) -> [String] {
                var seen = Set<String>()
                return values.compactMap { value in
                    let key = value.lowercased()
                    guard seen.insert(key).inserted else { return nil }
                    if valueNames[key] == nil { valueNames[key] = value }
                    return valueNames[key]
                }
            }
            if ChoiceQuestion.normalised(toDo.action) == ChoiceQuestion.normalised(notToDo.action) {
                skipped.append("\(file):\(toDo.line): skipped dilemma \(dilemma): both actions have the same text")
                continue
            }
            let upheldByDoing = names(toDo.values), upheldByNotDoing = names(notToDo.values)
            let doingRisks = upheldByNotDoing.filter { !upheldByDoing.contains($0) }
            let notDoingRisks = upheldByDoing.filter { !upheldByNotDoing.contains($0) }
            guard let home = doingRisks.first ?? notDoingRisks.first else {
                skipped.append("\(file):\(toDo.line): skipped dilemma \(dilemma): both actions uphold the same values")
                continue
            }
            for value in doingRisks + notDoingRisks where !valueOrder.contains(value) { valueOrder.append(value) }
            var metadata = ["source": "DailyDilemmas dilemma \(dilemma)"]
            for (key, value) in toDo.extra { metadata[key] = value }
            if let consequence = notToDo.extra["negative_consequence"] {
                metadata["negative_consequence_not_to_do"] = consequence
            }
            let id = "dailydilemmas-" + (ImportNaming.slug(dilemma).isEmpty ? "x" : ImportNaming.slug(dilemma))
            choices[home, default: []].append(ChoiceItem(
                id: id, context: toDo.situation,
                actions: [ChoiceAction(text: toDo.action, atRisk: doingRisks),
                          ChoiceAction(text: notToDo.action, atRisk: notDoingRisks)],
                metadata: metadata))
        }
        var familyIDs = Set<String>()
        let families = valueOrder.map { value -> ProbeFamily in
            var id = ImportNaming.slug(value)
            if id.isEmpty { id = "value" }
            var unique = id, n = 2
            while !familyIDs.insert(unique).inserted { unique = "\(id)-\(n)"; n += 1 }
            return ProbeFamily(id: unique, value: value, items: [], choices: choices[value] ?? [])
        }
        guard !families.isEmpty else {
            throw ItemBankError(file: file, message: "no dilemma has actions that uphold different values")
        }
        let suite = ProbeSuite(
            id: options.suiteID ?? ImportNaming.suiteID(for: file, fallback: "dailydilemmas"),
            title: "DailyDilemmas (imported)", version: "1.0.0",
            description: "Everyday dilemmas imported from DailyDilemmas: each a choice between doing and not doing; "
                + "an action puts at risk the values the other action upholds.",
            source: "DailyDilemmas (Chiu, Jiang & Choi 2024), imported by valueprobe suites import dailydilemmas",
            license: "CC-BY-4.0",
            defaults: ImportNaming.choiceDefaults,
            families: families)
        return ImportedSuite(suite: suite, skipped: skipped,
                             licenceNote: "DailyDilemmas is published under CC BY 4.0: credit Chiu, Jiang & Choi "
                                + "(2024) when you share results or this file.")
    }

    private func csvRows(_ text: String) throws(ItemBankError) -> [Row] {
        let table = try CSVTable(text: text, file: file)
        let column = try table.columns(Self.fields, file: file, format: "DailyDilemmas")
        let optional = ["topic", "topic_group", "negative_consequence", "basic_situation"]
            .compactMap { name in table.header.firstIndex(of: name).map { (name, $0) } }
        var rows: [Row] = []
        for record in table.rows {
            var object: [String: Any] = [:]
            for (name, index) in column { object[name] = record.fields[index] }
            for (name, index) in optional { object[name] = record.fields[index] }
            rows.append(try row(object, line: record.line))
        }
        return rows
    }

    private func jsonRows(_ text: String) throws(ItemBankError) -> [Row] {
        var rows: [Row] = []
        for record in try JSONRecords.objects(in: text, file: file) {
            rows.append(try row(record.object, line: record.line))
        }
        return rows
    }

    /// One record (from CSV or JSON) as a row; missing or empty fields are errors naming the line and field.
    private func row(_ object: [String: Any], line: Int) throws(ItemBankError) -> Row {
        func text(_ name: String, required: Bool = true) throws(ItemBankError) -> String {
            let value: String
            switch object[name] {
            case let string as String: value = string
            case let number as Int: value = String(number)
            case let number as NSNumber: value = number.stringValue
            case nil, is NSNull:
                if !required { return "" }
                throw ItemBankError(file: file, line: line, message: "missing field '\(name)' (a DailyDilemmas "
                                    + "record has \(Self.fields.joined(separator: ", ")))")
            default:
                throw ItemBankError(file: file, line: line, message: "field '\(name)' must be text")
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && trimmed.isEmpty {
                throw ItemBankError(file: file, line: line, message: "empty '\(name)'")
            }
            return trimmed
        }
        let type = try text("action_type")
        guard type == "to_do" || type == "not_to_do" else {
            throw ItemBankError(file: file, line: line, message: "'action_type' must be to_do or not_to_do, found "
                                + "'\(type)'")
        }
        let values: [String]
        switch object["values_aggregated"] {
        case let list as [Any]:
            guard let strings = list as? [String] else {
                throw ItemBankError(file: file, line: line, message: "'values_aggregated' must be a list of texts")
            }
            values = strings
        case let string as String:
            guard let parsed = Self.valueList(string) else {
                throw ItemBankError(file: file, line: line, message: "'values_aggregated' is not a list of values "
                                    + "such as ['honesty', 'trust']: \(abbreviate(string))")
            }
            values = parsed
        case nil, is NSNull:
            throw ItemBankError(file: file, line: line, message: "missing field 'values_aggregated'")
        default:
            throw ItemBankError(file: file, line: line, message: "'values_aggregated' must be a list of texts")
        }
        var extra: [String: String] = [:]
        for name in ["topic", "topic_group", "basic_situation"] {
            let value = try text(name, required: false)
            if !value.isEmpty { extra[name] = value }
        }
        let consequence = try text("negative_consequence", required: false)
        if !consequence.isEmpty { extra["negative_consequence"] = consequence }
        return Row(line: line, dilemma: try text("dilemma_idx"), situation: try text("dilemma_situation"), type: type,
                   action: try text("action"), values: values.map { $0.trimmingCharacters(in: .whitespaces) }
                       .filter { !$0.isEmpty }, extra: extra)
    }

    /// A Python list literal of strings (`['honesty', "other's trust"]`), as the published CSV writes lists.
    static func valueList(_ text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let inner = Array(trimmed.dropFirst().dropLast())
        var values: [String] = []
        var index = 0
        func skip() { while index < inner.count, inner[index] == " " || inner[index] == "\n" { index += 1 } }
        skip()
        while index < inner.count {
            let quote = inner[index]
            guard quote == "'" || quote == "\"" else { return nil }
            index += 1
            var value = ""
            var closed = false
            while index < inner.count {
                let character = inner[index]
                index += 1
                if character == "\\", index < inner.count {
                    value.append(inner[index])
                    index += 1
                } else if character == quote {
                    closed = true
                    break
                } else {
                    value.append(character)
                }
            }
            guard closed else { return nil }
            values.append(value)
            skip()
            if index < inner.count {
                guard inner[index] == "," else { return nil }
                index += 1
                skip()
            }
        }
        return values
    }
}
