/// The rate corrected for an imperfect judge (Rogan–Gladen):
/// r_true ≈ (r_obs + specificity − 1)/(sensitivity + specificity − 1), clipped to [0, 1].
///
/// - Returns: `nil` when sensitivity + specificity = 1 (a judge no better than chance carries no information).
/// - Throws: `StatisticsError` when an argument lies outside [0, 1].
public func judgeCorrectedRate(observed: Double, sensitivity: Double, specificity: Double) throws(StatisticsError) -> Double? {
    let function = "judgeCorrectedRate"
    try StatisticsError.checkProbability(observed, named: "observed rate", in: function)
    try StatisticsError.checkProbability(sensitivity, named: "sensitivity", in: function)
    try StatisticsError.checkProbability(specificity, named: "specificity", in: function)
    let denominator = sensitivity + specificity - 1
    guard abs(denominator) > 1e-12 else { return nil }
    return min(1, max(0, (observed + specificity - 1) / denominator))
}
