/// One screenful, as plain data: rows of text plus attribute spans. `render` makes
/// frames from state without a terminal, so layouts are golden-tested; the curses
/// driver only copies them to the screen.
public struct Frame: Hashable, Sendable {
    /// What a span means; the driver picks colours (or none, under `NO_COLOR`).
    public enum Style: String, Hashable, Sendable, CaseIterable {
        case bold, reverse, dim, good, bad, warn
    }

    public struct Span: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public var length: Int
        public var style: Style
    }

    public let size: TerminalSize
    public private(set) var spans: [Span] = []
    private var grid: [[Character]]

    public init(size: TerminalSize) {
        self.size = size
        grid = Array(repeating: Array(repeating: " ", count: size.width), count: size.height)
    }

    /// The text of each row, exactly `size.width` characters.
    public var rows: [String] { grid.map { String($0) } }

    /// Writes text at a cell, clipped to the frame; returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style? = nil, limit: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return 0 }
        let room = min(size.width - column, limit ?? Int.max)
        var written = 0
        for character in text where written < room {
            grid[row][column + written] = character == "\t" || character == "\n" ? " " : character
            written += 1
        }
        if let style, written > 0 { spans.append(Span(row: row, column: column, length: written, style: style)) }
        return written
    }

    /// Styles cells already written.
    public mutating func style(row: Int, column: Int, length: Int, _ style: Style) {
        guard row >= 0, row < size.height, column < size.width, length > 0 else { return }
        spans.append(Span(row: row, column: column, length: min(length, size.width - column), style: style))
    }

    /// The frame as golden-file text: the rows (trailing spaces trimmed), then the spans.
    public var goldenText: String {
        var out = rows.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
        out += "\n--- spans (row:column+length style)\n"
        out += spans.map { "\($0.row):\($0.column)+\($0.length) \($0.style.rawValue)" }.joined(separator: "\n")
        return out + "\n"
    }
}

/// Terminal size in cells.
public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
