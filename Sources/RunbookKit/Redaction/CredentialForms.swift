import Foundation

/// Every way a configured credential value can show up in an output: the value itself,
/// the payload of an `Authorization` value (`Bearer abc` → `abc`; `Basic` also decoded to
/// `user:password` and the password), and each of those as JSON, HTML/XML and a URL
/// would escape them. Values shorter than `minimumLength` are left alone: a cookie such
/// as `consent=1` is no secret, and replacing every `1` would wreck every report.
enum CredentialForms {
    static let minimumLength = 6

    /// The byte sequences to replace, longest first so a value wins over its payload.
    static func forms(of values: [String]) -> [[UInt8]] {
        var texts = Set<String>()
        for value in values {
            for secret in secrets(in: value.trimmingCharacters(in: .whitespacesAndNewlines)) where secret.count >= minimumLength {
                texts.formUnion([secret, jsonEscaped(secret), percentEncoded(secret),
                                 markupEscaped(secret, apostrophe: "&#39;"), markupEscaped(secret, apostrophe: "&apos;")])
            }
        }
        return texts.map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }

    /// The value, and what an auth scheme wraps in it.
    static func secrets(in value: String) -> [String] {
        var found = [value]
        guard let space = value.firstIndex(of: " ") else { return found }
        let scheme = value[..<space]
        let payload = value[value.index(after: space)...].trimmingCharacters(in: .whitespaces)
        guard !payload.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { return found }
        found.append(payload)
        if scheme.lowercased() == "basic", let data = Data(base64Encoded: payload),
           let pair = String(data: data, encoding: .utf8) {
            found.append(pair)
            if let colon = pair.firstIndex(of: ":") { found.append(String(pair[pair.index(after: colon)...])) }
        }
        return found
    }

    /// As a JSON string's content: what JSONEncoder and `JSONBytes` write between the quotes.
    static func jsonEscaped(_ text: String) -> String {
        var json = JSONBytes()
        json.string(text)
        return String(decoding: json.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    /// HTML reports write `'` as `&#39;`, JUnit XML as `&apos;`.
    static func markupEscaped(_ text: String, apostrophe: String) -> String {
        [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", apostrophe)]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static func percentEncoded(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
