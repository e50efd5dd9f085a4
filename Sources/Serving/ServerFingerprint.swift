import Models

/// `system_fingerprint` of every completion: the tool and its version (the engine's numerics change with it).
enum ServerFingerprint {
    static let value = "valueprobe-\(ValueProbeVersion.current)"
}
