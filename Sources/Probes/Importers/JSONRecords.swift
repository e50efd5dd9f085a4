import Foundation

/// The top-level records of a JSON array (`[{…}, {…}]`) or of JSON Lines (`{…}` one per line), each with the line
/// it starts on, so that a problem in one names its line.
enum JSONRecords {
    /// The records as objects with their lines; anything malformed is an error naming the line.
    static func objects(in text: String, file: String) throws(ItemBankError) -> [(line: Int, object: [String: Any])] {
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1
        func skipSpace() {
            while index < scalars.count, [" ", "\t", "\r", "\n", "\u{FEFF}"].contains(scalars[index]) {
                if scalars[index] == "\n" { line += 1 }
                index += 1
            }
        }
        skipSpace()
        let inArray = index < scalars.count && scalars[index] == "["
        if inArray { index += 1 }
        var records: [(line: Int, object: [String: Any])] = []
        while true {
            skipSpace()
            guard index < scalars.count else {
                if inArray { throw ItemBankError(file: file, line: line, message: "bad JSON: the list is never closed (']')") }
                break
            }
            if inArray && scalars[index] == "]" { break }
            if inArray && !records.isEmpty {
                guard scalars[index] == "," else {
                    throw ItemBankError(file: file, line: line, message: "bad JSON: expected ',' or ']' between records")
                }
                index += 1
                skipSpace()
            }
            guard index < scalars.count, scalars[index] == "{" else {
                throw ItemBankError(file: file, line: line, message: "bad JSON: expected a record ('{')")
            }
            let startLine = line, start = index
            var depth = 0, inString = false, escaped = false
            repeat {
                let scalar = scalars[index]
                if scalar == "\n" { line += 1 }
                if inString {
                    if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                } else if scalar == "\"" {
                    inString = true
                } else if scalar == "{" || scalar == "[" {
                    depth += 1
                } else if scalar == "}" || scalar == "]" {
                    depth -= 1
                }
                index += 1
            } while depth > 0 && index < scalars.count
            guard depth == 0 else {
                throw ItemBankError(file: file, line: startLine, message: "bad JSON: this record is never closed")
            }
            var chunk = String.UnicodeScalarView()
            chunk.append(contentsOf: scalars[start..<index])
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(String(chunk).utf8))
            } catch {
                throw ItemBankError(file: file, line: startLine, message: "bad JSON in this record")
            }
            guard let object = parsed as? [String: Any] else {
                throw ItemBankError(file: file, line: startLine, message: "bad JSON: a record must be an object")
            }
            records.append((startLine, object))
        }
        return records
    }
}
