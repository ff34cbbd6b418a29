import FeedbackModel

/// `inbox.json`: which form and version the inbox takes and which key signs its receipts.
public struct InboxManifest: Sendable, Equatable {
    public static let format = "feedback-inbox"
    public static let formatVersion = 1

    public var formID: String
    public var formVersion: Int
    public var created: Timestamp
    /// The id of the receipt key (see `ReceiptPublicKey.id`).
    public var keyID: String
    /// The group that may hand in on a shared server, if the inbox was set up for one.
    public var group: String?

    public init(formID: String, formVersion: Int, created: Timestamp, keyID: String, group: String?) {
        self.formID = formID
        self.formVersion = formVersion
        self.created = created
        self.keyID = keyID
        self.group = group
    }

    public var json: JSONValue {
        .object(JSONObject([
            ("format", .string(InboxManifest.format)),
            ("formatVersion", .integer(InboxManifest.formatVersion)),
            ("form", .object(JSONObject([("id", .string(formID)), ("version", .integer(formVersion))]))),
            ("created", .string(created.description)),
            ("receiptKey", .object(JSONObject([("algorithm", .string("Ed25519")), ("id", .string(keyID)),
                                               ("file", .string(InboxLayout.publicKey))]))),
            ("group", group.map { .string($0) } ?? .null),
        ]))
    }

    init(json bytes: [UInt8], file: String) throws(BoardError) {
        func broken(_ what: String) -> BoardError {
            BoardError(sv: "\(Sanitizer.visible(file)): inkorgens beskrivning är trasig (\(what))",
                       en: "\(Sanitizer.visible(file)): the inbox description is broken (\(what))")
        }
        guard case .object(let o)? = try? JSONParser.parse(bytes) else { throw broken("JSON") }
        guard o["format"]?.stringValue == InboxManifest.format else { throw broken("format") }
        guard o["formatVersion"]?.intValue == InboxManifest.formatVersion else { throw broken("formatVersion") }
        guard case .object(let form)? = o["form"], let id = form["id"]?.stringValue, let version = form["version"]?.intValue else {
            throw broken("form")
        }
        guard let createdText = o["created"]?.stringValue, let created = Timestamp(iso: createdText) else { throw broken("created") }
        guard case .object(let key)? = o["receiptKey"], key["algorithm"]?.stringValue == "Ed25519",
              let keyID = key["id"]?.stringValue else { throw broken("receiptKey") }
        self.init(formID: id, formVersion: version, created: created, keyID: keyID, group: o["group"]?.stringValue)
    }
}
