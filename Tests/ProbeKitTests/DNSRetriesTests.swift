#if canImport(CResolv)
import CResolv
import Foundation
@testable import ProbeKit
import Testing

/// A lookup thread's resolver asks again after 1 s, 3 times, where glibc's defaults would
/// wait 5 s; a resolver the system configured is kept as it is.
@Suite struct DNSRetriesTests {
    typealias Wait = (seconds: Int32, attempts: Int32)

    /// A fresh thread's resolver wait as the system configured it, and after the lookup
    /// set-up (applied twice, as every lookup applies it).
    static func freshThread() async -> (system: Wait, lookups: Wait) {
        await withCheckedContinuation { done in
            Thread {
                _ = __res_init()
                let system = __res_state()!.pointee
                DNSRetries.shortenForThisThread()
                DNSRetries.shortenForThisThread()
                let after = __res_state()!.pointee
                done.resume(returning: ((system.retrans, system.retry), (after.retrans, after.retry)))
            }.start()
        }
    }

    @Test func glibcsDefaultWaitIsShortenedOnTheLookupThread() async {
        let (system, lookups) = await Self.freshThread()
        if system == (RES_TIMEOUT, RES_DFLRETRY) {
            #expect(lookups == (1, 3), "\(lookups)")
        } else {
            #expect(lookups == system, "a configured resolver is kept: \(system) became \(lookups)")
        }
    }

    /// The rule itself, for a system that configured its resolver: nothing changes.
    @Test func aConfiguredWaitIsKept() {
        #expect(DNSRetries.shortened(retrans: RES_TIMEOUT, retry: RES_DFLRETRY).map { $0 == (1, 3) } == true)
        #expect(DNSRetries.shortened(retrans: 2, retry: 2) == nil)
        #expect(DNSRetries.shortened(retrans: 5, retry: 4) == nil)
    }
}
#endif
