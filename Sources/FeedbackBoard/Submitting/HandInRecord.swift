import FeedbackModel

/// The secretary's own note of a hand-in, kept in the data folder (`hand-ins/`), so that
/// the program can later find the receipt and check it with the key the inbox had then.
public struct HandInRecord: Sendable, Equatable {
    public static let format = "feedback-hand-in"
    public static let folderName = "hand-ins"

    /// The inbox's absolute path.
    public var inbox: String
    /// The file's name in incoming/.
    public var file: String
    public var documentID: String
    public var revision: Int
    public var committeeID: String
    public var contentSha256: String
    /// SHA-256 of the exact bytes handed in (what the receipt names).
    public var fileSha256: String
    public var handedInAt: Timestamp
    /// Orders hand-ins made within one second (nanoseconds of the system clock).
    public var order: Int64
    /// The receipt key's id when the file was handed in: a receipt signed with another key
    /// does not count.
    public var keyID: String
    /// The inbox's public key (PEM) when the file was handed in: pinned, so that a key
    /// placed beside a receipt later is never what checks it (nil in records written before
    /// keys were pinned).
    public var publicKeyPEM: String?

    /// The pinned key, if the record holds one that reads and has the recorded id.
    public var pinnedKey: ReceiptPublicKey? {
        guard let publicKeyPEM, let key = try? ReceiptPublicKey(pem: publicKeyPEM), key.id == keyID else { return nil }
        return key
    }

    /// Where the board writes this hand-in's receipt.
    public var receiptPath: String { inbox + "/" + InboxLayout.receipts + "/" + Arrival.safeStem(file) + ".json" }

    var json: JSONValue {
        .object(JSONObject([
            ("format", .string(HandInRecord.format)), ("formatVersion", .integer(1)),
            ("inbox", .string(inbox)), ("file", .string(file)), ("documentId", .string(documentID)),
            ("revision", .integer(revision)), ("committee", .string(committeeID)),
            ("contentSha256", .string(contentSha256)), ("fileSha256", .string(fileSha256)),
            ("handedInAt", .string(handedInAt.description)), ("order", .integer(Int(order))), ("keyId", .string(keyID)),
            ("publicKey", publicKeyPEM.map { .string($0) } ?? .null),
        ]))
    }

    init(inbox: String, file: String, documentID: String, revision: Int, committeeID: String, contentSha256: String,
         fileSha256: String, handedInAt: Timestamp, order: Int64, keyID: String, publicKeyPEM: String?) {
        self.inbox = inbox
        self.file = file
        self.documentID = documentID
        self.revision = revision
        self.committeeID = committeeID
        self.contentSha256 = contentSha256
        self.fileSha256 = fileSha256
        self.handedInAt = handedInAt
        self.order = order
        self.keyID = keyID
        self.publicKeyPEM = publicKeyPEM
    }

    init?(json bytes: [UInt8]) {
        guard case .object(let o)? = try? JSONParser.parse(bytes), o["format"]?.stringValue == HandInRecord.format,
              let inbox = o["inbox"]?.stringValue, let file = o["file"]?.stringValue,
              let documentID = o["documentId"]?.stringValue, let revision = o["revision"]?.intValue,
              let committee = o["committee"]?.stringValue, let content = o["contentSha256"]?.stringValue,
              let fileSha = o["fileSha256"]?.stringValue, let time = o["handedInAt"]?.stringValue.flatMap({ Timestamp(iso: $0) }),
              let keyID = o["keyId"]?.stringValue else { return nil }
        self.init(inbox: inbox, file: file, documentID: documentID, revision: revision, committeeID: committee,
                  contentSha256: content, fileSha256: fileSha, handedInAt: time,
                  order: Int64(o["order"]?.intValue ?? 0), keyID: keyID, publicKeyPEM: o["publicKey"]?.stringValue)
    }

    /// Writes the record to `dataFolder/hand-ins/` (private: 0700 folder, 0600 file).
    func save(in dataFolder: String) throws(StoreError) -> String {
        let folder = dataFolder + "/" + HandInRecord.folderName
        try FileStore().makeDirectory(folder, mode: 0o700)
        let stem = Arrival.safeStem("\(documentID)_r\(revision)_\(file)")
        return try BoardFiles.createUnique(JSONWriter.pretty(json), folder: folder, stem: stem, ext: ".json", mode: 0o600, sync: true)
    }
}
