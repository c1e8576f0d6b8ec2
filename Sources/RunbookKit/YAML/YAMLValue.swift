import Yams

/// A YAML node with enough context to report errors at its exact `file:line:column`,
/// even when the YAML was embedded in a Markdown file (front matter, annotations).
struct YAMLValue {
    let node: Node
    let file: String
    /// Added to Yams' 1-based line to get the line in the enclosing file.
    let lineOffset: Int
    /// Added to Yams' column on every line (the indentation of an annotation in a list item).
    let columnOffset: Int

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(
            file: file, line: (mark?.line ?? 1) + lineOffset, column: (mark?.column ?? 1) + columnOffset)
    }

    func child(_ node: Node) -> YAMLValue {
        YAMLValue(node: node, file: file, lineOffset: lineOffset, columnOffset: columnOffset)
    }

    /// How the node looks, for "found …" in errors.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.string.isEmpty { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "\"\(text)\""
        }
    }

    var isNull: Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            return true
        }
        return false
    }

    /// Key/value pairs of a mapping, in document order, or an error into `sink`.
    func mapping(_ sink: ErrorSink, expected: String = "a mapping") -> [(key: String, keyLocation: SourceLocation, value: YAMLValue)]? {
        guard case .mapping(let mapping) = node else {
            if isNull { return [] }
            sink.add(location, expected: expected, found: kindDescription)
            return nil
        }
        return mapping.map { pair in
            let key = child(pair.key)
            return (pair.key.string ?? key.kindDescription, key.location, child(pair.value))
        }
    }

    func string(_ sink: ErrorSink, expected: String = "text") -> String? {
        guard case .scalar(let scalar) = node else {
            sink.add(location, expected: expected, found: kindDescription)
            return nil
        }
        return scalar.string
    }

    /// A list of strings; a single scalar is accepted as a one-element list.
    func stringList(_ sink: ErrorSink, expected: String = "a list of text") -> [(String, SourceLocation)]? {
        switch node {
        case .scalar(let scalar):
            if isNull { return [] }
            return [(scalar.string, location)]
        case .sequence(let seq):
            var out: [(String, SourceLocation)] = []
            for item in seq {
                let value = child(item)
                guard case .scalar(let s) = item else {
                    sink.add(value.location, expected: "text in \(expected)", found: value.kindDescription)
                    continue
                }
                out.append((s.string, value.location))
            }
            return out
        default:
            sink.add(location, expected: expected, found: kindDescription)
            return nil
        }
    }

    func sequence(_ sink: ErrorSink, expected: String) -> [YAMLValue]? {
        switch node {
        case .sequence(let seq): return seq.map(child)
        default:
            if isNull { return [] }
            sink.add(location, expected: expected, found: kindDescription)
            return nil
        }
    }

    func int(_ sink: ErrorSink, expected: String = "a whole number") -> Int? {
        guard case .scalar(let s) = node, let n = Int(s.string) else {
            sink.add(location, expected: expected, found: kindDescription)
            return nil
        }
        return n
    }

    /// A whole number inside `range`, so later arithmetic on it cannot overflow; `what`
    /// names the field in the error.
    func int(_ sink: ErrorSink, in range: ClosedRange<Int>, what: String) -> Int? {
        guard let n = int(sink, expected: "\(what): a whole number from \(range.lowerBound) to \(range.upperBound)") else { return nil }
        guard range.contains(n) else {
            sink.add(location, expected: "\(what) from \(range.lowerBound) to \(range.upperBound)", found: "\(n)")
            return nil
        }
        return n
    }

    /// A wall-clock time `HH:MM` (00:00–23:59), as hour and minute.
    func clockTime(_ sink: ErrorSink, what: String) -> (hour: Int, minute: Int)? {
        guard let text = string(sink, expected: "\(what) such as \"02:17\"") else { return nil }
        guard let time = ClockText.hourMinute(text) else {
            sink.add(location, expected: "\(what) such as \"02:17\" (hours 00–23, minutes 00–59)", found: "'\(text)'")
            return nil
        }
        return time
    }

    func bool(_ sink: ErrorSink) -> Bool? {
        if case .scalar(let s) = node {
            switch s.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        sink.add(location, expected: "true or false", found: kindDescription)
        return nil
    }

    /// A duration such as `30m`, `1h`, `90s`; returns seconds. `what` names the field in
    /// the error when the value is over the 30-day limit (`budget 99999h is over …`).
    func durationSeconds(_ sink: ErrorSink, what: String = "duration") -> Int? {
        guard case .scalar(let s) = node else {
            sink.add(location, expected: "a duration such as 30m, 1h or 90s", found: kindDescription)
            return nil
        }
        switch readDuration(s.string) {
        case .seconds(let seconds): return seconds
        case .invalid:
            sink.add(location, expected: "a duration such as 30m, 1h or 90s", found: kindDescription)
        case .overLimit:
            sink.add(location, expected: "a duration of at most 30 days", found: "'\(s.string)'",
                     hint: DurationReading.overLimitMessage(what, s.string))
        }
        return nil
    }
}

