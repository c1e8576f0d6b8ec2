import DrillKit

extension Canvas {
    /// The blocked-reason picker, drawn over the step detail. The whole pane is cleared
    /// first, so no line of the busy step beneath shows through beside or below the box.
    mutating func reasonPicker(highlighted: Int, step: Int, geometry: StepsGeometry) {
        let (top, bottom, column) = (geometry.top, geometry.bottom, geometry.detailColumn)
        let paneWidth = width - column
        for row in top...bottom { frame.put(String(repeating: " ", count: paneWidth), row: row, column: column) }
        let boxWidth = min(34, paneWidth - 1)
        let lines = ["Why were you blocked at step \(step)?"] + BlockedReason.allCases.enumerated().map { " \($0.offset + 1)  \($0.element.label)" }
        for (offset, line) in lines.enumerated() where top + offset <= bottom {
            let padded = line + String(repeating: " ", count: max(0, boxWidth - line.count))
            let isHighlighted = offset - 1 == highlighted
            frame.put(padded, row: top + offset, column: column, style: offset == 0 ? .bold : (isHighlighted ? .reverse : nil), limit: boxWidth)
        }
    }

    /// The keys, drawn over the body.
    mutating func help(top: Int, bottom: Int) {
        let entries: [(String, String)] = [
            ("d", "done: the step worked as written"),
            ("b", "blocked: pick a reason (1-7), then an optional note"),
            ("s", "skip: the step does not apply"),
            ("n", "note on the current step"),
            ("r", "probe the current step's links, scopes and tools again"),
            ("u", "undo the last outcome or note"),
            ("\(glyphs.up) \(glyphs.down)", "move between steps"),
            ("PgDn", "scroll a long step (Space too, PgUp back, or the mouse wheel)"),
            ("q", "pause and quit; `coldread drill --resume RUN_ID` continues"),
            ("?", "this help"),
        ]
        for row in top...bottom { frame.put(String(repeating: " ", count: width), row: row, column: 0) }
        frame.put("Keys", row: top, column: 2, style: .bold)
        for (offset, entry) in entries.enumerated() where top + 1 + offset <= bottom {
            frame.put(entry.0, row: top + 1 + offset, column: 2, style: .bold)
            frame.put(TextLayout.clip(entry.1, width: width - 10, ellipsis: glyphs.ellipsis), row: top + 1 + offset, column: 8)
        }
    }
}
