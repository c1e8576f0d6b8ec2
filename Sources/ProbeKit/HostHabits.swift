/// What a run has learnt about each host's answers. A host whose pages are HTML gets GET
/// from the start: a HEAD there would always be followed by a GET, since only the body
/// can show a sign-in form, so skipping it halves the requests without losing anything.
/// Other hosts (APIs, files) keep HEAD first.
actor HostHabits {
    private var servesHTML: Set<String> = []

    func prefersGET(_ host: String) -> Bool { servesHTML.contains(host) }

    func noteServesHTML(_ host: String) { servesHTML.insert(host) }
}
