import Foundation
import Crypto

/// The SHA-256 of a runbook's bytes in lowercase hex, so a report names the exact text
/// that was drilled. swift-crypto computes it; only the hex spelling is ours.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
}
