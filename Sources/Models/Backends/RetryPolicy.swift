/// When and how long to wait before retrying a transient failure: exponential backoff with full jitter
/// (a uniform wait between 0 and `min(maxDelay, baseDelay * 2^(n-1))` before retry n), never shorter than a
/// server's `Retry-After` (capped at `maxRetryAfter`).
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts including the first (at least 1). Default 6.
    public var maxAttempts: Int
    /// Seconds; the jitter ceiling before the first retry. Default 0.5.
    public var baseDelay: Double
    /// Seconds; the largest jitter ceiling. Default 30.
    public var maxDelay: Double
    /// Seconds; the longest server-requested wait that is honoured. Default 120.
    public var maxRetryAfter: Double
    /// HTTP statuses retried. Default 408, 429, 500, 502, 503, 504, 529.
    public var retryableStatuses: Set<Int>
    /// Seed for the jitter; nil draws from the system generator. Set it for reproducible waits in tests.
    public var jitterSeed: UInt64?

    /// The statuses retried by default: timeouts, rate limits, server errors and overload.
    public static let defaultRetryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504, 529]

    public init(maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 120,
                retryableStatuses: Set<Int> = RetryPolicy.defaultRetryableStatuses, jitterSeed: UInt64? = nil) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
        self.jitterSeed = jitterSeed
    }

    /// `maxAttempts`, at least 1.
    public var effectiveMaxAttempts: Int { max(1, maxAttempts) }

    /// The jitter ceiling in seconds before retry number `retry` (1 = the first retry).
    public func backoffCeiling(forRetry retry: Int) -> Double {
        let base = Self.nonNegative(baseDelay), cap = Self.nonNegative(maxDelay)
        let exponent = Double(min(max(retry - 1, 0), 62))
        return min(cap, base * Self.power2(exponent))
    }

    /// The wait in seconds before retry number `retry`, given a uniform draw `unit` in [0, 1) and the server's
    /// requested wait (if any).
    public func delay(forRetry retry: Int, unit: Double, retryAfter: Double?) -> Double {
        let u = unit.isFinite ? min(max(unit, 0), 1) : 0
        let jittered = u * backoffCeiling(forRetry: retry)
        guard let retryAfter, retryAfter.isFinite else { return jittered }
        return max(jittered, min(max(retryAfter, 0), Self.nonNegative(maxRetryAfter)))
    }

    private static func nonNegative(_ x: Double) -> Double { x.isFinite && x > 0 ? x : 0 }

    private static func power2(_ exponent: Double) -> Double {
        var result = 1.0
        var i = 0.0
        while i < exponent { result *= 2; i += 1 }
        return result
    }
}
