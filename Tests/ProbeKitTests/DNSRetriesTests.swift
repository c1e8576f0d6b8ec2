#if canImport(CResolv)
import CResolv
import Foundation
@testable import ProbeKit
import Testing

/// A lookup thread's resolver asks again after 1 s, 3 times, where glibc's defaults would
/// wait 5 s; a resolver the system configured (here through `RES_OPTIONS`) is kept.
@Suite struct DNSRetriesTests {
    /// The retry interval and tries of a fresh thread's resolver after the lookup set-up,
    /// with `RES_OPTIONS` as given while the thread starts its resolver.
    static func freshThread(resOptions: String?) async -> (seconds: Int32, attempts: Int32) {
        if let resOptions { setenv("RES_OPTIONS", resOptions, 1) }
        defer { if resOptions != nil { unsetenv("RES_OPTIONS") } }
        return await withCheckedContinuation { done in
            Thread {
                DNSRetries.shortenForThisThread()
                DNSRetries.shortenForThisThread()
                let state = __res_state()!.pointee
                done.resume(returning: (state.retrans, state.retry))
            }.start()
        }
    }

    @Test func glibcsDefaultWaitIsShortenedAndAConfiguredOneKept() async {
        let defaults = await Self.freshThread(resOptions: nil)
        #expect(defaults.seconds == 1 && defaults.attempts == 3, "\(defaults)")
        let configured = await Self.freshThread(resOptions: "timeout:3 attempts:4")
        #expect(configured.seconds == 3 && configured.attempts == 4, "\(configured)")
    }
}
#endif
