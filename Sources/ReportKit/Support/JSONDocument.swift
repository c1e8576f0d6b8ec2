import Foundation

/// The one configuration of every JSON document ColdRead prints or writes: pretty,
/// keys sorted and slashes left alone, so output is stable for goldens, diffs and
/// reviews. Documents whose Swift names are camelCase ask for snake_case keys.
public enum JSONDocument {
    /// The document as text; nil only when a value cannot be encoded (a non-finite
    /// number), so each caller keeps its own fallback.
    public static func text<T: Encodable>(_ value: T, snakeCaseKeys: Bool = false) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
