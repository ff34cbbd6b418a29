import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// A planning round's inbox: a folder where committees hand in their exports and the board
/// receives them, with a receipt for every file.
///
/// ```
/// DIR/inbox.json         which form and version this round takes, the receipt key's id
/// DIR/allowed.json      who may hand in for each committee (feedback board allow)
/// DIR/form.yaml          a copy of the form definition (the inbox needs nothing else)
/// DIR/README.md          for board staff: what is where, the commands, the shared set-up
/// DIR/receipt-key.pub    the board's public key (PEM): anyone can check a receipt with it
/// DIR/private/           receipt-key.pem, the private signing key (mode 0600, folder 0700)
/// DIR/incoming/          secretaries hand in here; names starting with "." are ignored
/// DIR/accepted/          the archive of accepted exports, never changed or replaced
/// DIR/refused/           refused files, as they came, with the reasons beside them
/// DIR/receipts/          one signed receipt per file handed in
/// ```
public struct Inbox: Sendable {
    public let path: String
    public let form: FormDefinition
    public let manifest: InboxManifest
    public let publicKey: ReceiptPublicKey

    public var incomingFolder: String { path + "/" + InboxLayout.incoming }
    public var acceptedFolder: String { path + "/" + InboxLayout.accepted }
    public var refusedFolder: String { path + "/" + InboxLayout.refused }
    public var receiptsFolder: String { path + "/" + InboxLayout.receipts }
    public var privateFolder: String { path + "/" + InboxLayout.privateFolder }
    public var publicKeyPath: String { path + "/" + InboxLayout.publicKey }
    public var privateKeyPath: String { path + "/" + InboxLayout.privateKey }

    /// Opens an existing inbox: its manifest, its copy of the form and its public key.
    public static func open(_ path: String) throws(BoardError) -> Inbox {
        let store = FileStore()
        let manifestPath = path + "/" + InboxLayout.manifest
        let manifestBytes: [UInt8]
        do { manifestBytes = try store.read(path: manifestPath, limit: 1 << 20) } catch {
            if case .notFound = error.kind {
                throw BoardError(sv: "\(Sanitizer.visible(path)) är ingen inkorg (inbox.json saknas; skapa en med feedback board init)",
                                 en: "\(Sanitizer.visible(path)) is not an inbox (inbox.json is missing; make one with feedback board init)")
            }
            throw BoardError(error)
        }
        let manifest = try InboxManifest(json: manifestBytes, file: manifestPath)
        let formPath = path + "/" + InboxLayout.form
        let formBytes: [UInt8]
        do { formBytes = try store.read(path: formPath, limit: FormReader.maximumSize) } catch { throw BoardError(error) }
        let form = try Inbox.readForm(formBytes, source: formPath)
        guard form.id == manifest.formID, form.version == manifest.formVersion else {
            throw BoardError(sv: "\(Sanitizer.visible(formPath)) är formuläret \(form.id) version \(form.version), men inkorgen är för \(manifest.formID) version \(manifest.formVersion)",
                             en: "\(Sanitizer.visible(formPath)) is form \(form.id) version \(form.version), but the inbox is for \(manifest.formID) version \(manifest.formVersion)")
        }
        let keyPath = path + "/" + InboxLayout.publicKey
        let keyText: [UInt8]
        do { keyText = try store.read(path: keyPath, limit: 64 * 1024) } catch { throw BoardError(error) }
        let key: ReceiptPublicKey
        do { key = try ReceiptPublicKey(pem: String(decoding: keyText, as: UTF8.self)) } catch {
            throw BoardError(sv: "\(Sanitizer.visible(keyPath)): \(error.message.sv)", en: "\(Sanitizer.visible(keyPath)): \(error.message.en)")
        }
        guard key.id == manifest.keyID else {
            throw BoardError(sv: "\(Sanitizer.visible(keyPath)) är inte den nyckel inkorgen skapades med (id \(key.id), inte \(manifest.keyID))",
                             en: "\(Sanitizer.visible(keyPath)) is not the key the inbox was made with (id \(key.id), not \(manifest.keyID))")
        }
        return Inbox(path: path, form: form, manifest: manifest, publicKey: key)
    }

    /// The form from its YAML; the shipped file unchanged reuses the embedded definition.
    static func readForm(_ bytes: [UInt8], source: String) throws(BoardError) -> FormDefinition {
        for (index, file) in EmbeddedForms.files.enumerated() where Array(file.1.utf8) == bytes || Array((file.1 + "\n").utf8) == bytes {
            let embedded = FormCatalog.embedded().forms
            if index < embedded.count { return embedded[index] }
        }
        do { return try FormReader.read(yaml: bytes, source: source) } catch {
            throw BoardError(sv: error.description, en: error.description)
        }
    }

    /// The bytes of a form's definition file (the embedded text for an embedded form).
    public static func definitionBytes(of form: FormDefinition) throws(BoardError) -> [UInt8] {
        if form.source.hasPrefix("embedded:") {
            let name = String(form.source.dropFirst("embedded:".count))
            if let file = EmbeddedForms.files.first(where: { $0.0 == name }) { return Array(file.1.utf8) }
        }
        do { return try FileStore.readLimited(path: form.source, limit: FormReader.maximumSize) } catch { throw BoardError(error) }
    }

    /// The private key for signing receipts (default: `private/receipt-key.pem`). It must be
    /// the pair of the inbox's public key, a regular file, and readable by nobody else.
    public func signingKey(at keyPath: String? = nil) throws(BoardError) -> ReceiptSigningKey {
        let file = keyPath ?? privateKeyPath
        var status = stat()
        guard lstat(file, &status) == 0 else {
            throw BoardError(StoreError(path: file, operation: "read", errno: errno))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw BoardError(sv: "\(Sanitizer.visible(file)) är ingen vanlig fil", en: "\(Sanitizer.visible(file)) is not a regular file")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw BoardError(sv: "\(Sanitizer.visible(file)) kan läsas av andra (läge \(String(status.st_mode & 0o777, radix: 8))); gör chmod 600 först",
                             en: "\(Sanitizer.visible(file)) can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); chmod 600 it first")
        }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: file, limit: 64 * 1024) } catch { throw BoardError(error) }
        let key = try ReceiptSigningKey(pem: String(decoding: bytes, as: UTF8.self))
        guard key.publicKey == publicKey else {
            throw BoardError(sv: "\(Sanitizer.visible(file)) hör inte ihop med inkorgens offentliga nyckel \(publicKey.id)",
                             en: "\(Sanitizer.visible(file)) does not pair with the inbox's public key \(publicKey.id)")
        }
        return key
    }
}

/// The names of an inbox's files and folders.
public enum InboxLayout {
    public static let manifest = "inbox.json"
    /// Who may hand in for each committee (`feedback board allow`).
    public static let allowed = "allowed.json"
    public static let form = "form.yaml"
    public static let readme = "README.md"
    public static let publicKey = "receipt-key.pub"
    public static let privateFolder = "private"
    public static let privateKey = "private/receipt-key.pem"
    public static let receiveLock = "private/receive.lock"
    public static let incoming = "incoming"
    public static let accepted = "accepted"
    public static let refused = "refused"
    public static let receipts = "receipts"
}
