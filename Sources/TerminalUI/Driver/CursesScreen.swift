import CNcurses
import Foundation
import RunbookKit

/// The ncurses face behind `Screen`. Opened with `newterm` on the process's own
/// stdin/stdout (never `initscr`, which exits the process on a bad TERM), after the
/// caller checked both are TTYs.
public final class CursesScreen: Screen {
    private let terminal: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let attributes: [Frame.Style: (attr: attr_t, pair: Int16)]
    public let glyphs: Glyphs
    private var ended = false
    /// The terminal is an output like any other (a drill is often screen-shared): every
    /// row passes the output redaction before it is drawn.
    private let redaction: Redaction

    /// Sets the locale from the environment and reports whether it is UTF-8.
    public static func prepareLocale() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: coldread_codeset()).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    /// Nil when curses cannot drive this terminal: an unknown TERM, or one without cursor
    /// addressing (`TERM=dumb`).
    public init?(utf8: Bool, color: Bool, redaction: Redaction = .standard) {
        self.redaction = redaction
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let terminal = newterm(nil, output, input) else { return nil }
        set_term(terminal)
        // Refused before anything is drawn, like an unknown TERM, and the terminal put back.
        guard coldread_can_address_cursor() != 0, let window = coldread_stdscr() else {
            endwin()
            delscreen(terminal)
            return nil
        }
        self.terminal = terminal
        self.window = window
        glyphs = utf8 ? .unicode : .ascii
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        coldread_enable_wheel()
        set_escdelay(25)
        curs_set(0)
        var useColor = false
        if color && has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_GREEN), -1)
            init_pair(2, Int16(COLOR_RED), -1)
            init_pair(3, Int16(COLOR_YELLOW), -1)
            useColor = true
        }
        let bold = coldread_a_bold(), normal = coldread_a_normal()
        attributes = [
            .bold: (bold, 0), .reverse: (coldread_a_reverse(), 0), .dim: (useColor ? coldread_a_dim() : normal, 0),
            .good: (normal, useColor ? 1 : 0),
            .bad: (bold, useColor ? 2 : 0),
            .warn: (useColor ? normal : bold, useColor ? 3 : 0),
        ]
    }

    deinit { end() }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ frame: Frame) {
        werase(window)
        let height = min(frame.size.height, Int(getmaxy(window)))
        let width = min(frame.size.width, Int(getmaxx(window)))
        let rows = frame.rows
        for row in 0..<height {
            let text = String(redaction.apply(rows[row]).prefix(width))
            // The bottom-right cell cannot be written without scrolling; drop it.
            let safe = row == height - 1 && text.count == width ? String(text.dropLast()) : text
            _ = mvwaddstr(window, Int32(row), 0, safe)
        }
        for span in frame.spans where span.row < height && span.column < width {
            guard let (attr, pair) = attributes[span.style] else { continue }
            _ = mvwchgat(window, Int32(span.row), Int32(span.column), Int32(min(span.length, width - span.column)), attr, pair, nil)
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func readKey(timeoutMs: Int) -> Key? {
        wtimeout(window, Int32(timeoutMs))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == coldread_err() { return nil }
        if status == coldread_key_code_yes() {
            switch Int32(code) {
            case KEY_RESIZE: return .resize
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_MOUSE: return [1: Key.wheelUp, -1: .wheelDown][coldread_wheel_direction()]
            default: return nil
            }
        }
        switch code {
        case 3: return .interrupt
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        default:
            guard code >= 32, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }

    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        delscreen(terminal)
    }
}
