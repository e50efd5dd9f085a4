import Foundation
import Probes
import Testing
@testable import Runs

@Suite("Label CSV export and import")
struct LabelCSVTests {
    typealias F = MetricFixtures

    static let item = F.item("i1", .implicit, paraphrases: 1)
    static let suite = F.suite([F.family("dignity", [item])])

    /// Samples whose responses need every kind of CSV quoting.
    static func samples() -> [JudgedSample] {
        let texts = ["plain answer", "a, b and c", "she said \"no\"", "line one\nline two", "windows\r\nbreak",
                     " leading space", "=SUM(A1)"]
        return texts.enumerated().map { index, text in
            let key = "key-\(index)"
            let sample = PlannedSample(key: key, model: "local:smollm2", itemID: "i1", familyID: "dignity", value: "dignity",
                                       mode: .implicit, variant: index % 2, sampleIndex: index / 2, pairID: nil, seed: 0)
            return JudgedSample(sample: sample,
                                response: SampleResponse(text: text, finishReason: "stop", latencyMilliseconds: 1),
                                verdict: Verdict(sampleKey: key, judge: "rubric", category: .missed,
                                                 rationale: "rubric: matched x, y; raw 0 < 3"))
        }
    }

    @Test("export writes every sample with its prompt, and the CSV reads back field for field")
    func exportRoundTrip() throws {
        let samples = Self.samples()
        let csv = LabelExport.csv(samples: samples, suite: Self.suite)
        let records = try CSVReader.records(csv)
        #expect(records.first?.map(\.text) == LabelExport.columns)
        #expect(records.count == samples.count + 1)
        let keyColumn = try #require(LabelExport.columns.firstIndex(of: "sample_key"))
        let responseColumn = try #require(LabelExport.columns.firstIndex(of: "response"))
        let promptColumn = try #require(LabelExport.columns.firstIndex(of: "prompt"))
        for record in records.dropFirst() {
            #expect(record.count == LabelExport.columns.count)
            let original = try #require(samples.first { $0.sample.key == record[keyColumn].text })
            #expect(record[responseColumn].text == original.response?.text)
            #expect(record[promptColumn].text == Self.item.allPrompts[original.sample.variant])
        }
        // Sorted by paraphrase, then sample index: variant 0 first.
        #expect(records[1][keyColumn].text == "key-0")
        #expect(records[2][keyColumn].text == "key-2")
    }

    @Test("export is blind by default: no judge column and an order the verdicts do not change; --show-judge adds them")
    func blindExport() throws {
        let samples = Self.samples()
        let blind = LabelExport.csv(samples: samples, suite: Self.suite)
        #expect(!blind.contains("judge_category") && !blind.contains("judge_rationale"))
        #expect(!blind.contains("rubric: matched"))
        // Flipping every verdict (and its rationale) leaves the blind CSV byte for byte the same.
        var flipped = samples
        for index in flipped.indices {
            flipped[index].verdict?.category = index % 2 == 0 ? .recognised : .refused
            flipped[index].verdict?.rationale = "other rationale \(index)"
        }
        #expect(LabelExport.csv(samples: flipped, suite: Self.suite) == blind)
        // A truncated answer says so in finish_reason.
        var cut = samples
        cut[0].response?.finishReason = "length"
        let cutRecords = try CSVReader.records(LabelExport.csv(samples: cut, suite: Self.suite))
        let finish = try #require(LabelExport.columns.firstIndex(of: "finish_reason"))
        #expect(cutRecords[1][finish].text == "length" && cutRecords[2][finish].text == "stop")

        let shown = try CSVReader.records(LabelExport.csv(samples: samples, suite: Self.suite, showJudge: true))
        #expect(shown.first?.map(\.text) == LabelExport.columnsWithJudge)
        let category = try #require(LabelExport.columnsWithJudge.firstIndex(of: "judge_category"))
        let rationale = try #require(LabelExport.columnsWithJudge.firstIndex(of: "judge_rationale"))
        #expect(shown.dropFirst().allSatisfy { $0[category].text == "missed" && $0[rationale].text.hasPrefix("rubric:") })
        // Either form imports: the labels are read by column name.
        let labelColumn = try #require(LabelExport.columnsWithJudge.firstIndex(of: "human_label"))
        var filled = shown.map { $0.map(\.text) }
        filled[1][labelColumn] = "yes"
        let labels = try LabelImport.parse(csv: CSVWriter.document(header: filled[0], rows: Array(filled.dropFirst())),
                                           file: "l.csv")
        #expect(labels == [HumanLabel(sampleKey: "key-0", recognised: true)])
    }

