import Assets
import Foundation
import Probes

/// A file of hand-labelled responses (JSON Lines, one ``CalibrationRow`` per line), used to measure judges and to
/// fit the `semantic` judge's head on its train split.
///
/// Blank lines are skipped. Every problem is reported with the file and line: a line that is not a JSON object,
/// a missing field, an unknown label, mode or split, a duplicated id; ``resolve(loadSuite:)`` then checks each
/// row against its suite (the item exists, its mode and value agree, the variant exists).
public struct CalibrationSet: Sendable, Equatable {
    /// Where the rows came from (the path, or a name for rows made in memory).
    public var path: String
    /// The rows, in file order.
    public var rows: [CalibrationRow]
    /// SHA-256 of the file's bytes (lower-case hex); records exactly which labels a figure was measured on.
    public var sha256: String
    /// The 1-based line of each row in the file (`lines[i]` belongs to `rows[i]`).
    public var lines: [Int]

    /// Rows made in memory (numbered 1, 2, … as their lines).
    public init(path: String = "<memory>", rows: [CalibrationRow], sha256: String = "", lines: [Int]? = nil) {
        self.path = path
        self.rows = rows
        self.sha256 = sha256
        self.lines = lines ?? Array(1..<(rows.count + 1))
    }

    /// Reads a calibration file.
    /// - Throws: ``CalibrationError`` naming the file and line.
    public static func load(path: String) throws(CalibrationError) -> CalibrationSet {
        let bytes: [UInt8]
        do {
            bytes = try WholeFile.read(path)
        } catch {
            throw CalibrationError(path: path, reason: error.reason)
        }
        return try parse(bytes: bytes, path: path)
    }

    /// Parses the bytes of a calibration file.
    /// - Throws: ``CalibrationError`` naming `path` and the line.
    public static func parse(bytes: [UInt8], path: String) throws(CalibrationError) -> CalibrationSet {
        let decoder = JSONDecoder()
        var rows: [CalibrationRow] = []
        var lines: [Int] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if end == bytes.count { break }
                continue
            }
            var row: CalibrationRow
            do {
                row = try decoder.decode(CalibrationRow.self, from: Data(line))
            } catch let error as DecodingError {
                throw CalibrationError(path: path, line: lineNumber, reason: describe(error))
            } catch {
                throw CalibrationError(path: path, line: lineNumber, reason: "not a JSON object: \(error)")
            }
            if row.id.isEmpty { row.id = String(lineNumber) }
            if let first = seen[row.id] {
                throw CalibrationError(path: path, line: lineNumber,
                                       reason: "id '\(row.id)' is used again (first on line \(first))")
            }
            seen[row.id] = lineNumber
            guard row.variant >= 0 else {
                throw CalibrationError(path: path, line: lineNumber, reason: "variant \(row.variant) is negative")
            }
            rows.append(row)
            lines.append(lineNumber)
            if end == bytes.count { break }
        }
        return CalibrationSet(path: path, rows: rows, sha256: SHA256.hash(bytes), lines: lines)
    }

    /// The rows of `split` (all of them when `split` is nil), keeping their line numbers.
    public func filtered(to split: CalibrationSplit?) -> CalibrationSet {
        guard let split else { return self }
        let kept = rows.indices.filter { rows[$0].split == split }
        return CalibrationSet(path: path, rows: kept.map { rows[$0] }, sha256: sha256, lines: kept.map { lines[$0] })
    }

    /// The folder beside the file that holds the suites its rows were labelled against (`suites/` next to the
    /// calibration file): a suite named `NAME` is read from `suites/NAME.yaml` there when that file exists, so that
    /// a labelled set keeps meaning what it meant when the built-in suites change.
    public var frozenSuitesDirectory: URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("suites", isDirectory: true)
    }

    /// Loads the suite `name` as the rows were labelled against it: `suites/NAME.yaml` beside the calibration file
    /// when it exists, else ``SuiteLoader/load(nameOrPath:)`` (a built-in name or a path).
    public func loadSuite(_ name: String) throws -> ProbeSuite {
        let frozen = frozenSuitesDirectory.appendingPathComponent(name + ".yaml")
        if !name.contains("/"), FileManager.default.fileExists(atPath: frozen.path) {
            return try SuiteLoader.load(contentsOf: frozen)
        }
        return try SuiteLoader.load(nameOrPath: name)
    }

    /// Each row with its item, family and suite.
    /// - Parameter loadSuite: loads a suite by name or path (default: ``loadSuite(_:)``); each suite is loaded once.
    /// - Throws: ``CalibrationError`` naming the line of the first row that does not fit its suite.
    public func resolve(loadSuite: ((String) throws -> ProbeSuite)? = nil) throws(CalibrationError) -> [ResolvedCalibrationRow] {
        let loadSuite = loadSuite ?? { try self.loadSuite($0) }
        var suites: [String: ProbeSuite] = [:]
        var resolved: [ResolvedCalibrationRow] = []
        resolved.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let line = lines.indices.contains(index) ? lines[index] : index + 1
            let suite: ProbeSuite
            if let cached = suites[row.suite] {
                suite = cached
            } else {
                do {
                    suite = try loadSuite(row.suite)
                } catch {
                    throw CalibrationError(path: path, line: line, reason: "suite '\(row.suite)': \(error)")
                }
                suites[row.suite] = suite
            }
            guard let item = suite.item(id: row.item), let family = suite.family(ofItem: row.item) else {
                throw CalibrationError(path: path, line: line, reason: "suite '\(row.suite)' has no item '\(row.item)'")
            }
            if let mode = row.mode, mode != item.mode {
                throw CalibrationError(path: path, line: line,
                                       reason: "item '\(row.item)' is \(item.mode.rawValue), the row says \(mode.rawValue)")
            }
            if let value = row.value, value != family.value {
                throw CalibrationError(path: path, line: line,
                                       reason: "item '\(row.item)' is about \(family.value), the row says \(value)")
            }
            guard row.variant < item.allPrompts.count else {
                throw CalibrationError(path: path, line: line,
                                       reason: "item '\(row.item)' has \(item.allPrompts.count) prompt variant(s), the row asks for variant \(row.variant)")
            }
            resolved.append(ResolvedCalibrationRow(row: row, item: item, family: family, suite: suite))
        }
        return resolved
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _):
            return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "field '\(field)': \(context.debugDescription)"
        case .dataCorrupted(let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            if field.isEmpty { return "not a JSON object: \(context.debugDescription)" }
            return "field '\(field)': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A calibration row with what it refers to.
public struct ResolvedCalibrationRow: Sendable {
    public var row: CalibrationRow
    public var item: ProbeItem
    public var family: ProbeFamily
    public var suite: ProbeSuite

    /// The prompt text the response answered.
    public var prompt: String { item.prompt(variant: row.variant) ?? item.prompt }

    /// A planned sample standing for the row, so that any ``Judge`` can judge it.
    public var plannedSample: PlannedSample {
        PlannedSample(key: "calibration:\(row.id)", model: row.source ?? "calibration", itemID: item.id,
                      familyID: family.id, value: family.value, mode: item.mode, variant: row.variant,
                      sampleIndex: 0, pairID: item.pairID, seed: 0)
    }

    /// The row's response as a ``SampleResponse``.
    public var sampleResponse: SampleResponse {
        SampleResponse(text: row.response, finishReason: row.finishReason, latencyMilliseconds: 0)
    }
}
