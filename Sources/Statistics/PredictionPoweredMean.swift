/// A mean estimated by prediction-powered inference (PPI / PPI++), with its normal-approximation interval.
public struct PredictionPoweredMean: Sendable, Codable, Equatable, Hashable {
    /// θ̂ = λ·mean(f̃) + mean(Y − λ·f).
    public var estimate: Double
    /// θ̂ ± z·√(λ²·var(f̃)/N + var(Y − λ·f)/n) (population variances, as in the reference implementation).
    public var interval: Interval
    /// The standard error under the square root above.
    public var standardError: Double
    /// The weight λ on the predictions: 1 = plain PPI, 0 = the labelled rows alone; power-tuned unless given.
    public var lambda: Double
    /// Whether λ was power-tuned (PPI++) rather than given.
    public var powerTuned: Bool
    /// Labelled rows n (human label and prediction).
    public var labelled: Int
    /// Unlabelled rows N (prediction only).
    public var unlabelled: Int

    /// Creates a result from its parts, as stored.
    public init(estimate: Double, interval: Interval, standardError: Double, lambda: Double, powerTuned: Bool,
                labelled: Int, unlabelled: Int) {
        self.estimate = estimate
        self.interval = interval
        self.standardError = standardError
        self.lambda = lambda
        self.powerTuned = powerTuned
        self.labelled = labelled
        self.unlabelled = unlabelled
    }
}

/// Prediction-powered inference for a mean (Angelopoulos et al., *Science* 2023; PPI++, Angelopoulos, Duchi &
/// Zrnic 2023, arXiv 2311.01453).
///
/// With n labelled rows (true outcomes `labels` Y, predictions `predictions` f) and N unlabelled rows
/// (`unlabelledPredictions` f̃):
/// - θ̂(λ) = λ·mean(f̃) + mean(Y − λ·f);
/// - power tuning (when `lambda` is nil): λ̂ = cov(Y, f) / ((1 + n/N)·var(f ∪ f̃)), clipped to [0, 1], where cov
///   is the population covariance of the labelled rows and var the sample variance (n − 1 denominator) of all
///   predictions together; λ̂ = 0 when every prediction is the same;
/// - interval: θ̂ ± z·√(var(λ·f̃)/N + var(Y − λ·f)/n) with population variances and z = Φ⁻¹((1 + confidence)/2).
///
/// These are the formulas of the reference implementation `ppi-python` (`ppi_mean_pointestimate`,
/// `ppi_mean_ci` with `lhat=None`), which the tests reproduce. The estimate is valid whatever the predictor's
/// quality; a poor predictor only drives λ̂ towards 0 and widens nothing beyond the labelled rows alone. Rows are
/// treated as independent.
///
/// - Returns: `nil` with fewer than two labelled rows or no unlabelled row.
/// - Throws: `StatisticsError` when `labels` and `predictions` differ in length, a value is not finite, `lambda`
///   is given outside [0, 1] or the confidence lies outside (0, 1).
public func predictionPoweredMean(
    labels: [Double], predictions: [Double], unlabelledPredictions: [Double], lambda: Double? = nil,
    confidence: Double = 0.95
) throws(StatisticsError) -> PredictionPoweredMean? {
    let function = "predictionPoweredMean"
    guard labels.count == predictions.count else {
        throw StatisticsError(function: function, reason: "labels has \(labels.count) values but predictions has \(predictions.count)")
    }
    try StatisticsError.checkFinite(labels, named: "labels", in: function)
    try StatisticsError.checkFinite(predictions, named: "predictions", in: function)
    try StatisticsError.checkFinite(unlabelledPredictions, named: "unlabelled predictions", in: function)
    try StatisticsError.checkConfidence(confidence, in: function)
    if let lambda { try StatisticsError.checkProbability(lambda, named: "lambda", in: function) }
    let n = labels.count
    let bigN = unlabelledPredictions.count
    guard n >= 2, bigN >= 1 else { return nil }

    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    func populationVariance(_ values: [Double]) -> Double {
        let m = mean(values)
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)
    }
    func pointEstimate(_ weight: Double) -> Double {
        weight * mean(unlabelledPredictions) + mean(zip(labels, predictions).map { $0 - weight * $1 })
    }

    let chosen: Double
    if let lambda {
        chosen = lambda
    } else {
        // Gradients of the squared loss at the plain PPI estimate; centring cancels θ, so the covariances are
        // those of Y and f themselves.
        let meanY = mean(labels)
        let meanF = mean(predictions)
        var covariance = 0.0
        for (y, f) in zip(labels, predictions) { covariance += (y - meanY) * (f - meanF) }
        covariance /= Double(n)
        let all = predictions + unlabelledPredictions
        let allMean = mean(all)
        let variance = all.reduce(0) { $0 + ($1 - allMean) * ($1 - allMean) } / Double(all.count - 1)
        if variance > 0 {
            chosen = min(1, max(0, covariance / ((1 + Double(n) / Double(bigN)) * variance)))
        } else {
            chosen = 0
        }
    }
    let estimate = pointEstimate(chosen)
    let imputed = populationVariance(unlabelledPredictions.map { chosen * $0 }) / Double(bigN)
    let rectifier = populationVariance(zip(labels, predictions).map { $0 - chosen * $1 }) / Double(n)
    let standardError = (imputed + rectifier).squareRoot()
    let z = refinedNormalQuantile((1 + confidence) / 2)
    return PredictionPoweredMean(
        estimate: estimate,
        interval: Interval(lower: estimate - z * standardError, upper: estimate + z * standardError,
                           estimate: estimate, confidence: confidence),
        standardError: standardError, lambda: chosen, powerTuned: lambda == nil, labelled: n, unlabelled: bigN)
}
