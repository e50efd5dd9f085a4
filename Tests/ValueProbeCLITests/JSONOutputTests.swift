import Foundation
import Testing
@testable import ValueProbeCLI

/// `--json` output that JSON cannot hold used to print nothing with exit 0 (`try?` around the encoder): it is now
/// an error naming the field.
@Suite("JSON output of the CLI")
struct JSONOutputTests {
    struct Row: Encodable {
        var word: String
        var score: Double
    }

    struct Result: Encodable {
        var rows: [Row]
        var note: String?
    }

    @Test("a NaN or an infinity is an error naming the field, never empty output", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumber(_ bad: Double) {
        let result = Result(rows: [Row(word: "a", score: 0.5), Row(word: "b", score: bad)])
        #expect(throws: JSONOutputError.self) { try Terminal.jsonData(result) }
        do {
            _ = try Terminal.jsonData(result)
        } catch {
            #expect(error.field == "rows[1].score")
            #expect(error.description == "cannot write the result as JSON: field 'rows[1].score' is \(bad), which JSON cannot represent")
            #expect(!error.description.contains("\n"))
        }
        #expect(throws: JSONOutputError.self) { try Terminal.printJSON(result) }
    }

    @Test("a top-level NaN has no field to name")
    func topLevel() {
        do {
            _ = try Terminal.jsonData(Double.nan)
            Issue.record("NaN encoded")
        } catch {
            #expect(error.description == "cannot write the result as JSON: a value is nan, which JSON cannot represent")
        }
    }

    @Test("finite values encode with sorted keys and unescaped slashes")
    func finiteValues() throws {
        let data = try Terminal.jsonData(Result(rows: [Row(word: "a/b", score: 1.5)], note: nil))
        #expect(String(decoding: data, as: UTF8.self) == #"{"rows":[{"score":1.5,"word":"a/b"}]}"#)
        let pretty = try Terminal.jsonData(Result(rows: [], note: "n"), pretty: true)
        #expect(String(decoding: pretty, as: UTF8.self).contains("\n"))
    }
}
