#if canImport(CResolv)
import CResolv

/// How long a lookup thread waits before it asks the name server again.
///
/// glibc's resolver waits 5 s before it sends a lost query again (`timeout:5 attempts:2`,
/// up to 15 s a name). A run looks up hundreds of names at once, and some UDP queries are
/// dropped on the way: on the GOV.UK manual (272 hosts, none resolving on the test
/// machine) most of a 58 s dry-run was such waits. Each lookup thread asks again after
/// 1 s instead, 3 times; glibc doubles the wait each try, so a slow server still has
/// 1 + 2 + 4 = 7 s to answer before the name is `unreachable`, and a late answer to an
/// earlier try is still taken. A resolver the system configured itself (resolv.conf
/// `options timeout:`/`attempts:`, or `RES_OPTIONS`) is left as it is.
enum DNSRetries {
    static let seconds: Int32 = 1
    static let attempts: Int32 = 3

    /// Applies the shorter wait to the calling thread's resolver (glibc keeps one per
    /// thread), once; later calls, and a configured resolver, change nothing.
    static func shortenForThisThread() {
        guard let state = __res_state() else { return }
        if state.pointee.options & UInt(RES_INIT) == 0 { _ = __res_init() }
        guard let wait = shortened(retrans: state.pointee.retrans, retry: state.pointee.retry) else { return }
        (state.pointee.retrans, state.pointee.retry) = wait
    }

    /// The wait a resolver set to `retrans` seconds and `retry` tries gets: the shorter one
    /// for glibc's defaults, nil (unchanged) for a resolver configured otherwise.
    static func shortened(retrans: Int32, retry: Int32) -> (Int32, Int32)? {
        retrans == RES_TIMEOUT && retry == RES_DFLRETRY ? (seconds, attempts) : nil
    }
}
#endif
