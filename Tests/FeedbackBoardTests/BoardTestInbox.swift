import Foundation
import TestSupport
import FeedbackModel
@testable import FeedbackBoard

/// A fresh inbox in a temporary folder, with its signing key, for in-process tests.
struct BoardTestInbox {
    let folder = TemporaryFolder()
    let inbox: Inbox
    let key: ReceiptSigningKey
    var form: FormDefinition { inbox.form }

    init(form: FormDefinition = shippedForm()) throws {
        inbox = try InboxSetup.create(at: folder.file("inkorg"), form: form, group: nil, now: SampleDrafts.now)
        key = try inbox.signingKey()
    }

    /// Places bytes in incoming/ the way a person copying a file in would.
    @discardableResult
    func drop(_ bytes: [UInt8], as name: String) throws -> String {
        let path = inbox.incomingFolder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func receive(clock: BoardClock = BoardClock(), limits: Receiver.Limits = Receiver.Limits()) throws -> Receiver.Batch {
        try Receiver(inbox: inbox, key: key, clock: clock).receiveAll(limits: limits)
    }

    func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path + "/" + folder)) ?? []).sorted()
    }

    /// A clock that reads `iso` now.
    static func clock(_ iso: String) -> BoardClock {
        BoardClock(offset: Timestamp(iso: iso)!.secondsSinceEpoch - Int64(Date().timeIntervalSince1970))
    }
}
