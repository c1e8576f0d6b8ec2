import Synchronization

/// What a run has learnt about each host's answers. A host where a HEAD had to be asked
/// again with GET gets GET from the start: its pages are HTML (only the body can show a
/// sign-in form), or it refuses HEAD, or it answers HEAD with a 403 or 404 that only a GET
/// can confirm. There every HEAD would be followed by a GET, so skipping it saves a
/// request per link and loses nothing: the GET's answer is the one the probe keeps.
/// Other hosts (APIs, files) keep HEAD first.
final class HostHabits: Sendable {
    private let headWasted = Mutex<Set<String>>([])

    func prefersGET(_ host: String) -> Bool { headWasted.withLock { $0.contains(host) } }

    /// `host` answered a HEAD with something only a GET could settle.
    func noteHeadWasted(_ host: String) { _ = headWasted.withLock { $0.insert(host) } }
}
