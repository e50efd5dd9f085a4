import Foundation
import Runs

/// `GET /api/diff`: the paired comparison of two runs.
final class DiffService: Sendable {
    func reply(a: CatalogedRun, b: CatalogedRun, countsA: RunCounts, countsB: RunCounts) throws -> ViewerReply {
        throw APIError(status: 501, message: "run comparison is not available yet")
    }
}
