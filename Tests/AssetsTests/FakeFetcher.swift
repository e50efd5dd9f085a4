import Assets
import Foundation
import Synchronization

/// A test fetcher that "downloads" by copying a local file, counting its calls; it can be told to fail or to
/// take its time (to exercise the lock).
final class FakeFetcher: AssetFetcher {
    let source: URL
    let failure: AssetError?
    let delay: TimeInterval
    private let count = Mutex(0)

    init(copying source: URL, failure: AssetError? = nil, delay: TimeInterval = 0) {
        self.source = source
        self.failure = failure
        self.delay = delay
    }

    var calls: Int { count.withLock { $0 } }

    func fetch(_ spec: AssetSpec, into directory: URL) throws -> URL {
        count.withLock { $0 += 1 }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        if let failure {
            try? "tool output line 1\nERROR: simulated failure\n".write(to: directory.appendingPathComponent("fetch.log"), atomically: true, encoding: .utf8)
            throw failure
        }
        let target = directory.appendingPathComponent(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}
