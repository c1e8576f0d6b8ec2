import AsyncHTTPClient
import Synchronization

/// Ends a body read that stalls past its deadline: a server that sends its head and then
/// nothing must cost the link its deadline, never hang the run. The read keeps what came.
///
/// AsyncHTTPClient's idle read timeout did this with a timer per request, scheduled and
/// cancelled on the event loop's heap: on a fleet that answers at once, about a tenth of
/// a probe run's CPU and wall time (#16, paired runs). Here one watcher per run wakes
/// every `tick` while the crew works, and ends the reads past their deadline.
///
/// Only cancelling the reading task ends a wait for a body chunk, and a task of its own
/// per read (or a shared lock per read) cost most of what the timer did. So each worker
/// of the crew enlists once (`crewMember`), marks its read's deadline in its own atomic
/// slot, and the watcher cancels a worker whose read is late. That worker finishes its
/// link with what came (`cut`), leaves the crew, and `ProbeSession.run` puts another in
/// its place. Rare by nature: a stalled body.
final class StalledBodies: Sendable {
    /// A worker's read under way: its deadline in nanoseconds after `epoch`, 0 when it
    /// reads nothing, `cutMark` once the watcher has ended the read.
    final class Slot: Sendable {
        fileprivate let deadline = Atomic<Int64>(0)
        /// Set once a read of this worker was cut: the worker is cancelled, yet the answer
        /// it finishes its link with is true.
        fileprivate let wasCut = Atomic<Bool>(false)
    }

    /// An enlisted worker. Its task is held only while it is enlisted: the worker enlists
    /// and leaves under the lock, and the watcher cancels only under it, so the task is
    /// running for as long as this refers to it.
    private struct Member: @unchecked Sendable {
        let task: UnsafeCurrentTask
        let slot: Slot
    }

    private struct Crew: Sendable {
        var members: [Int: Member] = [:]
        var nextID = 0
        var watching = false
    }

    @TaskLocal private static var slot: Slot?
    private static let cutMark: Int64 = -1

    private let crew = Mutex(Crew())
    private let tick: Duration
    /// Where the slots' deadlines count from: one instant for every run of the process.
    private static let epoch = ContinuousClock.now

    init(tick: Duration = .milliseconds(250)) { self.tick = tick }

    /// Runs `work` (a worker of the crew) with its body reads watched.
    func crewMember<T: Sendable>(_ work: () async -> T) async -> T {
        let slot = Slot()
        guard let (id, startWatcher) = enlist(slot) else { return await work() }
        if startWatcher { Task { await self.watch() } }
        let result = await Self.$slot.withValue(slot) { await work() }
        crew.withLock { _ = $0.members.removeValue(forKey: id) }
        return result
    }

    /// `BoundedBody.read`, ended if `deadline` passes first; `cut` says it was, and that
    /// the calling worker is now cancelled. The worker's run watches it (`crewMember`);
    /// a read outside any crew gets a watcher of its own.
    static func read(_ body: HTTPClientResponse.Body, limit: Int, until deadline: ContinuousClock.Instant) async -> (bytes: [UInt8], cut: Bool) {
        guard let slot else {
            return await StalledBodies().crewMember { await read(body, limit: limit, until: deadline) }
        }
        slot.deadline.store(max(1, nanoseconds(deadline - epoch)), ordering: .releasing)
        let bytes = await BoundedBody.read(body, limit: limit, until: deadline)
        let cut = slot.deadline.exchange(0, ordering: .acquiringAndReleasing) == Self.cutMark
        if cut {
            slot.wasCut.store(true, ordering: .releasing)
            // The watcher marks the cut before it cancels: a read that ended by itself just
            // then must not let this worker take another job that the cancel would hit.
            withUnsafeCurrentTask { $0?.cancel() }
        }
        return (bytes, cut)
    }

    /// Whether a link's answer, just computed in the current task, stands (the session's
    /// link cache keeps it): yes unless the task was cancelled, and yes too for a worker
    /// cancelled during this answer only to end its stalled read, not because the run
    /// was. An answer it computes after that cut does not stand.
    static func answerStands(cancelledBefore: Bool) -> Bool {
        !Task.isCancelled || !cancelledBefore && currentWorkerWasCut
    }

    /// Whether the current task is a worker whose read was cut.
    private static var currentWorkerWasCut: Bool { slot?.wasCut.load(ordering: .acquiring) ?? false }

    private func enlist(_ slot: Slot) -> (id: Int, startWatcher: Bool)? {
        withUnsafeCurrentTask { task -> (Int, Bool)? in
            guard let task else { return nil }
            return crew.withLock { crew in
                crew.nextID &+= 1
                crew.members[crew.nextID] = Member(task: task, slot: slot)
                defer { crew.watching = true }
                return (crew.nextID, !crew.watching)
            }
        }
    }

    /// Wakes every tick, ends the reads past their deadline, and stops when no worker is left.
    private func watch() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = Self.nanoseconds(ContinuousClock.now - Self.epoch)
            let done = crew.withLock { crew in
                for member in crew.members.values {
                    let deadline = member.slot.deadline.load(ordering: .acquiring)
                    guard deadline > 0, deadline <= now else { continue }
                    // Lost to the worker finishing that read: it is not cut.
                    if member.slot.deadline.compareExchange(expected: deadline, desired: Self.cutMark,
                                                            ordering: .acquiringAndReleasing).exchanged {
                        member.task.cancel()
                    }
                }
                if crew.members.isEmpty { crew.watching = false }
                return !crew.watching
            }
            if done { return }
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
