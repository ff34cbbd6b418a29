import FeedbackModel
import Foundation

/// The round's form for a secretary whose `inbox` setting names the board's inbox: the copy
/// of the form in the inbox, read as a form file and trusted only when the inbox's owner
/// owns it and no one else may write it (a hand-in folder is shared; the form must not be).
public enum RoundForm {
    public static func read(inbox path: String) throws(BoardError) -> FormDefinition {
        let formPath = path + "/" + InboxLayout.form
        var folder = stat(), file = stat()
        guard stat(path, &folder) == 0, lstat(formPath, &file) == 0 else {
            throw BoardError(sv: "\(Sanitizer.visible(formPath)) kan inte läsas (ingen inkorg?)",
                             en: "\(Sanitizer.visible(formPath)) cannot be read (no inbox?)")
        }
        guard (file.st_mode & S_IFMT) == S_IFREG else {
            throw BoardError(sv: "\(Sanitizer.visible(formPath)) är ingen vanlig fil", en: "\(Sanitizer.visible(formPath)) is not a regular file")
        }
        guard file.st_uid == folder.st_uid, file.st_mode & 0o022 == 0 else {
            throw BoardError(sv: "\(Sanitizer.visible(formPath)) ägs inte av inkorgens ägare eller får skrivas av andra; formuläret används inte",
                             en: "\(Sanitizer.visible(formPath)) is not owned by the inbox's owner or may be written by others; the form is not used")
        }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: formPath, limit: FormReader.maximumSize) } catch { throw BoardError(error) }
        return try Inbox.readForm(bytes, source: formPath)
    }
}
