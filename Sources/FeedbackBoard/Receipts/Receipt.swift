import FeedbackModel

/// A receipt ("kvittens"): what the board received, when, from whom, and whether it was
/// accepted, signed by the board so that the committee can prove it.
public struct Receipt: Sendable, Equatable {
    public static let format = "feedback-receipt"
    /// 2: the signature covers its own `algorithm` and `keyId` (version 1's did not, so a
    /// version-1 receipt is not accepted).
    public static let formatVersion = 2
    /// The only signature algorithm.
    public static let algorithm = "Ed25519"

    public enum Decision: String, Sendable, Equatable {
        case accepted, refused
    }

    /// The file as it was handed in.
    public struct HandIn: Sendable, Equatable {
        /// Its name in incoming/.
        public var file: String
        /// SHA-256 of the exact bytes received.
        public var sha256: String
        public var size: Int
        /// Who handed it in: the file's owner.
        public var owner: String
        public var ownerID: UInt32
        /// When it was placed in incoming/.
        public var handedInAt: Timestamp
    }

    /// What the file says of itself (nil where it could not be read); for an accepted
    /// file, all of it checked.
    public struct ExportFacts: Sendable, Equatable {
        public var committeeID: String?
        public var committeeName: String?
        public var documentID: String?
        public var revision: Int?
        public var contentSha256: String?
        /// `utkast`, `klar-for-beslut` or `beslutad`.
        public var status: String?
        public var exportedAt: Timestamp?
        /// Headings with nothing left to do (no findings; content, or nothing required).
        public var headingsDone: Int?
        public var headings: Int?
        public var warnings: Int?

        public init() {}
    }

    /// Why a file was refused.
    public struct Reason: Sendable, Equatable {
        public var code: String
        public var pointer: String
        public var message: Localized

        public init(code: String, pointer: String, message: Localized) {
            self.code = code
            self.pointer = pointer
            self.message = message
        }
    }

    public var formID: String
    public var formVersion: Int
    public var handIn: HandIn
    public var receivedAt: Timestamp
    public var deadline: SimpleDate
    public var onTime: Bool
    public var decision: Decision
    public var reasons: [Reason]
    public var export: ExportFacts
    /// Where the file was put, relative to the inbox (`accepted/…`, `refused/…`), nil when
    /// nothing could be kept (not a regular file, too large).
    public var archivedAs: String?
    /// The id of the key that signs (and so must verify) this receipt.
    public var keyID: String

    public var isAccepted: Bool { decision == .accepted }

    /// Whether `facts` state the same content as this receipt's export.
    func contentSha256Matches(_ facts: ExportFacts) -> Bool { export.contentSha256 == facts.contentSha256 }

    // MARK: - JSON

    /// Everything the signature covers, in the order it is written.
    public var unsignedJSON: JSONObject {
        var o = JSONObject()
        o["format"] = .string(Receipt.format)
        o["formatVersion"] = .integer(Receipt.formatVersion)
        o["form"] = .object(JSONObject([("id", .string(formID)), ("version", .integer(formVersion))]))
        o["decision"] = .string(decision.rawValue)
        o["committee"] = export.committeeID.map { .string($0) } ?? .null
        o["revision"] = export.revision.map { .integer($0) } ?? .null
        o["receivedAt"] = .string(receivedAt.description)
        o["deadline"] = .string(deadline.description)
        o["onTime"] = .bool(onTime)
        o["handIn"] = .object(JSONObject([
            ("file", .string(handIn.file)), ("sha256", .string(handIn.sha256)), ("size", .integer(handIn.size)),
            ("owner", .string(handIn.owner)), ("ownerId", .integer(Int(handIn.ownerID))),
            ("handedInAt", .string(handIn.handedInAt.description)),
        ]))
        o["export"] = .object(JSONObject([
            ("committeeName", export.committeeName.map { .string($0) } ?? .null),
            ("documentId", export.documentID.map { .string($0) } ?? .null),
            ("contentSha256", export.contentSha256.map { .string($0) } ?? .null),
            ("status", export.status.map { .string($0) } ?? .null),
            ("exportedAt", export.exportedAt.map { .string($0.description) } ?? .null),
            ("headingsDone", export.headingsDone.map { .integer($0) } ?? .null),
            ("headings", export.headings.map { .integer($0) } ?? .null),
            ("warnings", export.warnings.map { .integer($0) } ?? .null),
        ]))
        o["reasons"] = .array(reasons.map { reason in
            .object(JSONObject([("code", .string(reason.code)), ("pointer", .string(reason.pointer)),
                                ("message", .object(JSONObject([("sv", .string(reason.message.sv)), ("en", .string(reason.message.en))])))]))
        })
        o["archivedAs"] = archivedAs.map { .string($0) } ?? .null
        return o
    }

    /// The receipt as signed: every member of the file but the signature's `value`, i.e.
    /// `unsignedJSON` with `"signature": {"algorithm": "Ed25519", "keyId": keyID}`.
    public var signedJSON: JSONObject {
        var o = unsignedJSON
        o["signature"] = .object(JSONObject([("algorithm", .string(Receipt.algorithm)), ("keyId", .string(keyID))]))
        return o
    }

