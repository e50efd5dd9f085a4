import Foundation

/// A comma-separated table as published by data sets (RFC 4180): a header row, then records whose fields may be
/// quoted (`"a, b"`, `"say ""hi"""`) and span lines. Each record keeps the line it starts on, for error messages.
struct CSVTable {
    /// One record: its fields and the 1-based line it starts on.
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The column names, as written in the header (a byte-order mark is dropped).
    var header: [String]
    /// The records after the header; blank lines are skipped.
    var rows: [Row]

    /// Parses `text`; a quote left open, text after a closing quote, or a record whose field count differs from
    /// the header's is an error naming the line.
    init(text: String, file: String) throws(ItemBankError) {
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var quoted = false, afterQuote = false, sawAnything = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRecord() {
            fields.append(field)
            if sawAnything || fields.count > 1 || !field.isEmpty { records.append(Row(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            sawAnything = false
            afterQuote = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
                sawAnything = true
            case "\r" where index < scalars.count && scalars[index] == "\n":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
                sawAnything = true
            default:
                if afterQuote {
                    throw ItemBankError(file: file, line: line, message: "text after a closing quote in a CSV field "
                                        + "(a quote inside a quoted field is written twice: \"\")")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            throw ItemBankError(file: file, line: recordLine, message: "a quoted CSV field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || sawAnything { endRecord() }
        guard let first = records.first else {
            throw ItemBankError(file: file, line: 1, message: "the file is empty (no header row)")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw ItemBankError(file: file, line: row.line, message: "this row has \(row.fields.count) field"
                                + "\(row.fields.count == 1 ? "" : "s"), the header has \(header.count)")
        }
    }

    /// The index of each named column; a missing one is an error naming it and the columns expected.
    func columns(_ names: [String], file: String, format: String) throws(ItemBankError) -> [String: Int] {
        var result: [String: Int] = [:]
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw ItemBankError(file: file, line: 1, message: "missing column '\(name)' (a \(format) file has "
                                    + "the columns \(names.joined(separator: ", ")))")
            }
            result[name] = index
        }
        return result
    }
}
