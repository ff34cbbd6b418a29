import FeedbackBoard
import FeedbackModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The inbox's `answers/` folder: the board's signed answers, one file per revision, never
/// replaced. The folder gets the owner group and mode of `receipts/`: where the committees'
/// people can read receipts they can read answers, and only the board can write either.
///
/// ```
/// DIR/answers/FORM_COMMITTEE_answerN.json   revision N of the board's answer to COMMITTEE
/// ```
public struct AnswerArchive: Sendable {
    public static let folderName = "answers"
    public let inboxPath: String

    public init(inboxPath: String) {
        self.inboxPath = inboxPath
    }

    public var folder: String { inboxPath + "/" + AnswerArchive.folderName }

    public static func fileName(formID: String, committee: String, revision: Int) -> String {
        "\(formID)_\(committee)_answer\(revision).json"
    }

    /// The revision a file name holds, if it is an answer of `committee` to `formID`.
    public static func revision(of name: String, formID: String, committee: String) -> Int? {
        let prefix = "\(formID)_\(committee)_answer"
        guard name.hasPrefix(prefix), name.hasSuffix(".json") else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(".json".count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n >= 1, String(n) == digits else { return nil }
        return n
    }

    /// The names in answers/ (none when it does not exist yet).
    public func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
    }

    /// The revisions published for a committee, oldest first, with their paths.
    public func revisions(formID: String, committee: String) -> [(revision: Int, path: String)] {
        names().compactMap { name in
            AnswerArchive.revision(of: name, formID: formID, committee: committee).map { ($0, folder + "/" + name) }
        }.sorted { $0.revision < $1.revision }
    }

    /// What a publication wrote.
    public struct Published: Sendable {
        public var answer: BoardAnswer
        public var path: String
        public var bytes: [UInt8]
    }

    /// Signs `answer` as the next revision for its committee and writes it, read-only, without
    /// replacing anything (two boards publishing at once get two revisions).
    public func publish(_ answer: BoardAnswer, form: FormDefinition, key: ReceiptSigningKey, now: Timestamp,
                        by user: String) throws(BoardError) -> Published {
        guard form.committee(id: answer.feedback.committeeID) != nil else {
            throw BoardError(sv: "\(Sanitizer.visible(answer.feedback.committeeID)) är ingen nämnd i formuläret \(form.id)",
                             en: "\(Sanitizer.visible(answer.feedback.committeeID)) is not a committee of the form \(form.id)")
        }
        try makeFolder()
        var next = (revisions(formID: form.id, committee: answer.feedback.committeeID).last?.revision ?? 0) + 1
        let store = FileStore()
        for _ in 0..<1000 {
            var signed = answer
            signed.revision = next
            signed.answeredAt = now
            signed.answeredBy = user
            let bytes = try AnswerFile.signed(signed, form: form, with: key)
            let path = folder + "/" + AnswerArchive.fileName(formID: form.id, committee: answer.feedback.committeeID, revision: next)
            do {
                try store.saveNew(bytes, to: path, newFileMode: 0o444)
                return Published(answer: signed, path: path, bytes: bytes)
            } catch {
                if case .exists = error.kind { next += 1; continue }
                throw BoardError(error)
            }
        }
        throw BoardError(sv: "\(Sanitizer.visible(folder)) har för många svar till \(Sanitizer.visible(answer.feedback.committeeID))",
                         en: "\(Sanitizer.visible(folder)) holds too many answers to \(Sanitizer.visible(answer.feedback.committeeID))")
    }

    /// Creates answers/ like receipts/: the same group and mode (0755 for a personal inbox,
    /// 2750 with the committees' group on a shared server).
    func makeFolder() throws(BoardError) {
        var status = stat()
        if lstat(folder, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw BoardError(sv: "\(Sanitizer.visible(folder)) är ingen mapp", en: "\(Sanitizer.visible(folder)) is not a folder")
            }
            return
        }
        let receipts = inboxPath + "/" + InboxLayout.receipts
        var model = stat()
        guard stat(receipts, &model) == 0 else { throw BoardError(StoreError(path: receipts, operation: "read", errno: errno)) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw BoardError(StoreError(path: folder, operation: "create folder", errno: errno)) }
        if model.st_gid != getegid(), chown(folder, uid_t.max, model.st_gid) != 0 {
            throw BoardError(StoreError(path: folder, operation: "write", errno: errno))
        }
        // chmod after chown: changing the group clears setgid.
        if chmod(folder, model.st_mode & 0o7777) != 0 { throw BoardError(StoreError(path: folder, operation: "write", errno: errno)) }
    }
}
