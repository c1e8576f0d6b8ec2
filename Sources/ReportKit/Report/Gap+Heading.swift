extension Gap {
    /// The gap's kind and subject as one line, for every face that lists gaps.
    public var heading: String {
        let label: String
        switch self.kind {
        case .scopeNotHeld: label = "Scope not held"
        case .nonFederatedLink: label = "Link outside central observability"
        case .deadLink: label = "Dead or renamed link"
        case .toolMissing: label = "Tool missing"
        case .commandFailed: label = "Probe command failed"
        case .unclearStep: label = "Unclear step"
        case .hadToAsk: label = "Had to ask someone"
        case .other: label = "Blocked"
        }
        return subject.isEmpty ? label : "\(label): \(subject)"
    }
}