    /// The bytes the signature is made over: the RFC 8785 canonical JSON of `signedJSON`
    /// (the whole receipt file without `signature.value`, so its key id and algorithm are
    /// covered). docs/handing-in.md shows how to rebuild them and check them with OpenSSL.
    public var signedBytes: [UInt8] { JSONWriter.canonical(.object(signedJSON)) }

    /// Reads the members written by `unsignedJSON` (the signature is checked elsewhere).
    init(json o: JSONObject, keyID: String) throws(BoardError) {
        func broken(_ member: String) -> BoardError {
            BoardError(sv: "kvittensen är trasig (\(member))", en: "the receipt is broken (\(member))")
        }
        func time(_ value: JSONValue?, _ member: String) throws(BoardError) -> Timestamp {
            guard let text = value?.stringValue, let t = Timestamp(iso: text) else { throw broken(member) }
            return t
        }
        func optionalString(_ value: JSONValue?, _ member: String) throws(BoardError) -> String? {
            switch value {
            case .null?: return nil
            case .string(let s)?: return s
            default: throw broken(member)
            }
        }
        func optionalInt(_ value: JSONValue?, _ member: String) throws(BoardError) -> Int? {
            switch value {
            case .null?: return nil
            case .number?: if let n = value?.intValue { return n } else { throw broken(member) }
            default: throw broken(member)
            }
        }
        guard o["format"]?.stringValue == Receipt.format else {
            throw BoardError(sv: "filen är ingen kvittens från feedback", en: "the file is not a receipt from feedback")
        }
        guard o["formatVersion"]?.intValue == Receipt.formatVersion else { throw broken("formatVersion") }
        guard case .object(let form)? = o["form"], let formID = form["id"]?.stringValue, let formVersion = form["version"]?.intValue else {
            throw broken("form")
        }
        guard let decisionText = o["decision"]?.stringValue, let decision = Decision(rawValue: decisionText) else { throw broken("decision") }
        guard let deadlineText = o["deadline"]?.stringValue, let deadline = SimpleDate(iso: deadlineText) else { throw broken("deadline") }
        guard case .bool(let onTime)? = o["onTime"] else { throw broken("onTime") }
        guard case .object(let h)? = o["handIn"], let file = h["file"]?.stringValue, let sha = h["sha256"]?.stringValue,
              let size = h["size"]?.intValue, let owner = h["owner"]?.stringValue,
              let ownerID = h["ownerId"]?.intValue.flatMap({ UInt32(exactly: $0) }) else { throw broken("handIn") }
        let handIn = HandIn(file: file, sha256: sha, size: size, owner: owner, ownerID: ownerID,
                            handedInAt: try time(h["handedInAt"], "handIn.handedInAt"))
        guard case .object(let e)? = o["export"] else { throw broken("export") }
        var facts = ExportFacts()
        facts.committeeID = try optionalString(o["committee"], "committee")
        facts.revision = try optionalInt(o["revision"], "revision")
        facts.committeeName = try optionalString(e["committeeName"], "export.committeeName")
        facts.documentID = try optionalString(e["documentId"], "export.documentId")
        facts.contentSha256 = try optionalString(e["contentSha256"], "export.contentSha256")
        facts.status = try optionalString(e["status"], "export.status")
        if let text = try optionalString(e["exportedAt"], "export.exportedAt") {
            guard let t = Timestamp(iso: text) else { throw broken("export.exportedAt") }
            facts.exportedAt = t
        }
        facts.headingsDone = try optionalInt(e["headingsDone"], "export.headingsDone")
        facts.headings = try optionalInt(e["headings"], "export.headings")
        facts.warnings = try optionalInt(e["warnings"], "export.warnings")
        guard case .array(let reasonValues)? = o["reasons"] else { throw broken("reasons") }
        var reasons: [Reason] = []
        for value in reasonValues {
            guard case .object(let r) = value, let code = r["code"]?.stringValue, let pointer = r["pointer"]?.stringValue,
                  case .object(let m)? = r["message"], let sv = m["sv"]?.stringValue, let en = m["en"]?.stringValue else {
                throw broken("reasons")
            }
            reasons.append(Reason(code: code, pointer: pointer, message: Localized(sv: sv, en: en)))
        }
        self.init(formID: formID, formVersion: formVersion, handIn: handIn, receivedAt: try time(o["receivedAt"], "receivedAt"),
                  deadline: deadline, onTime: onTime, decision: decision, reasons: reasons, export: facts,
                  archivedAs: try optionalString(o["archivedAs"], "archivedAs"), keyID: keyID)
    }

    public init(formID: String, formVersion: Int, handIn: HandIn, receivedAt: Timestamp, deadline: SimpleDate, onTime: Bool,
                decision: Decision, reasons: [Reason], export: ExportFacts, archivedAs: String?, keyID: String) {
        self.formID = formID
        self.formVersion = formVersion
        self.handIn = handIn
        self.receivedAt = receivedAt
        self.deadline = deadline
        self.onTime = onTime
        self.decision = decision
        self.reasons = reasons
        self.export = export
        self.archivedAs = archivedAs
        self.keyID = keyID
    }
}
