import Foundation

/// The plain-text table of an ``EmbeddingBenchmarkReport``, as `valueprobe bench embed` prints it.
public enum EmbeddingBenchmarkTable {
    public static func render(_ report: EmbeddingBenchmarkReport) -> String {
        var lines: [String] = []
        let load = [report.loadAverageStart, report.loadAverageEnd].map { $0.map { String(format: "%.2f", $0) } ?? "?" }
        lines.append("\(report.cores) cores, load average \(load[0]) at the start, \(load[1]) at the end; median of \(report.repetitions) runs")
        lines.append(pad("task", 10) + pad("threads", 8) + pad("valueprobe", 20) + pad("peer", 20) + "speed-up")
        for r in report.rows {
            let peer = r.peerValue.map { format($0, unit: r.unit) } ?? "-"
            let speedup = r.speedup.map { String(format: "%.2f×", $0) } ?? "-"
            lines.append(pad(r.task.rawValue, 10) + pad(String(r.threads), 8) + pad(format(r.ours, unit: r.unit), 20) + pad(peer, 20) + speedup)
        }
        lines.append("")
        var seen = Set<EmbeddingBenchmarkTask>()
        for r in report.rows where seen.insert(r.task).inserted {
            lines.append("\(r.task.rawValue): \(r.workload)" + (r.peer.map { "; peer: \($0)" } ?? ""))
        }
        for r in report.rows {
            if let note = r.note { lines.append("\(r.task.rawValue), \(r.threads) thread\(r.threads == 1 ? "" : "s"): \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, unit: String) -> String {
        if unit == "s" { return String(format: value < 10 ? "%.3f s" : "%.1f s", value) }
        return String(format: value >= 10_000 ? "%.0f %@" : "%.1f %@", value, unit as NSString)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
