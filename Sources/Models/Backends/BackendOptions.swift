/// Settings shared by the remote backends.
public struct BackendOptions: Sendable, Equatable {
    /// Seconds one attempt may take before it is abandoned (and retried). Default 120.
    public var requestTimeout: Double
    /// How transient failures are retried.
    public var retry: RetryPolicy
    /// How many requests may be in flight at once against one backend (at least 1). Default 4.
    public var concurrency: Int

    public init(requestTimeout: Double = 120, retry: RetryPolicy = RetryPolicy(), concurrency: Int = 4) {
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.concurrency = concurrency
    }

    /// `concurrency`, at least 1.
    var effectiveConcurrency: Int { max(1, concurrency) }

    /// `requestTimeout` when it is a usable positive number, otherwise the 120 s default.
    var effectiveTimeout: Double {
        requestTimeout.isFinite && requestTimeout > 0 ? requestTimeout : 120
    }
}
