import Synchronization

/// The bound on work the server accepts: sequences being generated plus sequences waiting for a slot. A request
/// for `n` sequences is admitted whole or refused (the caller answers 429).
public final class AdmissionControl: Sendable {
    /// Most sequences admitted at once (engine slots + queue).
    public let capacity: Int
    private let admitted = Mutex(0)

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Sequences admitted now.
    public var count: Int { admitted.withLock { $0 } }

    /// Admits `n` sequences if there is room; returns whether it did.
    public func tryAdmit(_ n: Int) -> Bool {
        admitted.withLock { count in
            guard count + n <= capacity else { return false }
            count += n
            return true
        }
    }

    /// Gives back `n` admitted sequences.
    public func release(_ n: Int) {
        admitted.withLock { $0 = max(0, $0 - n) }
    }
}
