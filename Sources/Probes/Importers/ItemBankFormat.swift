import Foundation

/// The published item banks `valueprobe suites import` reads (docs/suite-format.md, "Importing public item banks").
public enum ItemBankFormat: String, Sendable, CaseIterable {
    /// MoralChoice (Scherrer et al. 2023): the scenario CSVs (`moralchoice_low_ambiguity.csv`, `…_high_…`).
    case moralchoice
    /// DailyDilemmas (Chiu, Jiang & Choi 2024): one row per action, as CSV, JSON or JSON Lines.
    case dailydilemmas
    /// NurValues (Yao et al. 2025): nursing cases labelled as aligned with a nursing value or not.
    case nurvalues

    /// Reads the file at `url` in this format into a suite.
    public func importSuite(from url: URL, options: ItemBankOptions = ItemBankOptions()) throws(ItemBankError)
        -> ImportedSuite {
        let file = url.path
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ItemBankError(file: file, message: "not UTF-8 text")
            }
            text = decoded
        } catch let error as ItemBankError {
            throw error
        } catch {
            let reason = (error as NSError).localizedDescription.replacingOccurrences(of: "\n", with: " ")
            throw ItemBankError(file: file, message: "cannot read the file: \(reason)")
        }
        return try importSuite(text: text, file: file, options: options)
    }

    /// Reads `text` (named `file` in messages) in this format into a suite.
    public func importSuite(text: String, file: String, options: ItemBankOptions = ItemBankOptions())
        throws(ItemBankError) -> ImportedSuite {
        let imported: ImportedSuite
        switch self {
        case .moralchoice: imported = try MoralChoiceImporter(file: file, options: options).read(text)
        case .dailydilemmas: imported = try DailyDilemmasImporter(file: file, options: options).read(text)
        case .nurvalues: imported = try NurValuesImporter(file: file, options: options).read(text)
        }
        // What the importer built must load: any problem here is a bug in the importer, said as such.
        if let problem = SuiteValidator.problems(in: imported.suite).first {
            throw ItemBankError(file: file, message: "the imported suite is not valid (\(problem.path): "
                                + "\(problem.message)); please report this")
        }
        return imported
    }
}

/// Choices the user makes when importing.
public struct ItemBankOptions: Sendable {
    /// The suite's id; default: derived from the file name.
    public var suiteID: String?
    /// NurValues only: `easy` (the case as written) or `hard` (the dialogue version).
    public var level: String

    /// Creates options.
    public init(suiteID: String? = nil, level: String = "easy") {
        self.suiteID = suiteID
        self.level = level
    }
}

/// An imported suite and what the importer left out, one line per row (`file:LINE: why`).
public struct ImportedSuite: Sendable {
    /// The suite, valid.
    public var suite: ProbeSuite
    /// Rows skipped, with the reason.
    public var skipped: [String]
    /// What the file's licence asks of the user, for the suite's header comment.
    public var licenceNote: String
}

/// Identifiers and names shared by the importers.
enum ImportNaming {
    /// Sampling defaults of an imported suite of forced choices: 5 short sampled answers per question (1 in the
    /// quick plan); local models are scored exactly and ignore them.
    static let choiceDefaults = SuiteDefaults(samples: 5, temperature: 1.0, maxTokens: 32, quick: QuickPlan(samples: 1))

    /// A suite id from a file name: `moralchoice_low_ambiguity.csv` → `moralchoice_low_ambiguity`.
    static func suiteID(for file: String, fallback: String) -> String {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let id = slug(stem, keep: "_")
        return id.isEmpty ? fallback : id
    }

    /// Lowercase ASCII letters and digits, other runs of characters as `-` (or kept when listed in `keep`).
    static func slug(_ text: String, keep: String = "") -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || keep.unicodeScalars.contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}
