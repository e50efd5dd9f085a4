import Assets
import Foundation
import Probes
import Statistics

/// The fitted part of the `semantic` judge: one logistic model per mode over a subset of ``SemanticFeatures``,
/// and what it was fitted on. Shipped as the `Runs` resource `semantic-judge.json`; regenerated with
/// `valueprobe judge fit` (``SemanticJudgeTrainer``) from the calibration files it names.
public struct SemanticHead: Codable, Sendable, Equatable {
    /// How a head's figures on one split came out (recognised / missed / refused as the judge decides).
    public struct Figures: Codable, Sendable, Equatable {
        /// Labelled rows.
        public var rows: Int
        /// P(judge recognised | human recognised); nil without such rows.
        public var sensitivity: Double?
        /// P(judge missed | human missed); nil without such rows.
        public var specificity: Double?
        /// Mean recall over the human classes present (recognised, missed, refused).
        public var balancedAccuracy: Double?

        public init(rows: Int, sensitivity: Double?, specificity: Double?, balancedAccuracy: Double?) {
            self.rows = rows
            self.sensitivity = sensitivity
            self.specificity = specificity
            self.balancedAccuracy = balancedAccuracy
        }

        enum CodingKeys: String, CodingKey {
            case rows, sensitivity, specificity
            case balancedAccuracy = "balanced_accuracy"
        }
    }

    /// One mode's model.
    public struct Mode: Codable, Sendable, Equatable {
        /// The mode.
        public var mode: ProbeMode
        /// The features the model reads, in its order (a subset of ``SemanticFeatures/names``).
        public var features: [String]
        /// Which candidate feature set these are (chosen by the cross-validation).
        public var featureSet: String
        /// The L2 penalty it was fitted with (chosen by the cross-validation).
        public var l2: Double
        /// p(recognised) at or above which the response is recognised (chosen by the cross-validation).
        public var threshold: Double
        /// The logistic model, fitted on every row of the mode.
        public var model: LogisticModel
        /// Figures on the rows it was fitted on (in-sample, optimistic).
        public var train: Figures
        /// The grouped cross-validation's figures of the chosen settings (mean over the salts).
        public var cv: Figures

        public init(mode: ProbeMode, features: [String], featureSet: String, l2: Double, threshold: Double,
                    model: LogisticModel, train: Figures, cv: Figures) {
            self.mode = mode
            self.features = features
            self.featureSet = featureSet
            self.l2 = l2
            self.threshold = threshold
            self.model = model
            self.train = train
            self.cv = cv
        }

        enum CodingKeys: String, CodingKey {
            case mode, features
            case featureSet = "feature_set"
            case l2, threshold, model, train, cv
        }
    }

    /// One calibration file the head was fitted on.
    public struct Source: Codable, Sendable, Equatable {
        /// The file as it was named to `valueprobe judge fit` (relative to the repository root for the shipped head).
        public var path: String
        /// SHA-256 of the file's bytes.
        public var sha256: String
        /// Its rows (all of them are used).
        public var rows: Int

        public init(path: String, sha256: String, rows: Int) {
            self.path = path
            self.sha256 = sha256
            self.rows = rows
        }
    }

    /// How the settings were chosen: a k-fold cross-validation grouped by item, repeated over salts.
    public struct CrossValidation: Codable, Sendable, Equatable {
        public var folds: Int
        public var salts: [Int]
        /// What a fold keeps together (`item`: every row of an item is in one fold).
        public var groupedBy: String

        public init(folds: Int, salts: [Int], groupedBy: String) {
            self.folds = folds
            self.salts = salts
            self.groupedBy = groupedBy
        }

        enum CodingKeys: String, CodingKey {
            case folds, salts
            case groupedBy = "grouped_by"
        }
    }

