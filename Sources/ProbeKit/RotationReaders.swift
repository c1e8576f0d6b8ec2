import RunbookKit

/// A run as a rotation, where the scenario's sandbox has hosts that open for some people
/// only (`opens_for`): any member may be the one paged, so such a host's links are asked
/// as each member who does the step, as scopes are, and the link is passable only when
/// it lets every one of them in. Other links are asked once, as before.
struct RotationReaders: Sendable {
    /// Who does each step that has such a link: (runbook index, step index) → members.
    private let members: [StepPlace: [String]]
    /// One prober per member, each sending that member's person cookie to the sandbox.
    private let probers: [String: LinkProber]
    let personalHosts: Set<String>

    struct StepPlace: Hashable {
        let runbook: Int
        let step: Int
    }

    /// Why nobody can be named for a step (the scope probe's words).
    struct Unknown: Error {
        let reason: String
    }

    /// The members who do a step for a run as the rotation `named` (else the step's
    /// `stepRotation`, else the runbook's), or why none can be named.
    static func members(stepRotation: String?, of runbook: Runbook, named: String?, access: any AccessOracle) -> Result<[String], Unknown> {
        guard let rotation = named ?? stepRotation ?? runbook.rotation else {
            return .failure(Unknown(reason: "no rotation: the runbook declares no 'rotation:' and none was named"))
        }
        guard let members = access.members(ofRotation: rotation) else {
            return .failure(Unknown(reason: "unknown rotation '\(rotation)'"))
        }
        guard !members.isEmpty else { return .failure(Unknown(reason: "rotation '\(rotation)' has no members")) }
        return .success(members)
    }

    /// Nil unless the run is as a rotation and the sandbox has hosts that open for some
    /// people only. A step whose members cannot be named keeps the one wall-meeting ask.
    init?(runbooks: [Runbook], audience: ProbeAudience, personalHosts: Set<String>, access: any AccessOracle,
          prober: (Credentials) -> LinkProber, credentials: Credentials) {
        guard case .rotation(let named) = audience, !personalHosts.isEmpty else { return nil }
        var members: [StepPlace: [String]] = [:]
        for (index, runbook) in runbooks.enumerated() {
            // The briefing's links (step 0) are read before any step: by the runbook's rotation.
            let steps = [(ProbeResult.briefingStep, nil)] + runbook.steps.map { ($0.index, $0.rotation) }
            for (step, rotation) in steps {
                if case .success(let people) = Self.members(stepRotation: rotation, of: runbook, named: named, access: access) {
                    members[StepPlace(runbook: index, step: step)] = people
                }
            }
        }
        let everyone = Set(members.values.joined())
        self.members = members
        self.personalHosts = personalHosts
        probers = Dictionary(uniqueKeysWithValues: everyone.map { person in
            (person, prober(credentials.actingAs(person, onSandboxHosts: personalHosts)))
        })
    }

    /// The members `target` is asked as, or nil when it is asked once as before.
    func askedAs(_ target: WebTarget, runbook: Int, step: Int) -> [String]? {
        guard personalHosts.contains(target.parts.host) else { return nil }
        return members[StepPlace(runbook: runbook, step: step)]
    }

    /// The link asked as each of `people` (each answer cached under that person), as one
    /// evidence: see `combined`.
    func evidence(_ target: WebTarget, as people: [String], cache: OnceCache<String, LinkEvidence>) async -> LinkEvidence {
        var answers: [(person: String, evidence: LinkEvidence)] = []
        for person in people {
            // A worker cancelled (its run, or a stalled read cut) asks no one else: the
            // answer would be the cancellation, not the host's.
            if Task.isCancelled, !answers.isEmpty { break }
            guard let prober = probers[person] else { continue }
            let key = LinkKeys(person: person, personalHosts: personalHosts).key(target)
            answers.append((person, await cache.value(for: key) { await prober.probe(target.address, target: target.parts) }))
        }
        return Self.combined(answers)
    }

    /// The answer that stops the most: a blocking one before an unsure one before a pass,
    /// the first member's among equals. When it stops some members and not others, its
    /// reason says who is stopped and who gets through.
    static func combined(_ answers: [(person: String, evidence: LinkEvidence)]) -> LinkEvidence {
        func weight(_ outcome: ProbeOutcome) -> Int { outcome.blocks ? 2 : outcome == .ok ? 0 : 1 }
        guard let worst = answers.max(by: { weight($0.evidence.outcome) < weight($1.evidence.outcome) }) else {
            return LinkEvidence(outcome: .unknown, statusChain: [], finalURL: "", ms: 0, reason: "no member of the rotation was asked")
        }
        var evidence = worst.evidence
        let stopped = answers.filter { $0.evidence.outcome.blocks }.map(\.person)
        let through = answers.filter { !$0.evidence.outcome.blocks }.map(\.person)
        if evidence.outcome.blocks, !through.isEmpty {
            let who = "for \(stopped.joined(separator: ", ")) (\(through.joined(separator: ", ")) \(through.count == 1 ? "gets" : "get") through)"
            evidence.reason = evidence.reason.map { "\($0), \(who)" } ?? who
        }
        return evidence
    }
}
