#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A fixed set of threads that run one job at a time, each thread taking its own share.
///
/// The calling thread is worker 0 and works too, so `threads == 1` runs everything inline with no threads at all.
/// Between the many small jobs of one forward pass a worker spins for at most `spinMicroseconds` before it
/// sleeps on a condition variable; an idle pool therefore uses no CPU, and a worker whose core is taken away by
/// the scheduler does not stall the others for long (a pure spin pool collapses under CPU contention).
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    private let spinMicroseconds: Int
    private let generation = Atomic<Int>(0)
    private let pending = Atomic<Int>(0)
    private var stopping = false
    private var job: ((Int) -> Void)?
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let startCondition: UnsafeMutablePointer<pthread_cond_t>
    private let doneCondition: UnsafeMutablePointer<pthread_cond_t>
    private var threads: [pthread_t] = []

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
        generation.wrappingAdd(1, ordering: .releasing)
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

    /// Runs `body(worker)` once on every worker (`worker` in `0 ..< threadCount`) and returns when all are done.
    /// Not reentrant: call it from one thread at a time.
    public func run(_ body: (Int) -> Void) {
        let spawned = threads.count
        if spawned == 0 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { escaping in
            job = escaping
            pending.store(spawned, ordering: .relaxed)
            pthread_mutex_lock(mutex)
            generation.wrappingAdd(1, ordering: .releasing)
            pthread_cond_broadcast(startCondition)
            pthread_mutex_unlock(mutex)
            escaping(0)
            waitForWorkers()
            job = nil
        }
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

    private func waitForWorkers() {
        if spinUntil({ pending.load(ordering: .acquiring) == 0 }) { return }
        pthread_mutex_lock(mutex)
        while pending.load(ordering: .acquiring) != 0 { pthread_cond_wait(doneCondition, mutex) }
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

    /// Calls the current job. A separate function so that the worker holds no reference to the (non-escaping)
    /// closure once it reports completion.
    @inline(never) private func runJob(_ index: Int) {
        job?(index)
    }

    private func workerLoop(index: Int) {
        var seen = 0
        while true {
            if !spinUntil({ generation.load(ordering: .acquiring) != seen }) {
                pthread_mutex_lock(mutex)
                while generation.load(ordering: .acquiring) == seen { pthread_cond_wait(startCondition, mutex) }
                pthread_mutex_unlock(mutex)
            }
            seen = generation.load(ordering: .acquiring)
            pthread_mutex_lock(mutex)
            let stop = stopping
            pthread_mutex_unlock(mutex)
            if stop { return }
            runJob(index)
            if pending.wrappingSubtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                pthread_mutex_lock(mutex)
                pthread_cond_signal(doneCondition)
                pthread_mutex_unlock(mutex)
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
