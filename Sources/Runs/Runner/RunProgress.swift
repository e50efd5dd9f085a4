/// A snapshot of a run's progress, passed to the runner's progress handler after every stored response and
/// verdict.
public struct RunProgress: Sendable, Equatable {
    /// Planned samples.
    public var total: Int
    /// Samples with a stored response, including those stored by earlier sessions of the same run.
    public var done: Int
    /// Stored responses whose backend call failed.
    public var failed: Int
    /// Samples with a verdict of the run's judge.
    public var judged: Int
    /// Responses stored by this session.
    public var doneThisSession: Int
    /// Seconds since this session started sampling.
    public var elapsedSeconds: Double

    /// Creates a snapshot.
    public init(total: Int, done: Int, failed: Int, judged: Int, doneThisSession: Int, elapsedSeconds: Double) {
        self.total = total
        self.done = done
        self.failed = failed
        self.judged = judged
        self.doneThisSession = doneThisSession
        self.elapsedSeconds = elapsedSeconds
    }

    /// Responses per second in this session, nil before the first one.
    public var samplesPerSecond: Double? {
        guard doneThisSession > 0, elapsedSeconds > 0 else { return nil }
        return Double(doneThisSession) / elapsedSeconds
    }

    /// Estimated seconds until every sample has a response, nil while no rate is known.
    public var etaSeconds: Double? {
        guard let rate = samplesPerSecond else { return done >= total ? 0 : nil }
        return Double(max(0, total - done)) / rate
    }

    /// Fraction of samples done, 0…1.
    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 1 }

    /// One line: `37/120 samples (2 failed), 35 judged, 0.84 samples/s, ETA 1m39s` (no judged count before the
    /// first verdict).
    public var line: String {
        var text = "\(done)/\(total) samples"
        if failed > 0 { text += " (\(failed) failed)" }
        if judged > 0 { text += ", \(judged) judged" }
        if let rate = samplesPerSecond {
            let digits = rate >= 10 ? 1 : 2
            text += ", " + RunProgress.fixed(rate, digits: digits) + " samples/s"
        }
        if done < total, let eta = etaSeconds { text += ", ETA " + RunProgress.duration(eta) }
        return text
    }

    /// A bar of `width` cells, `[#####.....]`.
    public func bar(width: Int) -> String {
        let cells = max(1, width)
        let filled = min(cells, Int((fraction * Double(cells)).rounded(.down)))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled) + "]"
    }

    /// `42s`, `3m05s`, `1h02m`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + pad(s % 60) + "s" }
        return "\(s / 3600)h" + pad((s % 3600) / 60) + "m"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `value` with `digits` decimals (no locale).
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        var decimals = String(fraction)
        while decimals.count < digits { decimals = "0" + decimals }
        return digits > 0 ? "\(whole).\(decimals)" : "\(whole)"
    }
}