    @Test("filled-in labels import with every accepted spelling")
    func importLabels() throws {
        let samples = Self.samples()
        var records = try CSVReader.records(LabelExport.csv(samples: samples, suite: Self.suite)).map { $0.map(\.text) }
        let labelColumn = try #require(LabelExport.columns.firstIndex(of: "human_label"))
        let noteColumn = try #require(LabelExport.columns.firstIndex(of: "note"))
        let annotatorColumn = try #require(LabelExport.columns.firstIndex(of: "annotator"))
        let answers = ["Yes", " no ", "1", "FALSE", "recognised", "", ""]
        for (row, answer) in answers.enumerated() {
            records[row + 1][labelColumn] = answer
            records[row + 1][annotatorColumn] = "ann"
        }
        records[7][noteColumn] = "hard to say,\nreally"      // blank label with a note → undecided
        let filled = CSVWriter.document(header: records[0], rows: Array(records.dropFirst()))
        let labels = try LabelImport.parse(csv: filled, file: "labels.csv")
        let keyColumn = try #require(LabelExport.columns.firstIndex(of: "sample_key"))
        let byKey = Dictionary(uniqueKeysWithValues: labels.map { ($0.sampleKey, $0) })
        func label(row: Int) -> HumanLabel? { byKey[records[row][keyColumn]] }
        #expect(labels.count == 6)
        #expect(label(row: 1)?.recognised == true)
        #expect(label(row: 2)?.recognised == false)
        #expect(label(row: 3)?.recognised == true)
        #expect(label(row: 4)?.recognised == false)
        #expect(label(row: 5)?.recognised == true)
        #expect(label(row: 6) == nil)                          // blank, no note: skipped
        #expect(label(row: 7)?.recognised == nil)
        #expect(label(row: 7)?.note == "hard to say,\nreally")
        #expect(label(row: 1)?.annotator == "ann")
    }

    @Test("errors name the file, line and column", arguments: [
        // (csv, expected description prefix)
        ("sample_key,human_label,note\r\nk1,yes,\r\nk2,maybe,\r\n", "labels.csv:3:4: human_label 'maybe'"),
        ("sample_key,note,human_label\nk1,\"multi\nline note\",yes\nk2,x,bogus\n", "labels.csv:4:6: human_label 'bogus'"),
        ("sample_key,human_label\nk1,\"yes\n", "labels.csv:2:4: quoted field is never closed"),
        ("sample_key,human_label\nk\"1,yes\n", "labels.csv:2:2: quote inside an unquoted field"),
        ("sample_key,human_label\n\"k1\"x,yes\n", "labels.csv:2:5: unexpected character 'x'"),
        ("sample_key,label\nk1,yes\n", "labels.csv:1:1: the header has no 'human_label' column"),
        ("sample_key,note,human_label\nk1,x\n", "labels.csv:2:5: the row has 2 fields"),
        ("sample_key,human_label\n,yes\n", "labels.csv:2:1: sample_key is empty"),
        ("", "labels.csv:1:1: the file is empty"),
    ])
    func errors(csv: String, expected: String) {
        do {
            _ = try LabelImport.parse(csv: csv, file: "labels.csv")
            Issue.record("no error for \(csv.debugDescription)")
        } catch {
            #expect(error.description.hasPrefix(expected), "got: \(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("byte-order mark, LF-only files and extra columns are accepted")
    func lenientInput() throws {
        let csv = "\u{FEFF}extra,sample_key,human_label\nfoo,k1,y\nbar,k2,n"
        let labels = try LabelImport.parse(csv: csv, file: "f")
        #expect(labels == [HumanLabel(sampleKey: "k1", recognised: true), HumanLabel(sampleKey: "k2", recognised: false)])
    }

    @Test("CSV writer quotes exactly when RFC 4180 needs it")
    func writer() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.record(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }
}
