/// Byte-level answers for the per-line path of reading commands. Every character they
/// look for (blanks, `:`, `>`, `#`) is ASCII and never part of a longer character, so the
/// bytes answer as `Character`s would, without breaking graphemes on every line of every
/// code block.
extension Substring {
    /// Without the spaces and tabs it starts with.
    var withoutLeadingBlanks: Substring {
        guard let start = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return self[endIndex...] }
        return self[start...]
    }

    /// Without the spaces, tabs and carriage returns it ends with.
    var withoutTrailingBlanks: Substring {
        guard let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return self[..<startIndex] }
        return self[..<utf8.index(after: last)]
    }

    /// Up to its first space or tab.
    var firstBlankDelimitedWord: Substring {
        self[..<(utf8.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) ?? endIndex)]
    }
}
