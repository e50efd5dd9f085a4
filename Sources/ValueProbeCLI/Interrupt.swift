import Dispatch
import Foundation
import Synchronization

/// SIGINT while a run is going: the first one cancels the run (in-flight requests may finish for up to three
/// seconds), prints how to continue and exits with 130; a second one exits at once.
final class Interrupt {
    private let source: any DispatchSourceSignal

    private init(source: any DispatchSourceSignal) {
        self.source = source
    }

    static func install(onInterrupt: @escaping @Sendable () -> Void) -> Interrupt {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let count = Mutex(0)
        source.setEventHandler {
            let n = count.withLock { n in
                n += 1
                return n
            }
            if n == 1 {
                onInterrupt()
                Terminal.error("\ninterrupted; re-run the same command to continue")
                DispatchQueue.global().asyncAfter(deadline: .now() + 3) { exit(130) }
            } else {
                exit(130)
            }
        }
        source.resume()
        return Interrupt(source: source)
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
