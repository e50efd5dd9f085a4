import Foundation

/// ln Φ(z), accurate far into the lower tail where Φ(z) itself underflows.
///
/// For z > −30 it is ln(½·erfc(−z/√2)) (erfc keeps full relative precision there). Below, it uses the asymptotic
/// series Φ(z) = φ(z)/(−z) · (1 − 1/z² + 3/z⁴ − 15/z⁶ + 105/z⁸ − …), whose truncation error at |z| ≥ 30 is below
/// 10⁻¹¹ relative.
public func normalLogCDF(_ z: Double) -> Double {
    if z > -30 { return log(0.5 * erfc(-z / 2.0.squareRoot())) }
    let w = 1 / (z * z)
    let series = 1 - w * (1 - w * (3 - w * (15 - w * 105)))
    return -0.5 * z * z - log(-z) - 0.5 * log(2 * Double.pi) + log(series)
}

/// d ln Φ(z)/dz = φ(z)/Φ(z) (an inverse Mills ratio), accurate far into the lower tail.
///
/// Above −30 computed directly; below from the same asymptotic series as ``normalLogCDF(_:)``:
/// φ(z)/Φ(z) = −z / (1 − 1/z² + 3/z⁴ − 15/z⁶ + 105/z⁸).
public func normalLogCDFDerivative(_ z: Double) -> Double {
    if z > -30 {
        let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        return density / (0.5 * erfc(-z / 2.0.squareRoot()))
    }
    let w = 1 / (z * z)
    let series = 1 - w * (1 - w * (3 - w * (15 - w * 105)))
    return -z / series
}
