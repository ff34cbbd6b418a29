import Crypto
import FeedbackModel
import Foundation

/// The board's private key for signing receipts (Ed25519), kept as PKCS#8 PEM so that
/// standard tools (OpenSSL, Python's cryptography) can use it too.
public struct ReceiptSigningKey: Sendable {
    /// The 32-byte seed (swift-crypto's key types are not `Sendable`; the key is rebuilt
    /// from these bytes when it signs).
    let raw: [UInt8]

    var key: Curve25519.Signing.PrivateKey {
        // The bytes were checked when the value was made.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) ?? Curve25519.Signing.PrivateKey()
    }

    /// A new random key.
    public static func generate() -> ReceiptSigningKey {
        ReceiptSigningKey(raw: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    init(raw: [UInt8]) {
        self.raw = raw
    }

    /// Reads `-----BEGIN PRIVATE KEY-----` (PKCS#8, RFC 8410).
    public init(pem: String) throws(BoardError) {
        let der = try PEM.decode(pem, label: "PRIVATE KEY")
        guard der.count == PEM.pkcs8Prefix.count + 32, Array(der.prefix(PEM.pkcs8Prefix.count)) == PEM.pkcs8Prefix,
              (try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))) != nil else {
            throw BoardError(sv: "nyckeln är ingen Ed25519-nyckel i PKCS#8-format", en: "the key is not an Ed25519 key in PKCS#8 form")
        }
        self.raw = Array(der.suffix(32))
    }

    public var pem: String { PEM.encode(PEM.pkcs8Prefix + raw, label: "PRIVATE KEY") }

    public var publicKey: ReceiptPublicKey { ReceiptPublicKey(raw: Array(key.publicKey.rawRepresentation)) }

    /// The 64-byte Ed25519 signature of `message`.
    public func signature(for message: [UInt8]) throws(BoardError) -> [UInt8] {
        do { return Array(try key.signature(for: message)) } catch {
            throw BoardError(sv: "kvittensen kunde inte signeras", en: "the receipt could not be signed")
        }
    }
}

/// The board's public key: what anyone checks a receipt with.
public struct ReceiptPublicKey: Sendable, Equatable {
    /// The 32 raw bytes of the key.
    let raw: [UInt8]

    init(raw: [UInt8]) {
        self.raw = raw
    }

    /// Reads `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo, RFC 8410).
    public init(pem: String) throws(BoardError) {
        let der = try PEM.decode(pem, label: "PUBLIC KEY")
        guard der.count == PEM.spkiPrefix.count + 32, Array(der.prefix(PEM.spkiPrefix.count)) == PEM.spkiPrefix,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))) != nil else {
            throw BoardError(sv: "nyckeln är ingen offentlig Ed25519-nyckel", en: "the key is not an Ed25519 public key")
        }
        self.raw = Array(der.suffix(32))
    }

    public var pem: String { PEM.encode(PEM.spkiPrefix + raw, label: "PUBLIC KEY") }

    /// The first 16 hex digits of the SHA-256 of the raw key: names the key in receipts.
    public var id: String { String(ContentDigest.sha256Hex(raw).prefix(16)) }

    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

/// PEM armour for the two fixed DER forms of Ed25519 keys.
enum PEM {
    /// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }
    static let pkcs8Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70,
                                       0x04, 0x22, 0x04, 0x20]
    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32) }
    static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    static func encode(_ der: [UInt8], label: String) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    static func decode(_ text: String, label: String) throws(BoardError) -> [UInt8] {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end), start.upperBound <= stop.lowerBound else {
            throw BoardError(sv: "filen innehåller ingen \(label) i PEM-format", en: "the file holds no \(label) in PEM form")
        }
        let body = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(body)) else {
            throw BoardError(sv: "nyckelns base64 är trasig", en: "the key's base64 is broken")
        }
        return Array(data)
    }
}
