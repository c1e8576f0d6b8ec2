/// A row of block characters, one per value, scaled from zero to the largest value, so
/// a trend reads at a glance in a terminal (`▁▅▁▁`). ASCII terminals get `_.-=#`.
public enum Sparkline {
    static let unicode: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", "-", "=", "#"]

    public static func render(_ values: [Int], unicode useUnicode: Bool = true) -> String {
        let glyphs = useUnicode ? unicode : ascii
        let top = max(values.max() ?? 0, 1)
        return String(values.map { value in
            let clamped = max(value, 0)
            let level = clamped == 0 ? 0 : max(1, (clamped * (glyphs.count - 1) + top - 1) / top)
            return glyphs[min(level, glyphs.count - 1)]
        })
    }
}
