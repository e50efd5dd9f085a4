import Foundation

/// Maps a numeric domain linearly onto a pixel range, with round tick values.
public struct LinearScale: Sendable, Equatable {
    /// Smallest and largest data value shown.
    public var domain: ClosedRange<Double>
    /// Pixel positions of the domain's ends.
    public var range: ClosedRange<Double>

    /// A scale; an empty domain is widened by 1 so that mapping never divides by zero.
    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        self.domain = domain.lowerBound == domain.upperBound ? (domain.lowerBound - 0.5)...(domain.upperBound + 0.5) : domain
        self.range = range
    }

    /// The pixel position of `value` (values outside the domain are clamped to it).
    public func position(_ value: Double) -> Double {
        let clamped = min(domain.upperBound, max(domain.lowerBound, value.isFinite ? value : domain.lowerBound))
        let t = (clamped - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return range.lowerBound + t * (range.upperBound - range.lowerBound)
    }

    /// About `count` round tick values inside the domain (steps of 1, 2 or 5 times a power of ten).
    public func ticks(count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite, count > 0 else { return [domain.lowerBound] }
        let rough = span / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        var ticks: [Double] = []
        var tick = (domain.lowerBound / step).rounded(.up) * step
        while tick <= domain.upperBound + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }
}
