import Foundation
import Crypto

/// SHA-256 digests as this program writes them (lower-case hex), computed by swift-crypto.
///
/// Named apart from `Crypto.SHA256` so that modules importing both see no ambiguity.
public enum ContentDigest {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256<D: DataProtocol>(_ bytes: D) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
    public static func sha256Hex<D: DataProtocol>(_ bytes: D) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lower-case hex of any bytes.
    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is 64 lower-case hex digits.
    public static func isHexDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