/// Parses YAML text into a located root value, turning Yams' scanner and parser
/// errors into located load errors.
enum YAMLText {
    /// Yams' `Constructor.default` builds three dictionaries of closures on every use;
    /// one shared instance spares that for each of the many small annotations.
    /// Safe to share across threads: a `Constructor` is a final class holding only `let`
    /// dictionaries of stateless closures, never mutated after init.
    private nonisolated(unsafe) static let constructor = Constructor.default

    static func parse(
        _ text: String, file: String, lineOffset: Int = 0, columnOffset: Int = 0, sink: ErrorSink
    ) -> YAMLValue? {
        do {
            // Encoding named explicitly: Yams' default reads the process environment on every call.
            // The basic resolver: our readers convert scalars themselves, and Yams' default
            // one runs a regular expression over every scalar.
            guard let node = try Yams.compose(yaml: text, .basic, constructor, .utf8) else {
                return YAMLValue(node: .scalar(.init("")), file: file, lineOffset: lineOffset, columnOffset: columnOffset)
            }
            return YAMLValue(node: node, file: file, lineOffset: lineOffset, columnOffset: columnOffset)
        } catch let error as YamlError {
            sink.add(describe(error, text: text, file: file, lineOffset: lineOffset, columnOffset: columnOffset))
            return nil
        } catch {
            let first = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            sink.add(SourceLocation(file: file, line: 1 + lineOffset), expected: "valid YAML", found: OneLine.escaped(first))
            return nil
        }
    }

    /// True when the 1-based `line` of `text` is indented with a tab: an editor shows it
    /// as spaces, and Yams only says a character "cannot start any token".
    private static func indentsWithTab(line: Int, in text: String) -> Bool {
        guard line >= 1, let row = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
            .dropFirst(line - 1).first else { return false }
        return row.prefix { $0 == " " || $0 == "\t" }.contains("\t")
    }

    private static func describe(_ error: YamlError, text: String, file: String, lineOffset: Int, columnOffset: Int) -> LoadError {
        func loc(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line + lineOffset, column: column + columnOffset)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = context.map { "\($0.text): \(problem)" } ?? problem
            return LoadError(loc(mark.line, mark.column), expected: "valid YAML", found: OneLine.escaped(what),
                             hint: indentsWithTab(line: mark.line, in: text)
                                ? "indent with spaces: YAML does not allow a tab in indentation"
                                : "check indentation, and quote values that contain ': ' or start with '{', '[', '*' or '&'")
        case .composer(let context, let problem, let mark, _):
            let what = context.map { "\($0.text): \(problem)" } ?? problem
            return LoadError(loc(mark.line, mark.column), expected: "valid YAML", found: OneLine.escaped(what))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let at = DuplicateKey.secondOccurrence(of: key, in: text, mappingLine: context.mark.line, column: context.mark.column)
                ?? (line: context.mark.line, column: context.mark.column)
            let others = duplicates.count > 1 ? " (and \(duplicates.count - 1) more repeated key(s))" : ""
            return LoadError(loc(at.line, at.column), expected: "each key once in a mapping",
                             found: "'\(OneLine.escaped(key))' a second time" + others, hint: "remove the repeated key or merge the two values")
        case .reader(let problem, let offset, _, _):
            let at = offset.map { Self.position(ofUTF8Offset: $0, in: text) } ?? (line: 1, column: 1)
            return LoadError(loc(at.line, at.column), expected: "readable YAML text", found: OneLine.escaped(problem),
                             hint: "save the file as UTF-8 without control characters")
        default:
            let first = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            return LoadError(loc(1, 1), expected: "valid YAML", found: OneLine.escaped(first))
        }
    }

    /// Line and column (1-based, columns in Unicode scalars as libyaml counts them) of a
    /// byte offset.
    static func position(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1, seen = 0
        for scalar in text.unicodeScalars {
            if seen >= offset { break }
            seen += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

/// Finds where a repeated key is written, which Yams does not say: it names the key and
/// where its mapping starts. In block style a mapping's keys all start in the mapping's
/// column, so the key's second line at that column, after the mapping's start, is the
/// repeat. Flow style (`{a: 1, a: 2}`) is not searched; the mapping's start is used.
enum DuplicateKey {
    static func secondOccurrence(of key: String, in text: String, mappingLine: Int, column: Int) -> (line: Int, column: Int)? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        var seen = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= mappingLine {
            var line = Substring(raw)
            var col = 1
            while let first = line.first, first == " " || first == "-" {
                line = line.dropFirst()
                col += 1
            }
            guard col == column, spellings.contains(where: { startsAsKey(line, $0) }) else { continue }
            seen += 1
            if seen == 2 { return (index + 1, col) }
        }
        return nil
    }

    private static func startsAsKey(_ line: Substring, _ spelling: String) -> Bool {
        guard line.hasPrefix(spelling) else { return false }
        return line.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }.first == ":"
    }
}