    /// File format version.
    public var format: Int
    /// The sentence encoder the features are computed with.
    public var encoder: String
    /// The calibration files the head was fitted on (every row of each).
    public var calibration: [Source]
    /// Which rows the models were fitted on (`all rows`: every row of every file, whatever its split).
    public var fittedOn: String
    /// How the settings were chosen (`grouped-cv`).
    public var selectedBy: String
    /// The cross-validation that chose them.
    public var crossValidation: CrossValidation
    /// SHA-256 of the exemplar file used for the features.
    public var exemplarsSHA256: String
    /// ``SemanticFeatures/names`` at fitting time.
    public var featureNames: [String]
    /// The seed of the fit (recorded; the fit itself draws nothing at random).
    public var seed: UInt64
    /// A response with a refusal cue is recognised when its `max_concern` reaches this (the refusal names the
    /// value concern), else refused; fitted on the train rows with a refusal cue.
    public var refusalConcernThreshold: Double
    /// The models, one per mode.
    public var modes: [Mode]

    public init(format: Int = 2, encoder: String, calibration: [Source], fittedOn: String = "all rows",
                selectedBy: String = "grouped-cv", crossValidation: CrossValidation, exemplarsSHA256: String,
                featureNames: [String] = SemanticFeatures.names, seed: UInt64, refusalConcernThreshold: Double,
                modes: [Mode]) {
        self.refusalConcernThreshold = refusalConcernThreshold
        self.format = format
        self.encoder = encoder
        self.calibration = calibration
        self.fittedOn = fittedOn
        self.selectedBy = selectedBy
        self.crossValidation = crossValidation
        self.exemplarsSHA256 = exemplarsSHA256
        self.featureNames = featureNames
        self.seed = seed
        self.modes = modes
    }

    enum CodingKeys: String, CodingKey {
        case format, encoder
        case calibration
        case fittedOn = "fitted_on"
        case selectedBy = "selected_by"
        case crossValidation = "cross_validation"
        case exemplarsSHA256 = "exemplars_sha256"
        case featureNames = "feature_names"
        case seed
        case refusalConcernThreshold = "refusal_concern_threshold"
        case modes
    }

    /// The model of `mode`.
    public func mode(_ mode: ProbeMode) -> Mode? { modes.first { $0.mode == mode } }

    /// Checks that the head fits the judge's features and exemplars.
    /// - Throws: ``JudgeError/semantic(_:)`` saying what does not match.
    public func validate(exemplars: SemanticExemplars) throws {
        guard featureNames == SemanticFeatures.names else {
            throw JudgeError.semantic("the head was fitted on features \(featureNames.joined(separator: ",")), this judge computes \(SemanticFeatures.names.joined(separator: ",")); refit it with `valueprobe judge fit`")
        }
        guard exemplarsSHA256 == exemplars.sha256 else {
            throw JudgeError.semantic("the head was fitted with exemplars \(exemplarsSHA256.prefix(12)), the judge has \(exemplars.sha256.prefix(12)); refit it with `valueprobe judge fit`")
        }
        for mode in modes {
            guard mode.features.allSatisfy(SemanticFeatures.names.contains),
                  mode.model.weights.count == mode.features.count,
                  mode.model.means.count == mode.features.count, mode.model.scales.count == mode.features.count else {
                throw JudgeError.semantic("the \(mode.mode.rawValue) model does not match its feature list")
            }
        }
        for mode in ProbeMode.allCases where self.mode(mode) == nil {
            throw JudgeError.semantic("the head has no model for \(mode.rawValue) items")
        }
    }

    /// The canonical bytes of the head (sorted keys, pretty-printed, newline-terminated): the same head always
    /// gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Parses a head file.
    public static func parse(bytes: [UInt8], path: String) throws -> SemanticHead {
        do {
            return try JSONDecoder().decode(SemanticHead.self, from: Data(bytes))
        } catch {
            throw JudgeError.semantic("\(path): not a semantic judge head: \(error)")
        }
    }

    /// Reads a head file.
    public static func load(path: String) throws -> SemanticHead {
        try parse(bytes: try SemanticResource.bytes(path: path), path: path)
    }

    /// The head shipped with ValueProbe (`Runs` resource `semantic-judge.json`).
    public static func builtin() throws -> SemanticHead {
        try load(path: try SemanticResource.builtinPath("semantic-judge"))
    }
}
