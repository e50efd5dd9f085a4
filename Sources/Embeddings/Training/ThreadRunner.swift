import Foundation

/// Runs long tasks on raw threads (one `Thread` per task) and waits for all of them, calling `poll` on the calling
/// thread every `interval` seconds meanwhile: word2vec training, where the caller reports progress for minutes
/// while every task runs. Short parallel regions use ``Inference/WorkerPool`` instead, whose calling thread works
/// as worker 0 and so cannot poll.
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
