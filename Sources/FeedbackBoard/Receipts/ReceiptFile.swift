import FeedbackModel
import Foundation

/// A receipt as a file: the receipt's JSON with a `signature` member (`algorithm`, `keyId`,
/// `value`), `value` being the base64 Ed25519 signature over the RFC 8785 canonical form of
/// the whole file without `signature.value` (see `Receipt.signedBytes`). A receipt verifies only if the file
/// is byte for byte what the board wrote, so any changed byte makes it fail.
public enum ReceiptFile {
    /// The largest receipt file read (a receipt with every finding of a broken draft is
    /// well under this).
    public static let maximumSize = 4 * 1024 * 1024

    /// The signed file's bytes.
    public static func signed(_ receipt: Receipt, with key: ReceiptSigningKey) throws(BoardError) -> [UInt8] {
        var receipt = receipt
        receipt.keyID = key.publicKey.id
        let signature = try key.signature(for: receipt.signedBytes)
        var object = receipt.unsignedJSON
        object["signature"] = .object(JSONObject([
            ("algorithm", .string(Receipt.algorithm)),
            ("keyId", .string(receipt.keyID)),
            ("value", .string(Data(signature).base64EncodedString())),
        ]))
        return JSONWriter.pretty(.object(object))
    }

    /// What checking a receipt found.
    public struct Check: Sendable {
        /// The receipt, when the file could be read as one (even if it does not verify).
        public var receipt: Receipt?
        /// Every reason it does not verify; empty when it does.
        public var problems: [Localized]
        public var isValid: Bool { receipt != nil && problems.isEmpty }
    }

    /// Checks a receipt file against the board's public key. `alreadyVerified`: these exact
    /// bytes were verified before (the ledger's cache), so only read them.
    public static func verify(_ bytes: [UInt8], key: ReceiptPublicKey, alreadyVerified: Bool = false) -> Check {
        guard case .object(var object)? = try? JSONParser.parse(bytes) else {
            return Check(receipt: nil, problems: [Localized(sv: "filen är inte giltig JSON och ingen kvittens",
                                                            en: "the file is not valid JSON and no receipt")])
        }
        var problems: [Localized] = []
        if !alreadyVerified && JSONWriter.pretty(.object(object)) != bytes {
            problems.append(Localized(sv: "filen är inte exakt som styrelsen skrev den (den har ändrats)",
                                      en: "the file is not exactly as the board wrote it (it has been changed)"))
        }
        let signatureValue = object["signature"]
        object["signature"] = nil
        let receipt: Receipt
        do { receipt = try Receipt(json: object, keyID: signatureKeyID(signatureValue) ?? "") } catch {
            return Check(receipt: nil, problems: problems + [error.message])
        }
        guard case .object(let signature)? = signatureValue, signature["algorithm"]?.stringValue == Receipt.algorithm,
              signature.members.count == 3,
              let keyID = signature["keyId"]?.stringValue, let value = signature["value"]?.stringValue,
              // Only the canonical base64 of 64 bytes: padding bits that decoders ignore must
              // not let a changed character pass.
              let raw = Data(base64Encoded: value), raw.count == 64, raw.base64EncodedString() == value else {
            return Check(receipt: receipt, problems: problems + [Localized(sv: "kvittensen saknar en Ed25519-signatur",
                                                                           en: "the receipt has no Ed25519 signature")])
        }
        if alreadyVerified && keyID == key.id { return Check(receipt: receipt, problems: problems) }
        if keyID != key.id {
            problems.append(Localized(sv: "kvittensen är signerad med nyckeln \(Sanitizer.visible(keyID)), inte med \(key.id)",
                                      en: "the receipt is signed with the key \(Sanitizer.visible(keyID)), not with \(key.id)"))
        } else if !key.isValidSignature(Array(raw), for: receipt.signedBytes) {
            problems.append(Localized(sv: "signaturen stämmer inte: kvittensen har ändrats eller är inte styrelsens",
                                      en: "the signature does not verify: the receipt has been changed or is not the board's"))
        }
        return Check(receipt: receipt, problems: problems)
    }

    /// The receipt a file holds, read without checking its signature (to find which pinned
    /// key should check it); nil when it is no receipt.
    public static func unverifiedReceipt(_ bytes: [UInt8]) -> Receipt? {
        guard case .object(var object)? = try? JSONParser.parse(bytes) else { return nil }
        let keyID = signatureKeyID(object["signature"]) ?? ""
        object["signature"] = nil
        return try? Receipt(json: object, keyID: keyID)
    }

    private static func signatureKeyID(_ value: JSONValue?) -> String? {
        guard case .object(let signature)? = value else { return nil }
        return signature["keyId"]?.stringValue
    }

    /// Whether `export` is the file the receipt was given for, with the reasons if not.
    public static func matches(_ receipt: Receipt, export bytes: [UInt8]) -> [Localized] {
        let sha = ContentDigest.sha256Hex(bytes)
        guard sha == receipt.handIn.sha256 else {
            return [Localized(sv: "exportfilen är inte den som lämnades in (SHA-256 \(sha), kvittensen gäller \(receipt.handIn.sha256))",
                              en: "the export file is not the one handed in (SHA-256 \(sha), the receipt is for \(receipt.handIn.sha256))")]
        }
        return []
    }
}
