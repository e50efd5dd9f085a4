import Foundation
import Yams

/// Reads outcome sets from YAML (or JSON) and validates them, with the suite loader's machinery: every problem is
/// reported as `file:LINE:COLUMN: what is wrong`, and loading never crashes on bad input.
public enum OutcomeSetLoader {
    /// Largest outcome-set file accepted, in bytes.
    public static let maximumFileSize = 8 << 20

    /// Loads a built-in outcome set by name (see ``BuiltinOutcomeSets``) or an outcome-set file by path.
    public static func load(nameOrPath: String) throws(OutcomeSetError) -> OutcomeSet {
        if BuiltinOutcomeSets.list().contains(nameOrPath) { return try BuiltinOutcomeSets.load(nameOrPath) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw OutcomeSetError.unknownSet(name: nameOrPath, builtins: BuiltinOutcomeSets.list()) }
        return try load(contentsOf: URL(fileURLWithPath: nameOrPath))
    }

    /// Loads and validates the outcome-set file at `url`.
    public static func load(contentsOf url: URL) throws(OutcomeSetError) -> OutcomeSet {
        let report = validate(contentsOf: url)
        if let set = report.set, report.issues.isEmpty { return set }
        throw report.failure ?? OutcomeSetError.invalid(report.issues)
    }

    /// Loads and validates outcome-set text; `file` names it in messages.
    public static func load(yaml: String, file: String = "<string>") throws(OutcomeSetError) -> OutcomeSet {
        let report = validate(yaml: yaml, file: file)
        if let set = report.set, report.issues.isEmpty { return set }
        throw OutcomeSetError.invalid(report.issues)
    }

    /// Validates an outcome-set file, returning every problem rather than stopping at the first.
    public static func validate(contentsOf url: URL) -> OutcomeSetValidationReport {
        let file = url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                return OutcomeSetValidationReport(failure: .unreadable(
                    path: file, reason: "the file is \(size) bytes, more than the \(maximumFileSize) accepted"))
            }
            data = try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedDescription.replacingOccurrences(of: "\n", with: " ")
            return OutcomeSetValidationReport(failure: .unreadable(path: file, reason: reason))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = SuiteLoader.firstInvalidUTF8Offset(data)
            return OutcomeSetValidationReport(failure: .unreadable(
                path: file, reason: "not UTF-8 text (first bad byte at offset \(offset))"))
        }
        return validate(yaml: text, file: file)
    }

    /// Validates outcome-set text, returning the set (when valid) and every problem found.
    public static func validate(yaml: String, file: String = "<string>") -> OutcomeSetValidationReport {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            return OutcomeSetValidationReport(set: nil, issues: [SuiteLoader.syntaxIssue(error, yaml: yaml, file: file)])
        }
        guard let root else {
            return OutcomeSetValidationReport(set: nil, issues: [SuiteIssue(
                file: file, line: 1, column: 1, message: "the file holds no YAML document (it is empty)")])
        }
        let session = DecodeSession(file: file)
        let decoded = OutcomeSetDecoder(session: session).decodeSet(root)
        let issues = session.issues.sorted { ($0.line ?? .max, $0.column ?? .max) < ($1.line ?? .max, $1.column ?? .max) }
        return OutcomeSetValidationReport(set: issues.isEmpty ? decoded : nil, issues: issues)
    }
}
