import Foundation
import Yams

/// Reads probe suites from YAML (or JSON, which is YAML too) and validates them.
///
/// Every problem is reported as `file:LINE:COLUMN: what is wrong`. Loading never crashes on bad input: syntax
/// errors, wrong types, unknown keys, broken links between items and invalid patterns all become ``SuiteIssue``s.
public enum SuiteLoader {
    /// Largest suite file accepted, in bytes.
    public static let maximumFileSize = 32 << 20

    /// Loads a built-in suite by name (see ``BuiltinSuites``) or a suite file by path.
    public static func load(nameOrPath: String) throws(SuiteError) -> ProbeSuite {
        if BuiltinSuites.list().contains(nameOrPath) { return try BuiltinSuites.load(nameOrPath) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw SuiteError.unknownSuite(name: nameOrPath, builtins: BuiltinSuites.list()) }
        return try load(contentsOf: URL(fileURLWithPath: nameOrPath))
    }

    /// Loads and validates the suite file at `url`.
    public static func load(contentsOf url: URL) throws(SuiteError) -> ProbeSuite {
        let report = validate(contentsOf: url)
        if let suite = report.suite, report.issues.isEmpty { return suite }
        throw report.failure ?? SuiteError.invalid(report.issues)
    }

    /// Loads and validates suite text; `file` names it in messages.
    public static func load(yaml: String, file: String = "<string>") throws(SuiteError) -> ProbeSuite {
        let report = validate(yaml: yaml, file: file)
        if let suite = report.suite, report.issues.isEmpty { return suite }
        throw SuiteError.invalid(report.issues)
    }

    /// Validates a suite file, returning every problem rather than stopping at the first.
    public static func validate(contentsOf url: URL) -> SuiteValidationReport {
        let file = url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                return SuiteValidationReport(failure: .unreadable(
                    path: file, reason: "the file is \(size) bytes, more than the \(maximumFileSize) accepted"))
            }
            data = try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedDescription.replacingOccurrences(of: "\n", with: " ")
            return SuiteValidationReport(failure: .unreadable(path: file, reason: reason))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(data)
            return SuiteValidationReport(failure: .unreadable(
                path: file, reason: "not UTF-8 text (first bad byte at offset \(offset))"))
        }
        return validate(yaml: text, file: file)
    }

    /// Validates suite text, returning the suite (when it could be built) and every problem found.
    public static func validate(yaml: String, file: String = "<string>") -> SuiteValidationReport {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            return SuiteValidationReport(suite: nil, issues: [syntaxIssue(error, yaml: yaml, file: file)])
        }
        guard let root else {
            return SuiteValidationReport(suite: nil, issues: [SuiteIssue(
                file: file, line: 1, column: 1, message: "the file holds no YAML document (it is empty)")])
        }
        let session = DecodeSession(file: file)
        let decoded = SuiteDecoder(session: session).decodeSuite(root)
        guard let suite = decoded, session.issues.isEmpty else {
            return SuiteValidationReport(suite: nil, issues: session.issues)
        }
        func placed(_ problem: SuiteValidator.Problem) -> SuiteIssue {
            let mark = session.mark(for: problem.path)
            return SuiteIssue(file: file, line: mark?.line, column: mark?.column, path: problem.path,
                              message: problem.message)
        }
        return SuiteValidationReport(suite: RubricTemplate.apply(to: suite),
                                     issues: SuiteValidator.problems(in: suite).map(placed),
                                     warnings: SuiteValidator.warnings(in: suite).map(placed))
    }

    /// Validates a suite built in code (problems carry structural paths, no line numbers).
    public static func validate(_ suite: ProbeSuite, file: String = "<memory>") -> [SuiteIssue] {
        SuiteValidator.problems(in: suite).map { SuiteIssue(file: file, path: $0.path, message: $0.message) }
    }

    /// A YAML syntax error as an issue with its position.
    static func syntaxIssue(_ error: Error, yaml: String, file: String) -> SuiteIssue {
        guard let yamlError = error as? YamlError else {
            return SuiteIssue(file: file, message: "cannot parse YAML: \(oneLine("\(error)"))")
        }
        func contextText(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return SuiteIssue(file: file, line: mark.line, column: mark.column,
                              message: "YAML syntax error: \(oneLine(problem))\(contextText(context))")
        case .reader(let problem, let offset, _, _):
            let position = offset.map { lineAndColumn(ofCharacterOffset: $0, in: yaml) }
            return SuiteIssue(file: file, line: position?.line, column: position?.column,
                              message: "cannot read the text: \(oneLine(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SuiteIssue(file: file, line: context.mark.line, column: context.mark.column,
                              message: "duplicate key \(names) in the same mapping")
        default:
            return SuiteIssue(file: file, message: "cannot parse YAML: \(oneLine("\(yamlError)"))")
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// 1-based line and column (in Unicode scalars) of a character offset.
    static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            if let scalar = String(bytes: bytes[index..<(index + length)], encoding: .utf8), !scalar.isEmpty {
                index += length
            } else {
                return index
            }
        }
        return bytes.count
    }
}
