import Synchronization

/// What a run has learnt about each host's answers, to choose each request's first method.
///
/// A host's first request is a HEAD: the scout. While its answer is out, the host's other
/// links ask GET, whose answer is the one the probe keeps either way, so a run that opens
/// with a hundred links to one dashboard does not send a hundred HEADs before it learns.
/// A host where a HEAD had to be asked again with GET then gets GET from the start: its
/// pages are HTML (only the body can show a sign-in form), or it refuses HEAD, or it
/// answers HEAD with a 403 or 404 that only a GET can confirm; every HEAD there would be
/// followed by a GET. Other hosts (APIs, files) keep HEAD first.
final class HostHabits: Sendable {
    enum Ask: Equatable {
        /// The host's first request: HEAD, and report what it taught.
        case scout
        case head
        case get
    }

    private enum Habit {
        case scouting
        case headUseful
        case headWasted
    }

    private let habits = Mutex<[String: Habit]>([:])

    func ask(_ host: String) -> Ask {
        habits.withLock { habits in
            switch habits[host] {
            case nil:
                habits[host] = .scouting
                return .scout
            case .scouting, .headWasted: return .get
            case .headUseful: return .head
            }
        }
    }

    /// What a request that started with HEAD (`ask` was `.scout` or `.head`) showed:
    /// whether its HEAD had to be asked again with GET.
    func note(_ host: String, headWasted: Bool) {
        habits.withLock { habits in
            if headWasted {
                habits[host] = .headWasted
            } else if habits[host] == .scouting {
                habits[host] = .headUseful
            }
        }
    }
}
