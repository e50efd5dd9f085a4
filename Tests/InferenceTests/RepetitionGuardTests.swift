import Testing
@testable import Inference

@Suite("Repetition guard")
struct RepetitionGuardTests {
    /// `count` tokens of a pseudo-random text: every 4-gram distinct.
    func varied(_ count: Int, from start: Int32 = 100) -> [Int32] {
        (0..<count).map { start + Int32(($0 * 7919) % 5003) }
    }

    @Test("a phrase repeated over the window is a loop; varied text and short windows are not")
    func loops() {
        let phrase: [Int32] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
        let trimmed = varied(64) + Array((0..<20).flatMap { _ in phrase }.prefix(RepetitionGuard.window))
        #expect(trimmed.count % RepetitionGuard.checkInterval == 0)
        #expect(RepetitionGuard.isLooping(trimmed))
        #expect(!RepetitionGuard.isLooping(varied(RepetitionGuard.window + 64)))
        // Checked only at the interval, and only once the window is full.
        #expect(!RepetitionGuard.isLooping(Array(trimmed.dropLast())))
        #expect(!RepetitionGuard.isLooping(Array(repeating: 5, count: RepetitionGuard.window - 16)))
        #expect(RepetitionGuard.isLooping(Array(repeating: 5, count: RepetitionGuard.window)))
    }

    @Test("a period of about 55 tokens is still a loop; a numbered list with a fixed pattern is not")
    func periods() {
        let long = Array((0..<5).flatMap { _ in varied(55, from: 900) }.prefix(RepetitionGuard.window))
        #expect(RepetitionGuard.isLooping(long))
        // "1. **Title**: text…" items: the pattern tokens repeat, the content does not.
        var list: [Int32] = []
        var item = 0
        while list.count < RepetitionGuard.window {
            list += [1, 2, Int32(3000 + item), 4] + varied(12, from: Int32(6000 + item * 37))
            item += 1
        }
        #expect(!RepetitionGuard.isLooping(Array(list.prefix(RepetitionGuard.window))))
    }
}
