import Foundation
import Statistics

/// Everything a preference run reports: the run, how its answers were obtained and counted, utilities grouped by
/// value with intervals, held-out fit, transitivity, decisiveness, order consistency and the per-value agreement.
public struct PrefsResult: Codable, Sendable {
    /// The run's manifest (model, parameters, seed, outcome-set hash, tool version, host).
    public var manifest: PrefsManifest
    /// The run directory.
    public var directory: String
    /// Questions asked by this invocation (0 when a finished run is re-run).
    public var askedNow: Int
    /// How the answers were counted (unparseable answers, refusals and failures apart).
    public var tally: PreferenceTally
    /// Per outcome, in the set's order.
    public var utilities: [OutcomeUtility]
    /// Fit, held-out evaluation, transitivity and consistency.
    public var analysis: PreferenceAnalysis
    /// Per value: does the utility ranking agree with it?
    public var agreements: [ValueAgreement]
    /// The Markdown report written into the run directory (nil when it could not be written).
    public var reportFile: String?

    /// The method that produced the numbers.
    public var method: PreferenceMethod { manifest.method }
}

extension PrefsResult {
    /// The file in the run directory that holds the last result (`valueprobe profile` reads it).
    public static let fileName = "result.json"

    /// The result as JSON: sorted keys, pretty-printed; a non-finite number (a statistic with no data) is written
    /// as the string "nan", "inf" or "-inf".
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// Reads the result a preference run wrote into `directory`.
    /// - Throws: ``PrefsError/corruptStore(path:reason:)`` naming the file when it is missing or unreadable.
    public static func load(directory: URL) throws -> PrefsResult {
        let file = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw PrefsError.corruptStore(path: file.path, reason: "no result: run `valueprobe prefs` with this --out to (re)write it")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(PrefsResult.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw PrefsError.corruptStore(path: file.path, reason: "not a preference result of this version (no '\(key.stringValue)'): re-run `valueprobe prefs` with this --out")
        } catch {
            throw PrefsError.corruptStore(path: file.path, reason: "not a preference result (\(error.localizedDescription))")
        }
    }
}
