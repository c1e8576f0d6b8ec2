/// Where each rule is explained, and the remedy in a line, for SARIF rule metadata
/// (code scanning shows `help` beside an alert and links `helpUri`).
extension LintRule {
    /// The rule's section of docs/rules.md.
    public var helpURI: String { "https://github.com/coldread/coldread/blob/main/docs/rules.md#\(rawValue)" }

    /// What to do about a finding, in one or two sentences.
    public var help: String {
        switch self {
        case .undeclaredScope:
            return "Declare what the step needs: `<!-- coldread scopes: [name:verb] -->`, or `scopes: []` when it needs nothing."
        case .scopeNotHeld:
            return "Grant the scope to the rotation, rewrite the step around a break-glass path the rotation holds, or name another rotation that holds it."
        case .breakGlassNotHeld:
            return "Grant the break-glass scope to every member of the rotation, or point the step at a break-glass path they hold."
        case .unknownScope:
            return "Fix the scope's spelling, or add a grant for it under `grants:` in coldread.yaml."
        case .unknownRotation:
            return "Name a rotation from coldread.yaml (or a live provider), or add the rotation there."
        case .unknownMember:
            return "Add the person under `members:` in coldread.yaml, or remove them from the rotation or grant."
        case .nonFederatedLink:
            return "Federate the dashboard, logs or traces into the central observability stack (`federation.central`), so the reader needs no extra login."
        case .partialRollback:
            return "Make the rollback restore every part of the runbook's `bundle`, or split the bundle so each part has its own rollback."
        case .loadError:
            return "Fix the file at the line and column named; the message says what was expected and what was found."
        case .noSteps:
            return "Write the steps as a numbered list or as H3 headings under an H2, so a drill has something to check."
        case .duplicateId:
            return "Rename one of the ids, or drop `id:` so each file's path names its runbook."
        case .authorOnly:
            return "Grant the rotation what only the author holds, give the step a break-glass path the rotation holds, hand it to a rotation that can do it, or federate the data it reads."
        }
    }
}
