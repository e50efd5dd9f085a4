import Foundation

/// Runs work on raw threads (one `Thread` per task, not a pool) and waits for all of them, calling `poll` on the
/// calling thread every `interval` seconds meanwhile.
enum ThreadRunner {
    static func run(_ count: Int, interval: Double = 1, poll: () -> Void = {}, _ body: @escaping @Sendable (Int) -> Void) {
        let done = DispatchSemaphore(value: 0)
        for i in 0 ..< count {
            let thread = Thread {
                body(i)
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0 ..< count {
            while done.wait(timeout: .now() + interval) == .timedOut { poll() }
        }
        poll()
    }
}
