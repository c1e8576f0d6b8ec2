import Synchronization

/// What a run has learnt about each host's answers. A host whose pages are HTML gets GET
/// from the start: a HEAD there would always be followed by a GET, since only the body
/// can show a sign-in form, so skipping it halves the requests without losing anything.
/// Other hosts (APIs, files) keep HEAD first.
final class HostHabits: Sendable {
    private let servesHTML = Mutex<Set<String>>([])

    func prefersGET(_ host: String) -> Bool { servesHTML.withLock { $0.contains(host) } }

    func noteServesHTML(_ host: String) { _ = servesHTML.withLock { $0.insert(host) } }
}
