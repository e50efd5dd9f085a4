import Assets
import Runs
import Synchronization
import Testing

/// Captures what a ``TerminalProgress`` writes, with a clock the test moves.
private final class Capture: Sendable {
    let text = Mutex("")
    let time = Mutex(0.0)

    func progress(interactive: Bool, plainInterval: Double? = 10) -> TerminalProgress {
        TerminalProgress(interactive: interactive, plainInterval: plainInterval, width: 100,
                         write: { chunk in self.text.withLock { $0 += chunk } }, now: { self.time.withLock { $0 } })
    }

    func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
    var written: String { text.withLock { $0 } }
}

@Suite("Progress bars")
struct ProgressBarTests {
    @Test("a bar shows cells, percentage, amount, rate and ETA, and never outgrows its width")
    func rendering() {
        let bar = ProgressBar(label: "run", completed: 45, total: 100, unit: .count("samples"), rate: 2.5,
                              etaSeconds: 22, detail: "3 failed")
        #expect(bar.bar(cells: 20) == "[" + String(repeating: "#", count: 9) + String(repeating: ".", count: 11) + "]")
        let line = bar.render(width: 100)
        for part in ["run", " 45%", "45/100 samples", "2.5 samples/s", "ETA 22s", "3 failed"] {
            #expect(line.contains(part), "\(part) in \(line)")
        }
        for width in [20, 30, 45, 60] { #expect(bar.render(width: width).count <= width) }
        #expect(ProgressBar.duration(125) == "2m05s")
        #expect(ProgressBar.duration(3 * 3600 + 7 * 60) == "3h07m")
        #expect(ProgressBar.duration(-1) == "?")
        let bytes = ProgressBar(completed: 1_500_000, total: 3_000_000, unit: .bytes).render()
        #expect(bytes.contains("1.5 MB/3.0 MB") && bytes.contains(" 50%"))
        let unknown = ProgressBar(label: "x", completed: 7, total: nil, unit: .count("files")).render()
        #expect(unknown == "x  7 files")
    }

    @Test("on a terminal one line is redrawn at most ten times a second, with a measured rate and ETA")
    func interactive() {
        let capture = Capture()
        let progress = capture.progress(interactive: true)
        progress.update(ProgressBar(label: "t", completed: 0, total: 100, unit: .count("items")))
        for step in 1...16 {
            capture.advance(0.0625)  // exact in binary: no rounding in the throttle's comparisons
            progress.update(ProgressBar(label: "t", completed: Double(step), total: 100, unit: .count("items")))
        }
        let draws = capture.written.components(separatedBy: "\r\u{1B}[K").count - 1
        #expect(draws == 9)  // the first, then every second update (0.125 s apart), not all 17
        #expect(!capture.written.contains("\n"))
        progress.finish()
        #expect(capture.written.hasSuffix("\n"))
        // The final state: 16 items in 1 s since the first update is 16 items/s; 84 left take 5.25 s.
        let last = capture.written.components(separatedBy: "\r\u{1B}[K").last ?? ""
        #expect(last.contains("16/100 items") && last.contains("16.0 items/s") && last.contains("ETA 5s"), "\(last)")
    }

    @Test("a pipe gets a plain line at most every interval and the last state at the end; or nothing")
    func plain() {
        let capture = Capture()
        let progress = capture.progress(interactive: false, plainInterval: 10)
        for step in 0...25 {
            progress.update(ProgressBar(label: "p", completed: Double(step), total: 25, unit: .count("runs")))
            capture.advance(1)
        }
        progress.finish()
        let lines = capture.written.split(separator: "\n")
        #expect(lines.count == 4)  // at 0, 10 and 20 s, and the held-back final state at 25 s
        #expect(!capture.written.contains("\r"))
        #expect(lines.last?.contains("25/25 runs") == true)

        let silent = Capture()
        let quiet = silent.progress(interactive: false, plainInterval: nil)
        quiet.update(ProgressBar(completed: 1, total: 2))
        quiet.status("working")
        quiet.finish()
        #expect(silent.written.isEmpty)
    }

    @Test("a resumed run's rate counts only this session's samples")
    func runProgress() {
        let snapshot = RunProgress(total: 120, done: 60, failed: 2, judged: 50, doneThisSession: 20, elapsedSeconds: 10)
        let bar = snapshot.progressBar
        #expect(bar.completed == 60 && bar.total == 120)
        #expect(bar.rate == 2)
        #expect(bar.etaSeconds == 30)
        #expect(bar.render(width: 200).contains("2 failed, 50 judged"))
    }
}
