/// The tool version recorded in every run manifest and printed by `valueprobe --version`.
public enum ValueProbeVersion {
    public static let current = "0.1.0"
}
