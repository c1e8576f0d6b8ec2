import DrillKit

/// Where the step screen's parts go at a size: the step list on the left, the detail
/// pane on the right, between the status lines on top and the input line and keys below.
struct StepsGeometry {
    let top: Int
    let bottom: Int
    let listWidth: Int
    let detailColumn: Int
    let detailWidth: Int

    init(state: DrillState, size: TerminalSize) {
        // The header, the inject banner when there is one, the status line and a rule.
        top = state.banner == nil ? 3 : 4
        bottom = size.height - 3
        listWidth = size.width >= 100 ? 36 : 26
        detailColumn = listWidth + 2
        detailWidth = size.width - detailColumn - 1
    }

    var rows: Int { max(0, bottom - top + 1) }
}

/// How far the step pane scrolls: its lines against its rows. When the step is longer
/// than the pane, the last row is the position marker, so one row fewer shows text.
public struct StepPaneMetrics: Hashable, Sendable {
    public var lineCount: Int
    public var rows: Int

    /// No step shown: nothing to scroll (what a key that is not a scroll key needs).
    public static let empty = StepPaneMetrics(lineCount: 0, rows: 0)

    /// The pane of the state's current step at this size (empty when none is shown).
    public static func of(_ state: DrillState, size: TerminalSize, glyphs: Glyphs) -> StepPaneMetrics {
        let rows = StepsGeometry(state: state, size: size).rows
        return StepPaneMetrics(lineCount: StepPane.current(state, size: size, glyphs: glyphs)?.lines.items.count ?? 0, rows: rows)
    }

    public var scrolls: Bool { lineCount > rows }
    /// Rows that show the step's lines.
    public var textRows: Int { scrolls ? max(1, rows - 1) : rows }
    public var lastScroll: Int { max(0, lineCount - textRows) }

    /// `line` kept within the step: never before its first line or past its last page.
    public func clamped(_ line: Int) -> Int { min(max(0, line), lastScroll) }
}
