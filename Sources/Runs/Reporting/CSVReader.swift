/// A field read from CSV text, with where it starts.
public struct CSVField: Sendable, Equatable {
    /// The field's text, quotes removed and doubled quotes undone.
    public var text: String
    /// 1-based line of the field's first character (physical lines: a quoted line break starts a new line).
    public var line: Int
    /// 1-based column (in characters) of the field's first character.
    public var column: Int
}

/// A CSV syntax error at a position.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

/// Reads RFC 4180 CSV: commas between fields; records ended by CRLF, LF or CR; fields optionally enclosed in double
/// quotes, inside which commas, line breaks and doubled quotes ("") are literal. A byte-order mark at the start is
/// skipped, and a final line break is optional. Stricter than spreadsheets in two places, both reported with their
/// position: a quote inside an unquoted field, and anything but a comma or line break after a closing quote.
public enum CSVReader {
    /// The records of `text`; completely empty lines are skipped.
    public static func records(_ text: String) throws(CSVSyntaxError) -> [[CSVField]] {
        var records: [[CSVField]] = []
        var fields: [CSVField] = []
        var line = 1
        var column = 1
        var characters = text[...]
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }

        var iterator = characters.makeIterator()
        var pending: Character? = iterator.next()
        func advance() -> Character? {
            let current = pending
            pending = iterator.next()
            return current
        }

        // State of the field being read.
        var recordIsEmpty = true
        while true {
            // Start of a field.
            let startLine = line
            let startColumn = column
            var value = ""
            if pending == "\"" {
                _ = advance()
                column += 1
                var closed = false
                while let character = advance() {
                    if character == "\"" {
                        if pending == "\"" {
                            _ = advance()
                            value.append("\"")
                            column += 2
                        } else {
                            column += 1
                            closed = true
                            break
                        }
                    } else {
                        value.append(character)
                        if character == "\n" || character == "\r\n" || character == "\r" {
                            line += 1
                            column = 1
                        } else {
                            column += 1
                        }
                    }
                }
                guard closed else {
                    throw CSVSyntaxError(line: startLine, column: startColumn, message: "quoted field is never closed")
                }
                if let next = pending, next != ",", next != "\n", next != "\r\n", next != "\r" {
                    throw CSVSyntaxError(line: line, column: column,
                                         message: "unexpected character '\(next)' after a closing quote (expected a comma or a line break)")
                }
                recordIsEmpty = false
            } else {
                while let next = pending, next != ",", next != "\n", next != "\r\n", next != "\r" {
                    if next == "\"" {
                        throw CSVSyntaxError(line: line, column: column,
                                             message: "quote inside an unquoted field (enclose the field in quotes and double the quote)")
                    }
                    value.append(next)
                    _ = advance()
                    column += 1
                }
                if !value.isEmpty { recordIsEmpty = false }
            }
            fields.append(CSVField(text: value, line: startLine, column: startColumn))

            // After a field: comma, line break or end.
            guard let separator = advance() else {
                if !(recordIsEmpty && fields.count == 1) { records.append(fields) }
                return records
            }
            if separator == "," {
                column += 1
                recordIsEmpty = false
                continue
            }
            // A line break ends the record.
            if !(recordIsEmpty && fields.count == 1) { records.append(fields) }
            fields = []
            recordIsEmpty = true
            line += 1
            column = 1
            if pending == nil { return records }
        }
    }
}
