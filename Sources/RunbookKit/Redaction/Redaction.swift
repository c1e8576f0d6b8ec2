/// The one redaction every byte that leaves the process passes: journal, reports, JUnit,
/// SARIF, lint and probe output, stdout and stderr. Writers apply it to the whole text
/// they are about to write, so no field (a note, a step title built from an autolink, a
/// redirect-loop reason, a final URL, an error text) can slip past it.
///
/// It replaces with `REDACTED`: the userinfo of any URL (`https://user:pass@host`), the
/// value of any query parameter whose name looks secret (`SecretParameterNames`), in
/// plain, HTML-escaped (`&amp;`) and percent-encoded (`%3Ftoken%3D…`, a URL inside a
/// sign-in redirect) queries, and every configured credential value in all the forms
/// `CredentialForms` knows.
public struct Redaction: Sendable {
    public static let replacement = "REDACTED"
    /// URL rules only: what every output gets even before any credential is known.
    public static let standard = Redaction()

    let parameters: SecretParameterNames
    /// Credential forms by their first byte (256 lists, longest form first): the scan
    /// asks this of every byte of the output.
    let formsByFirstByte: [[[UInt8]]]
    let hasCredentialForms: Bool

    /// `secretParameters` adds names (or `prefix*`) to the built-in rule;
    /// `credentialValues` are the header and cookie values of the credentials file.
    public init(secretParameters: [String] = [], credentialValues: [String] = []) {
        parameters = SecretParameterNames(configured: secretParameters)
        var forms = [[[UInt8]]](repeating: [], count: 256)
        for form in CredentialForms.forms(of: credentialValues) { forms[Int(form[0])].append(form) }
        formsByFirstByte = forms
        hasCredentialForms = forms.contains { !$0.isEmpty }
    }

    /// `text` with every secret replaced by `REDACTED`; the same string when it held none.
    public func apply(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var changed = replaceCredentials(&bytes)
        // Userinfo needs an '@': most outputs have none, and a check is cheaper than the scan.
        if bytes.contains(UInt8(ascii: "@")) { changed = URLSecrets.redactUserinfo(&bytes) || changed }
        changed = URLSecrets.redactParameters(&bytes, names: parameters) || changed
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Replaces every configured credential form, scanning the text once.
    private func replaceCredentials(_ bytes: inout [UInt8]) -> Bool {
        guard hasCredentialForms else { return false }
        var out: [UInt8] = []
        var changed = false
        var i = 0
        while i < bytes.count {
            let candidates = formsByFirstByte[Int(bytes[i])]
            if !candidates.isEmpty, let form = candidates.first(where: { bytes.hasForm($0, at: i) }) {
                if !changed {
                    out.reserveCapacity(bytes.count)
                    out.append(contentsOf: bytes[..<i])
                    changed = true
                }
                out.append(contentsOf: Self.replacementBytes)
                i += form.count
                continue
            }
            if changed { out.append(bytes[i]) }
            i += 1
        }
        if changed { bytes = out }
        return changed
    }

    static let replacementBytes = Array(replacement.utf8)
}

extension Array where Element == UInt8 {
    /// Whether `form` starts at `index`.
    func hasForm(_ form: [UInt8], at index: Int) -> Bool {
        guard index + form.count <= count else { return false }
        for k in 0..<form.count where self[index + k] != form[k] { return false }
        return true
    }
}
