import Synchronization

/// Counts a session's stored responses and verdicts and reports snapshots to the progress handler.
final class ProgressTracker: Sendable {
    private struct State {
        var progress: RunProgress
        var answeredNow = 0
        var failedNow = 0
        var judgedNow = 0
        var judgeFailures = 0
        var firstJudgeFailure: String?
    }

    private let state: Mutex<State>
    private let start = ContinuousClock.now
    private let handler: (@Sendable (RunProgress) -> Void)?

    init(total: Int, done: Int, failed: Int, judged: Int, handler: (@Sendable (RunProgress) -> Void)?) {
        state = Mutex(State(progress: RunProgress(total: total, done: done, failed: failed, judged: judged,
                                                  doneThisSession: 0, elapsedSeconds: 0)))
        self.handler = handler
    }

    private var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// A response was stored (`failed`: its backend call failed).
    func responseStored(failed: Bool) {
        let elapsed = self.elapsed
        let snapshot = state.withLock { s in
            s.answeredNow += 1
            s.progress.done += 1
            s.progress.doneThisSession += 1
            if failed {
                s.failedNow += 1
                s.progress.failed += 1
            }
            s.progress.elapsedSeconds = elapsed
            return s.progress
        }
        handler?(snapshot)
    }

    /// A verdict was stored.
    func verdictStored() {
        let elapsed = self.elapsed
        let snapshot = state.withLock { s in
            s.judgedNow += 1
            s.progress.judged += 1
            s.progress.elapsedSeconds = elapsed
            return s.progress
        }
        handler?(snapshot)
    }

    /// A judge call threw.
    func judgeFailed(_ message: String) {
        state.withLock { s in
            s.judgeFailures += 1
            if s.firstJudgeFailure == nil { s.firstJudgeFailure = message }
        }
    }

    /// Reports the current snapshot.
    func report() {
        let elapsed = self.elapsed
        let snapshot = state.withLock { s in
            s.progress.elapsedSeconds = elapsed
            return s.progress
        }
        handler?(snapshot)
    }

    /// This session's totals.
    var session: (answered: Int, failed: Int, judged: Int, judgeFailures: Int, firstJudgeFailure: String?) {
        state.withLock { s in (s.answeredNow, s.failedNow, s.judgedNow, s.judgeFailures, s.firstJudgeFailure) }
    }
}
