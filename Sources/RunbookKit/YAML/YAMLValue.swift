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

    /// A duration such as `30m`, `1h`, `90s`; returns seconds.
    func durationSeconds(_ sink: ErrorSink) -> Int? {
        guard case .scalar(let s) = node, let seconds = parseDurationSeconds(s.string) else {
            sink.add(location, expected: "a duration such as 30m, 1h or 90s", found: kindDescription)
            return nil
        }
        return seconds
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
            sink.add(describe(error, file: file, lineOffset: lineOffset, columnOffset: columnOffset))
            return nil
        } catch {
            sink.add(SourceLocation(file: file, line: 1 + lineOffset), expected: "valid YAML", found: "\(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError, file: String, lineOffset: Int, columnOffset: Int) -> LoadError {
        func loc(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column + columnOffset)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = context.map { "\($0.text): \(problem)" } ?? problem
            return LoadError(loc(mark), expected: "valid YAML", found: what,
                             hint: "check indentation, and quote values that contain ': ' or start with '{', '[', '*' or '&'")
        case .composer(let context, let problem, let mark, _):
            let what = context.map { "\($0.text): \(problem)" } ?? problem
            return LoadError(loc(mark), expected: "valid YAML", found: what)
        default:
            return LoadError(SourceLocation(file: file, line: 1 + lineOffset), expected: "valid YAML", found: "\(error)")
        }
    }
}
