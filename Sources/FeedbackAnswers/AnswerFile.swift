import FeedbackBoard
import FeedbackModel
import Foundation

/// An answer as a signed file, signed like a receipt with the board's Ed25519 key.
///
/// What is signed: the RFC 8785 (JCS) canonical bytes of the whole answer object as written
/// in the file, *including* the `signature` member with its `algorithm` ("Ed25519") and
/// `keyId`, and leaving out only `signature.value` (the signature itself). So the algorithm
/// and the key named cannot be changed without breaking the signature. The file is the
/// pretty-printed form of that object with `value` added; any changed byte fails `verify`.
public enum AnswerFile {
    /// The largest answer file read (six headings of 12,000 characters and sixty rows are far
    /// below this).
    public static let maximumSize = 4 * 1024 * 1024
    public static let algorithm = "Ed25519"

    /// The bytes covered by the signature of `object` (a signature member without `value`).
    public static func signedBytes(_ object: JSONObject) -> [UInt8] {
        var covered = object
        if case .object(var signature)? = object["signature"] {
            signature["value"] = nil
            covered["signature"] = .object(signature)
        }
        return JSONWriter.canonical(.object(covered))
    }

    /// The signed file's bytes.
    public static func signed(_ answer: BoardAnswer, form: FormDefinition, with key: ReceiptSigningKey) throws(BoardError) -> [UInt8] {
        var object = answer.json(form: form)
        object["signature"] = .object(JSONObject([("algorithm", .string(algorithm)), ("keyId", .string(key.publicKey.id))]))
        let signature = try key.signature(for: signedBytes(object))
        object["signature"] = .object(JSONObject([
            ("algorithm", .string(algorithm)), ("keyId", .string(key.publicKey.id)),
            ("value", .string(Data(signature).base64EncodedString())),
        ]))
        return JSONWriter.pretty(.object(object))
    }

    /// What checking an answer file found.
    public struct Check: Sendable {
        /// The answer, when the file could be read as one (even if it does not verify).
        public var answer: BoardAnswer?
        /// The key id the file names.
        public var keyID: String?
        /// Every reason it does not verify; empty when it does.
        public var problems: [Localized]
        public var isValid: Bool { answer != nil && problems.isEmpty }
    }

    /// Checks an answer file against the board's public key (the one the reader trusts).
    public static func verify(_ bytes: [UInt8], key: ReceiptPublicKey) -> Check {
        guard case .object(let object)? = try? JSONParser.parse(bytes) else {
            return Check(answer: nil, keyID: nil, problems: [Localized(sv: "filen är inte giltig JSON och inget svar", en: "the file is not valid JSON and no answer")])
        }
        var problems: [Localized] = []
        if JSONWriter.pretty(.object(object)) != bytes {
            problems.append(Localized(sv: "filen är inte exakt som styrelsen skrev den (den har ändrats)",
                                      en: "the file is not exactly as the board wrote it (it has been changed)"))
        }
        let answer: BoardAnswer
        do { answer = try BoardAnswer(json: object) } catch {
            return Check(answer: nil, keyID: nil, problems: problems + [Localized(sv: error.line(.sv), en: error.line(.en))])
        }
        guard case .object(let signature)? = object["signature"], signature.keys == ["algorithm", "keyId", "value"],
              signature["algorithm"]?.stringValue == algorithm,
              let keyID = signature["keyId"]?.stringValue, let value = signature["value"]?.stringValue,
              // Only the canonical base64 of 64 bytes: padding bits that decoders ignore must
              // not let a changed character pass.
              let raw = Data(base64Encoded: value), raw.count == 64, raw.base64EncodedString() == value else {
            return Check(answer: answer, keyID: nil, problems: problems + [Localized(sv: "svaret saknar en Ed25519-signatur",
                                                                                     en: "the answer has no Ed25519 signature")])
        }
        if keyID != key.id {
            problems.append(Localized(sv: "svaret är signerat med nyckeln \(Sanitizer.visible(keyID)), inte med den betrodda \(key.id)",
                                      en: "the answer is signed with the key \(Sanitizer.visible(keyID)), not with the trusted \(key.id)"))
        } else if !key.isValidSignature(Array(raw), for: signedBytes(object)) {
            problems.append(Localized(sv: "signaturen stämmer inte: svaret har ändrats eller är inte styrelsens",
                                      en: "the signature does not verify: the answer has been changed or is not the board's"))
        }
        return Check(answer: answer, keyID: keyID, problems: problems)
    }
}
