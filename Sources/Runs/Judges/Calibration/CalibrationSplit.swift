/// Which part of a labelled set a row belongs to.
///
/// `train` may be used to fit a judge, `dev` to choose between settings, and `test` only to report figures:
/// nothing is ever fitted, selected or tuned on `test` rows.
public enum CalibrationSplit: String, Codable, Sendable, CaseIterable, Hashable {
    case train
    case dev
    case test
}
