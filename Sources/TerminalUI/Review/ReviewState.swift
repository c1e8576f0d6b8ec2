/// Where the facilitator is in the read-only review of a run: which page, which step,
/// how far a long page is scrolled. Keys are the only way it changes.
public struct ReviewState: Equatable, Sendable {
    public enum Page: Equatable, Sendable { case steps, detail, roadmap }

    public var page: Page = .steps
    /// The selected step on the step list (and the one the detail page shows).
    public var cursor = 0
    /// First line shown on the detail and roadmap pages.
    public var scroll = 0
    public var quit = false

    public init() {}

    /// Applies one key. `stepCount` bounds the cursor; scrolling is bounded when rendering.
    public mutating func handle(_ key: Key, stepCount: Int) {
        switch key {
        case .character("q"), .interrupt:
            quit = true
            return
        case .resize:
            return
        default: break
        }
        switch page {
        case .steps:
            switch key {
            case .up, .character("k"): cursor = max(0, cursor - 1)
            case .down, .character("j"): cursor = min(max(0, stepCount - 1), cursor + 1)
            case .pageUp: cursor = max(0, cursor - 10)
            case .pageDown: cursor = min(max(0, stepCount - 1), cursor + 10)
            case .home: cursor = 0
            case .end: cursor = max(0, stepCount - 1)
            case .enter, .right, .character("l"): if stepCount > 0 { open(.detail) }
            case .character("r"), .tab: open(.roadmap)
            default: break
            }
        case .detail, .roadmap:
            switch key {
            case .up, .character("k"): scroll = max(0, scroll - 1)
            case .down, .character("j"): scroll += 1
            case .pageUp: scroll = max(0, scroll - 10)
            case .pageDown: scroll += 10
            case .home: scroll = 0
            case .left, .escape, .backspace, .character("h"), .character("s"): open(.steps)
            case .character("r"), .tab: open(page == .roadmap ? .steps : .roadmap)
            case .character("n") where page == .detail:
                cursor = min(max(0, stepCount - 1), cursor + 1)
                scroll = 0
            case .character("p") where page == .detail:
                cursor = max(0, cursor - 1)
                scroll = 0
            default: break
            }
        }
    }

    private mutating func open(_ target: Page) {
        page = target
        scroll = 0
    }
}
