import Foundation
import Testing
@testable import Models

@Suite struct RetryPolicyTests {
    @Test func ceilingDoublesUntilTheCap() {
        let policy = RetryPolicy(baseDelay: 0.5, maxDelay: 5)
        let ceilings = (1...6).map { policy.backoffCeiling(forRetry: $0) }
        var expected: [Double] = []
        var c = 0.5
        for _ in 1...6 {
            expected.append(min(c, 5))
            c *= 2
        }
        #expect(ceilings == expected)
        #expect(policy.backoffCeiling(forRetry: 1000) == 5)
    }

    @Test func fullJitterStaysWithinTheCeiling() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 8)
        let jitter = JitterSource(seed: 3)
        for retry in 1...5 {
            for _ in 0..<50 {
                let wait = policy.delay(forRetry: retry, unit: jitter.next(), retryAfter: nil)
                #expect(wait >= 0 && wait < policy.backoffCeiling(forRetry: retry))
            }
        }
    }

    @Test func retryAfterIsAFloorAndIsCapped() {
        let policy = RetryPolicy(baseDelay: 0.01, maxDelay: 0.02, maxRetryAfter: 10)
        #expect(policy.delay(forRetry: 1, unit: 0.5, retryAfter: 3) == 3)
        #expect(policy.delay(forRetry: 1, unit: 0.5, retryAfter: 3600) == 10)
        let big = RetryPolicy(baseDelay: 100, maxDelay: 100)
        #expect(big.delay(forRetry: 1, unit: 0.5, retryAfter: 1) == 50)
    }

    @Test func seededJitterIsReproducible() {
        let a = JitterSource(seed: 99), b = JitterSource(seed: 99), c = JitterSource(seed: 100)
        let xs = (0..<20).map { _ in a.next() }
        let ys = (0..<20).map { _ in b.next() }
        let zs = (0..<20).map { _ in c.next() }
        #expect(xs == ys)
        #expect(xs != zs)
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Set(xs).count == xs.count)
    }

    @Test func seededJitterIsRoughlyUniform() {
        let source = JitterSource(seed: 1)
        let n = 4000
        let mean = (0..<n).map { _ in source.next() }.reduce(0, +) / Double(n)
        // The mean of n uniform draws has standard deviation sqrt(1/12/n) ≈ 0.0046; allow about 5 of them.
        #expect(abs(mean - 0.5) < 0.023)
    }

    @Test func retryAfterSeconds() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(RetryAfter.seconds(from: "1", now: now) == 1)
        #expect(RetryAfter.seconds(from: " 120 ", now: now) == 120)
        #expect(RetryAfter.seconds(from: "-3", now: now) == nil)
        #expect(RetryAfter.seconds(from: "soon", now: now) == nil)
    }

    @Test func retryAfterHTTPDates() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "GMT"))
        let now = try #require(calendar.date(from: DateComponents(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37)))
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds(from: "Sunday, 06-Nov-94 08:50:37 GMT", now: now) == 60)
        #expect(RetryAfter.seconds(from: "Sun Nov  6 08:49:40 1994", now: now) == 3)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:00:00 GMT", now: now) == 0)
    }

    @Test func retryAfterMillisecondsHeaderWins() {
        let seconds = RetryAfter.seconds(headers: ["Retry-After": "7", "retry-after-ms": "1500"])
        #expect(seconds == 1.5)
        #expect(RetryAfter.seconds(headers: ["RETRY-AFTER": "4"]) == 4)
        #expect(RetryAfter.seconds(headers: [:]) == nil)
    }

    @Test func retryableStatusesMatchTheContract() {
        let retried = RetryPolicy.defaultRetryableStatuses
        for status in [429, 500, 502, 503, 504, 529] { #expect(retried.contains(status)) }
        for status in [400, 401, 403, 404, 422] { #expect(!retried.contains(status)) }
    }
}
