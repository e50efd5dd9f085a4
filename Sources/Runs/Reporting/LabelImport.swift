import Foundation

/// Reads human labels from a filled-in labels CSV (see ``LabelExport``).
///
/// The header must name `sample_key` and `human_label`; `annotator` and `note` are read when present, other columns
/// are ignored, so a spreadsheet may add its own. `human_label` accepts, ignoring case and surrounding spaces:
/// `yes`, `y`, `1`, `true`, `recognised`, `recognized` (→ recognised); `no`, `n`, `0`, `false`, `missed`
/// (→ missed); `unsure`, `undecided`, `?` (→ the annotator could not decide). A blank label skips the row unless
/// the row has a note, which is kept as an undecided label. Any other value, a missing column, a row with fewer
/// fields than the header or an empty sample key is an error naming the file, line and column.
public enum LabelImport {
    /// The labels in `csv`; `file` names it in errors.
    public static func parse(csv: String, file: String) throws(LabelImportError) -> [HumanLabel] {
        let records: [[CSVField]]
        do {
            records = try CSVReader.records(csv)
        } catch {
            throw LabelImportError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let header = records.first else {
            throw LabelImportError(file: file, line: 1, column: 1, message: "the file is empty (expected a header with sample_key and human_label)")
        }
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let keyColumn = column("sample_key") else {
            throw LabelImportError(file: file, line: header[0].line, column: 1, message: "the header has no 'sample_key' column")
        }
        guard let labelColumn = column("human_label") else {
            throw LabelImportError(file: file, line: header[0].line, column: 1, message: "the header has no 'human_label' column")
        }
        let annotatorColumn = column("annotator")
        let noteColumn = column("note")
        let needed = [keyColumn, labelColumn, annotatorColumn ?? 0, noteColumn ?? 0].max() ?? 0

        var labels: [HumanLabel] = []
        for record in records.dropFirst() {
            guard record.count > needed else {
                let last = record[record.count - 1]
                throw LabelImportError(file: file, line: last.line, column: last.column + last.text.count,
                                       message: "the row has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.count)")
            }
            let labelField = record[labelColumn]
            let note = noteColumn.map { record[$0].text } ?? ""
            let annotator = annotatorColumn.map { record[$0].text.trimmingCharacters(in: .whitespaces) } ?? ""
            let decision: Bool?
            switch labelField.text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "yes", "y", "1", "true", "recognised", "recognized": decision = true
            case "no", "n", "0", "false", "missed": decision = false
            case "unsure", "undecided", "?": decision = nil
            case "":
                if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
                decision = nil
            default:
                throw LabelImportError(file: file, line: labelField.line, column: labelField.column,
                                       message: "human_label '\(String(labelField.text.prefix(40)))' is not one of yes/no/1/0/true/false/recognised/missed/unsure or blank")
            }
            let keyField = record[keyColumn]
            let key = keyField.text.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw LabelImportError(file: file, line: keyField.line, column: keyField.column, message: "sample_key is empty")
            }
            labels.append(HumanLabel(sampleKey: key, recognised: decision, annotator: annotator, note: note))
        }
        return labels
    }
}
