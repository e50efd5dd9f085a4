#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A fixed set of threads that run one job at a time; a job is a number of chunks that the threads claim one by
/// one until none is left.
///
/// The calling thread is worker 0 and claims chunks too, so `threads == 1` runs everything inline with no threads
/// at all. Chunks are claimed dynamically (an atomic counter): a worker that the scheduler has descheduled under
/// CPU contention does not stall the job, since the others take its chunks, and the caller returns as soon as
/// every chunk is done, whether or not every worker woke up. Which thread runs a chunk never changes what the
/// chunk computes, so results do not depend on the thread count or on timing.
///
/// Between the many small jobs of one forward pass a worker spins for at most `spinMicroseconds` before it sleeps
/// on a condition variable; an idle pool therefore uses no CPU.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    private let spinMicroseconds: Int
    /// The open job: generation (bits 32…63), chunk count (bits 16…31) and next unclaimed chunk (bits 0…15).
    /// A chunk is claimed by a compare-and-swap that keeps the generation, so a worker that wakes up late can
    /// never claim a chunk of a job that has ended.
    private let claim = Atomic<UInt64>(0)
    /// Chunks of the open job that are done.
    private let completed = Atomic<Int>(0)
    /// Set by the caller while it sleeps waiting for the last chunk.
    private let callerSleeping = Atomic<Bool>(false)
    private var stopping = false
    /// The open job's body, valid while a chunk of it is claimed and not completed.
    private var job: UnsafeRawPointer?
    private var generation: UInt64 = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let startCondition: UnsafeMutablePointer<pthread_cond_t>
    private let doneCondition: UnsafeMutablePointer<pthread_cond_t>
    private var threads: [pthread_t] = []

    /// The most chunks one job may have.
    public static let maxChunks = 0xFFFF

    /// Creates a pool of `threads` workers (the caller counts as one). `threads` is clamped to at least 1.
    public init(threads: Int, spinMicroseconds: Int = 200) {
        threadCount = max(1, threads)
        self.spinMicroseconds = spinMicroseconds
        mutex = .allocate(capacity: 1)
        startCondition = .allocate(capacity: 1)
        doneCondition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(startCondition, nil)
        pthread_cond_init(doneCondition, nil)
        for index in 1 ..< threadCount {
            let box = Unmanaged.passRetained(WorkerStart(pool: self, index: index))
            var tid = pthread_t()
            let rc = pthread_create(&tid, nil, { raw in
                let start = Unmanaged<WorkerStart>.fromOpaque(raw!).takeRetainedValue()
                start.pool.workerLoop(index: start.index)
                return nil
            }, box.toOpaque())
            if rc == 0 { self.threads.append(tid) } else { box.release() }
        }
    }

    /// The number of CPUs this process may use.
    public static var availableCores: Int {
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    deinit {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(startCondition)
        pthread_mutex_unlock(mutex)
        for t in threads { pthread_join(t, nil) }
        pthread_mutex_destroy(mutex)
        pthread_cond_destroy(startCondition)
        pthread_cond_destroy(doneCondition)
        mutex.deallocate()
        startCondition.deallocate()
        doneCondition.deallocate()
    }

    /// Runs `body(chunk, worker)` once for every `chunk` in `0 ..< chunks` and returns when all are done. Chunks run
    /// concurrently on any of the workers; `worker` (in `0 ..< threadCount`) identifies the thread, for per-thread
    /// scratch memory: no two chunks run on the same worker at once. Not reentrant: call it from one thread at a
    /// time. `chunks` is clamped to `0 ... maxChunks`.
    public func run(chunks: Int, _ body: (_ chunk: Int, _ worker: Int) -> Void) {
        let total = min(max(0, chunks), Self.maxChunks)
        if total == 0 { return }
        if threads.isEmpty || total == 1 {
            for c in 0 ..< total { body(c, 0) }
            return
        }
        withoutActuallyEscaping(body) { escaping in
            var job: (Int, Int) -> Void = escaping
            withUnsafePointer(to: &job) { pointer in
                self.job = UnsafeRawPointer(pointer)
                completed.store(0, ordering: .relaxed)
                generation &+= 1
                pthread_mutex_lock(mutex)
                claim.store(generation << 32 | UInt64(total) << 16, ordering: .releasing)
                pthread_cond_broadcast(startCondition)
                pthread_mutex_unlock(mutex)
                var done = 0
                while let (c, _) = claimChunk() {
                    runChunk(c, worker: 0)
                    done += 1
                }
                if completed.add(done, ordering: .sequentiallyConsistent).newValue != total { waitForChunks(total) }
                self.job = nil
            }
            job = { _, _ in }
        }
    }

    /// Runs `body(worker)` once for every `worker` in `0 ..< threadCount` and returns when all are done: the
    /// shares of a fixed split. A share whose thread is late is run by another thread; shares never run twice.
    public func run(_ body: (Int) -> Void) {
        run(chunks: threadCount) { chunk, _ in body(chunk) }
    }

    /// Splits `0 ..< count` into one contiguous range per worker, rounded to multiples of `granularity`,
    /// and runs `body` on each non-empty range.
    public func parallelFor(_ count: Int, granularity: Int = 1, _ body: (Range<Int>) -> Void) {
        let workers = threadCount
        if workers == 1 || count <= granularity {
            if count > 0 { body(0 ..< count) }
            return
        }
        let units = (count + granularity - 1) / granularity
        run { w in
            let lo = min(count, (units * w / workers) * granularity)
            let hi = min(count, (units * (w + 1) / workers) * granularity)
            if lo < hi { body(lo ..< hi) }
        }
    }

    /// Claims the next chunk of the open job; nil when none is left. Returns the chunk and the job's chunk count.
    private func claimChunk() -> (Int, Int)? {
        var word = claim.load(ordering: .acquiring)
        while true {
            let next = Int(word & 0xFFFF), total = Int(word >> 16 & 0xFFFF)
            if next >= total { return nil }
            let (exchanged, original) = claim.compareExchange(expected: word, desired: word + 1,
                                                              ordering: .acquiringAndReleasing)
            if exchanged { return (next, total) }
            word = original
        }
    }

    /// True when the open job has an unclaimed chunk.
    private var hasWork: Bool {
        let word = claim.load(ordering: .acquiring)
        return word & 0xFFFF < word >> 16 & 0xFFFF
    }

    /// Calls the job's body for a claimed chunk. A separate function so that no reference to the (non-escaping)
    /// closure outlives the call.
    @inline(never) private func runChunk(_ chunk: Int, worker: Int) {
        guard let job else { return }
        job.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee(chunk, worker)
    }

    private func waitForChunks(_ total: Int) {
        if spinUntil({ completed.load(ordering: .acquiring) == total }) { return }
        pthread_mutex_lock(mutex)
        callerSleeping.store(true, ordering: .sequentiallyConsistent)
        while completed.load(ordering: .sequentiallyConsistent) != total { pthread_cond_wait(doneCondition, mutex) }
        callerSleeping.store(false, ordering: .relaxed)
        pthread_mutex_unlock(mutex)
    }

    /// Spins for at most `spinMicroseconds`; true as soon as `done()` holds.
    private func spinUntil(_ done: () -> Bool) -> Bool {
        if done() { return true }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var i = 0
        while true {
            if done() { return true }
            i += 1
            if i & 255 == 0 {
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let us = (now.tv_sec - start.tv_sec) * 1_000_000 + (now.tv_nsec - start.tv_nsec) / 1000
                if us >= spinMicroseconds { return false }
            }
        }
    }

    private func workerLoop(index: Int) {
        while true {
            if !spinUntil({ hasWork }) {
                pthread_mutex_lock(mutex)
                while !hasWork && !stopping { pthread_cond_wait(startCondition, mutex) }
                let stop = stopping
                pthread_mutex_unlock(mutex)
                if stop { return }
            }
            while let (c, total) = claimChunk() {
                // The chunk is claimed and not completed, so the job (and its body) is still open.
                runChunk(c, worker: index)
                if completed.add(1, ordering: .sequentiallyConsistent).newValue == total,
                   callerSleeping.load(ordering: .sequentiallyConsistent) {
                    pthread_mutex_lock(mutex)
                    pthread_cond_signal(doneCondition)
                    pthread_mutex_unlock(mutex)
                }
            }
        }
    }
}

private final class WorkerStart {
    let pool: WorkerPool
    let index: Int
    init(pool: WorkerPool, index: Int) {
        self.pool = pool
        self.index = index
    }
}
