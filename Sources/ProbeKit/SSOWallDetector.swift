import Foundation
import RunbookKit

/// Recognises the moment a link stops at a sign-in instead of the page the runbook meant:
/// the reader would face a login prompt at 02:17. Each answer carries a reason in words,
/// so the report can say which wall it was.
struct SSOWallDetector: Sendable {
    /// Login hosts the organisation configured (`sso.login_hosts`), lower-cased.
    var loginHosts: Set<String>

    init(loginHosts: [String]) {
        self.loginHosts = Set(loginHosts.map { $0.lowercased() })
    }

    /// Identity providers by host suffix, each named for the reason text.
    static let identityProviderHosts: [(suffix: String, name: String)] = [
        ("okta.com", "Okta"), ("oktapreview.com", "Okta"), ("okta-emea.com", "Okta"),
        ("login.microsoftonline.com", "Entra ID"), ("login.microsoft.com", "Entra ID"),
        ("login.windows.net", "Entra ID"), ("sts.windows.net", "Entra ID"),
        ("accounts.google.com", "Google accounts"), ("auth0.com", "Auth0"),
        ("cloudflareaccess.com", "Cloudflare Access"), ("awsapps.com", "AWS IAM Identity Center"),
        ("signin.aws.amazon.com", "AWS sign-in"), ("onelogin.com", "OneLogin"),
        ("pingidentity.com", "Ping Identity"), ("pingone.com", "Ping Identity"),
        ("duosecurity.com", "Duo"), ("jumpcloud.com", "JumpCloud"),
    ]

    /// Paths that only identity providers and auth proxies serve, on any host.
    static let identityProviderPaths: [(fragment: String, name: String)] = [
        ("/protocol/openid-connect/auth", "Keycloak"), ("/oauth2/start", "oauth2-proxy"),
        ("/oauth2/sign_in", "oauth2-proxy"), ("/oauth2/authorize", "OAuth authorize endpoint"),
        ("/oauth2/v2.0/authorize", "Entra ID"), ("/oauth2/v1/authorize", "Okta"),
        ("/cdn-cgi/access/login", "Cloudflare Access"), ("/adfs/ls", "AD FS"),
        ("/saml2/", "SAML"), ("/saml/", "SAML"), ("/sso/saml", "SAML"), ("/idp/profile/saml2", "Shibboleth"),
    ]

    /// Path segments that look like a sign-in page when another host is the target.
    static let loginSegments: Set<String> = [
        "login", "signin", "sign-in", "sign_in", "logon", "log-in", "sso", "auth", "authorize",
        "authenticate", "oauth", "oauth2", "saml", "saml2", "openid-connect", "cas", "idp",
    ]

    /// Why a redirect from `from` to `to` is a sign-in wall, or nil when it is an ordinary hop.
    func redirectWall(from: URLParts, to: URLParts) -> String? {
        let host = to.host
        if loginHosts.contains(host) { return "redirected to the login host \(host)" }
        for idp in Self.identityProviderHosts where host == idp.suffix || host.hasSuffix("." + idp.suffix) {
            return "redirected to \(idp.name) (\(host))"
        }
        let path = to.path.lowercased()
        let pathBytes = Array(path.utf8)
        for idp in Self.identityProviderPaths
        where ASCIIText.contains(pathBytes, idp.fragment) || path.hasSuffix(idp.fragment.dropLastSlash) {
            return "redirected to a \(idp.name) sign-in (\(host)\(to.path))"
        }
        let names = Set(to.queryItems.map { $0.name.lowercased() })
        if names.contains("samlrequest") || names.contains("relaystate") {
            return "redirected with a SAML request to \(host)"
        }
        if names.isSuperset(of: ["client_id", "redirect_uri", "response_type"]) {
            return "redirected to an OAuth authorization request at \(host)"
        }
        if host != from.host {
            let segments = path.split(separator: "/").map(String.init)
            if segments.contains(where: { Self.loginSegments.contains($0) || $0.hasPrefix("login") || $0.hasPrefix("signin") }) {
                return "redirected to a sign-in page on \(host)"
            }
        }
        return nil
    }

    /// Why a 200 page is a sign-in wall: it holds a password field, or a form that posts a
    /// SAML message and submits itself. `body` is the bounded start of the page.
    static func loginPage(_ body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        var samlField = false
        for tag in tags(named: "input", in: body) {
            let attributes = HTMLAttributes(Substring(String(decoding: tag, as: UTF8.self).lowercased()))
            if attributes["type"] == "password" { return "the page asks for a password (a sign-in form)" }
            if let name = attributes["name"], name == "samlrequest" || name == "samlresponse" { samlField = true }
        }
        if samlField, ASCIIText.contains(body, ".submit()") || ASCIIText.contains(body, "onload") {
            return "the page posts a SAML message to an identity provider by itself"
        }
        return nil
    }

    /// The insides of every `<name …>` tag, matched without regard to ASCII case. Works on
    /// the raw bytes: most pages hold no such tag, and decoding and lower-casing a whole
    /// page to find that out cost more than the request that fetched it.
    static func tags(named name: String, in body: [UInt8]) -> [ArraySlice<UInt8>] {
        let opener = Array(("<" + name).utf8)
        var found: [ArraySlice<UInt8>] = []
        var from = body.startIndex
        while let start = ASCIIText.firstIndex(of: opener, in: body, from: from) {
            let after = start + opener.count
            guard after < body.endIndex, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                                          UInt8(ascii: "/"), UInt8(ascii: ">")].contains(body[after]) else {
                from = after
                continue
            }
            let end = body[after...].firstIndex(of: UInt8(ascii: ">")) ?? body.endIndex
            found.append(body[after..<end])
            from = end
        }
        return found
    }
}

/// The attributes of one tag, read leniently (quoted, single-quoted or bare values).
struct HTMLAttributes {
    private var values: [String: String] = [:]

    init(_ tag: Substring) {
        var i = tag.startIndex
        func skipSpace() { while i < tag.endIndex, tag[i] == " " || tag[i] == "\t" || tag[i] == "\n" || tag[i] == "\r" || tag[i] == "/" { i = tag.index(after: i) } }
        while i < tag.endIndex {
            skipSpace()
            let nameStart = i
            while i < tag.endIndex, !" \t\n\r=/".contains(tag[i]) { i = tag.index(after: i) }
            let name = String(tag[nameStart..<i])
            skipSpace()
            guard i < tag.endIndex, tag[i] == "=" else {
                if !name.isEmpty { values[name] = "" }
                if nameStart == i, i < tag.endIndex { i = tag.index(after: i) }
                continue
            }
            i = tag.index(after: i)
            while i < tag.endIndex, tag[i] == " " { i = tag.index(after: i) }
            var value = ""
            if i < tag.endIndex, tag[i] == "\"" || tag[i] == "'" {
                let quote = tag[i]
                i = tag.index(after: i)
                let valueStart = i
                while i < tag.endIndex, tag[i] != quote { i = tag.index(after: i) }
                value = String(tag[valueStart..<i])
                if i < tag.endIndex { i = tag.index(after: i) }
            } else {
                let valueStart = i
                while i < tag.endIndex, !" \t\n\r".contains(tag[i]) { i = tag.index(after: i) }
                value = String(tag[valueStart..<i])
            }
            if !name.isEmpty { values[name] = value.trimmingWhitespace() }
        }
    }

    subscript(name: String) -> String? { values[name] }
}

private extension String {
    /// `/saml/` also matches a path that ends in `/saml`.
    var dropLastSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
