import Foundation
import Hummingbird

/// Checks `Authorization: Bearer KEY` against the server's key in constant time (the time does not depend on
/// where the first differing byte is, nor on the length of the presented key beyond reading it).
struct BearerAuthentication: Sendable {
    private let key: [UInt8]

    init(key: String) { self.key = Array(key.utf8) }

    func accepts(_ headers: HTTPFields) -> Bool {
        guard let value = headers[.authorization] else { return false }
        let prefix = "bearer "
        guard value.count > prefix.count, value.prefix(prefix.count).lowercased() == prefix else { return false }
        let presented = Array(value.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).utf8)
        return Self.constantTimeEqual(presented, key)
    }

    /// Equality whose running time depends only on the lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | UInt8(a.count == b.count ? 0 : 1)
        for i in 0 ..< max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
