#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The thread of a `BatchEngine` and its inbox: callers hand jobs and cancellations to the inbox from any thread;
/// the engine thread moves them into the scheduler between steps and steps while there is work, sleeping on a
/// condition variable otherwise (an idle engine uses no CPU).
final class BatchEngineCore: @unchecked Sendable {
    private let scheduler: BatchScheduler
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let wake: UnsafeMutablePointer<pthread_cond_t>
    private var inbox: [BatchJob] = []
    private var cancellations: [Int] = []
    private var stopping = false
    private var stopped = false
    private var snapshot = BatchStatistics()
    private var snapshotLoad = (waiting: 0, active: 0)
    private var thread: pthread_t?
    private let ids = Atomic<Int>(0)

    init(scheduler: BatchScheduler) {
        self.scheduler = scheduler
        mutex = .allocate(capacity: 1)
        wake = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        pthread_cond_destroy(wake)
        mutex.deallocate()
        wake.deallocate()
    }

    /// Starts the engine thread.
    func start() {
        let box = Unmanaged.passRetained(self)
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { raw in
            let core = Unmanaged<BatchEngineCore>.fromOpaque(raw!).takeRetainedValue()
            core.loop()
            return nil
        }, box.toOpaque())
        if rc == 0 {
            thread = tid
        } else {
            box.release()
            // No thread: nothing can run; every job fails at once.
            pthread_mutex_lock(mutex)
            stopping = true
            stopped = true
            pthread_mutex_unlock(mutex)
        }
    }

    /// A new job id.
    func nextID() -> Int { ids.wrappingAdd(1, ordering: .relaxed).newValue }

    /// Queues `job`; after `stop()` the job ends at once with a cancellation.
    func submit(_ job: BatchJob) {
        pthread_mutex_lock(mutex)
        let accepted = !stopping
        if accepted {
            inbox.append(job)
            pthread_cond_signal(wake)
        }
        pthread_mutex_unlock(mutex)
        if !accepted {
            job.events?.finish(throwing: CancellationError())
            job.deliver?(.failure(CancellationError()))
        }
    }

    /// Cancels job `id` (a finished job's id is ignored).
    func cancel(_ id: Int) {
        pthread_mutex_lock(mutex)
        cancellations.append(id)
        pthread_cond_signal(wake)
        pthread_mutex_unlock(mutex)
    }

    /// Counters as of the last step.
    var statistics: BatchStatistics {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return snapshot
    }

    /// Jobs waiting for a slot and jobs holding one, as of the last step (queued jobs not yet seen by the engine
    /// thread count as waiting).
    var load: (waiting: Int, active: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return (snapshotLoad.waiting + inbox.count, snapshotLoad.active)
    }

    /// Stops the thread after the current step; queued and active jobs end with a cancellation. Waits for the
    /// thread unless called on it.
    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_signal(wake)
        let thread = self.thread
        self.thread = nil
        pthread_mutex_unlock(mutex)
        guard let thread else { return }
        if pthread_equal(thread, pthread_self()) != 0 {
            pthread_detach(thread)
        } else {
            pthread_join(thread, nil)
        }
    }

    private func loop() {
        while true {
            pthread_mutex_lock(mutex)
            while inbox.isEmpty && cancellations.isEmpty && !scheduler.hasWork && !stopping {
                pthread_cond_wait(wake, mutex)
            }
            let jobs = inbox, cancelled = cancellations, stop = stopping
            inbox = []
            cancellations = []
            pthread_mutex_unlock(mutex)

            for job in jobs { scheduler.enqueue(job) }
            for id in cancelled { scheduler.cancel(id) }
            if stop {
                scheduler.failAll(CancellationError())
                for delivery in scheduler.takeOutbox() { delivery() }
                pthread_mutex_lock(mutex)
                stopped = true
                let late = inbox
                inbox = []
                pthread_mutex_unlock(mutex)
                for job in late {
                    job.events?.finish(throwing: CancellationError())
                    job.deliver?(.failure(CancellationError()))
                }
                return
            }
            scheduler.step()
            pthread_mutex_lock(mutex)
            snapshot = scheduler.statistics
            snapshotLoad = (scheduler.waitingCount, scheduler.activeCount)
            pthread_mutex_unlock(mutex)
            // Results go out once the statistics that include them are published.
            for delivery in scheduler.takeOutbox() { delivery() }
        }
    }
}
