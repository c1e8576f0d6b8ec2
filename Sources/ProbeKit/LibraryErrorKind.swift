import AsyncHTTPClient
import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Words for what kind of failure a library error is, never its text: AsyncHTTPClient's
/// and NIO's descriptions carry their associated values (a rejected header value, that
/// is the reader's token; a certificate's names), and an outcome's reason goes into
/// every report. The kind is what a reader can act on anyway.
enum LibraryErrorKind {
    static func words(for error: any Error) -> String {
        if let error = error as? HTTPClientError { return lowerFirst(error.shortDescription) }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return caseName(of: error) ?? spaced(String(describing: type(of: error)))
    }

    /// The enum case an error is (looking through one-field wrapper structs), in words,
    /// without its associated values.
    private static func caseName(of error: any Error) -> String? {
        var subject: Any = error
        for _ in 0..<3 {
            let mirror = Mirror(reflecting: subject)
            switch mirror.displayStyle {
            case .enum:
                if let label = mirror.children.first?.label { return spaced(label) }
                // A case without associated values has no run-time data to leak.
                return lowerFirst(String(String(describing: subject).prefix(80)))
            case .struct where mirror.children.count == 1:
                subject = mirror.children.first!.value
            default:
                return nil
            }
        }
        return nil
    }

    /// `connectTimeout` → `connect timeout`, `NIOSSLError` → `niossl error`.
    static func spaced(_ name: String) -> String {
        var out = ""
        var previousWasLower = false
        for character in name {
            if character.isUppercase, previousWasLower { out += " " }
            previousWasLower = character.isLowercase || character.isNumber
            out += character.lowercased()
        }
        return out
    }

    private static func lowerFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
