/// The symbols a frame uses: Unicode when the locale's codeset is UTF-8, plain ASCII
/// otherwise, so a drill on a bare console still reads.
public struct Glyphs: Hashable, Sendable {
    public var stepDone: String
    public var stepBlocked: String
    public var stepSkipped: String
    public var stepPending: String
    public var cursor: String
    public var good: String
    public var bad: String
    public var unknown: String
    public var waiting: String
    public var warning: String
    public var inject: String
    public var rule: Character
    public var divider: Character
    public var ellipsis: String
    public var up: String
    public var down: String
    /// Between facts on one line.
    public var separator: String
    /// Before an unordered list item in a step body.
    public var bullet: String = "-"

    public static let unicode = Glyphs(
        stepDone: "✓", stepBlocked: "✗", stepSkipped: "»", stepPending: "·", cursor: "▸", good: "✓", bad: "✗",
        unknown: "?", waiting: "…", warning: "⚠", inject: "⚑", rule: "─", divider: "│", ellipsis: "…", up: "↑", down: "↓", separator: " · ",
        bullet: "•")

    public static let ascii = Glyphs(
        stepDone: "+", stepBlocked: "!", stepSkipped: ">", stepPending: ".", cursor: ">", good: "+", bad: "x",
        unknown: "?", waiting: ".", warning: "!", inject: "*", rule: "-", divider: "|", ellipsis: "~", up: "Up", down: "Dn", separator: " - ")
}
