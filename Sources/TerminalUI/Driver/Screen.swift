/// What the drill needs from a terminal. The curses driver implements it; tests use a
/// fake that records frames and replays keys.
public protocol Screen: AnyObject {
    /// Current size in cells (changes on resize).
    var size: TerminalSize { get }
    /// Glyph set the terminal can show.
    var glyphs: Glyphs { get }
    func draw(_ frame: Frame)
    /// Waits at most `timeoutMs` for a key; nil when none arrived.
    func readKey(timeoutMs: Int) -> Key?
    /// Gives the terminal back (idempotent).
    func end()
}
