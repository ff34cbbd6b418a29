import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard
#if canImport(Glibc)
import Glibc
#endif

/// Handing in, and the secretary's view of the receipt afterwards.
@Suite struct SubmissionTests {
    let form = shippedForm()

    @Test func aHandInIsOneCompleteFileAndARecord() throws {
        let box = try BoardTestInbox()
        let data = TemporaryFolder()
        let draft = BoardSamples.draft(form, committee: "run", index: 2, revision: 4)
        let outcome = try Submission(inbox: box.inbox, dataFolder: data.path).submit(draft, exportedAt: SampleDrafts.now)
        let path = try #require(outcome.handedInPath)
        // Only the file itself: no temporary name left behind.
        #expect(box.names("incoming") == [FileStore.fileName(of: path)])
        #expect(FileStore.fileName(of: path).hasPrefix("pf-aterkoppling-2028_run_r4-"))
        var status = stat()
        #expect(lstat(path, &status) == 0 && status.st_mode & 0o777 == 0o644)
        #expect(try FileStore.readLimited(path: path, limit: 1 << 22) == BoardSamples.export(draft, form: form))
        #expect(outcome.expectedReceiptPath == box.inbox.receiptsFolder + "/" + FileStore.fileName(of: path))
        let index = ReceiptIndex(dataFolder: data.path)
        #expect(index.records().count == 1)
        let waiting = try #require(index.summary(forDocument: draft.documentID))
        #expect(waiting.state == .waiting)
        #expect(waiting.line(.sv).hasSuffix("väntar på kvittens"))

        _ = try box.receive(clock: BoardTestInbox.clock("2027-04-15T08:02:00Z"))
        let accepted = try #require(index.summary(forDocument: draft.documentID))
        #expect(accepted.state == .accepted)
        #expect(accepted.line(.sv) == "kvitterad 2027-04-15 10:02")
        #expect(accepted.line(.en) == "receipted 2027-04-15 10:02")
        #expect(index.summary(forContent: outcome.contentSha256)?.state == .accepted)
        #expect(index.summary(forDocument: "no such document") == nil)

        // Handing in the same content again hands in nothing.
        let again = try Submission(inbox: box.inbox, dataFolder: data.path).submit(draft, exportedAt: SampleDrafts.now)
        #expect(again.alreadyAccepted != nil)
        #expect(again.handedInPath == nil)
        #expect(box.names("incoming").isEmpty)
    }

    @Test func aRefusalShowsWhy() throws {
        let box = try BoardTestInbox()
        let data = TemporaryFolder()
        let submission = Submission(inbox: box.inbox, dataFolder: data.path)
        _ = try submission.submit(BoardSamples.draft(form, committee: "kn", index: 4, revision: 6), exportedAt: SampleDrafts.now)
        _ = try box.receive()
        let older = BoardSamples.draft(form, committee: "kn", index: 4, revision: 5)
        _ = try submission.submit(older, exportedAt: SampleDrafts.now)
        _ = try box.receive(clock: BoardTestInbox.clock("2027-04-17T07:00:00Z"))
        let summary = try #require(ReceiptIndex(dataFolder: data.path).summary(forDocument: older.documentID))
        #expect(summary.state == .refused)
        #expect(summary.record.revision == 5)
        #expect(summary.line(.sv).hasPrefix("avvisad 2027-04-17 09:00: revision 5 är inte nyare än den redan godkända revision 6"))
    }

    @Test func aChangedReceiptIsNotTrusted() throws {
        let box = try BoardTestInbox()
        let data = TemporaryFolder()
        let draft = BoardSamples.draft(form, committee: "pn", index: 3)
        let outcome = try Submission(inbox: box.inbox, dataFolder: data.path).submit(draft, exportedAt: SampleDrafts.now)
        _ = try box.receive()
        let receiptPath = try #require(outcome.expectedReceiptPath)
        var bytes = try FileStore.readLimited(path: receiptPath, limit: 1 << 20)
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"onTime\": true", with: "\"onTime\": false")
        bytes = Array(text.utf8)
        chmod(receiptPath, 0o644)
        try Data(bytes).write(to: URL(fileURLWithPath: receiptPath))
        let summary = try #require(ReceiptIndex(dataFolder: data.path).summary(forDocument: draft.documentID))
        #expect(summary.state == .unverified)
        #expect(summary.line(.sv).hasPrefix("kvittensen kan inte godtas: signaturen stämmer inte"))
    }

    @Test func errorsAndOtherFormsHandInNothing() throws {
        let box = try BoardTestInbox()
        var broken = BoardSamples.draft(form, committee: "tn", index: 5)
        broken.metadata["contactEmail"] = .text("inte en adress")
        let submission = Submission(inbox: box.inbox, dataFolder: nil)
        #expect {
            _ = try submission.submit(broken, exportedAt: SampleDrafts.now)
        } throws: { error in
            guard case .findings(let findings)? = error as? Submission.Failure else { return false }
            return findings.contains { $0.code == "pattern" }
        }
        var other = BoardSamples.draft(form, committee: "tn", index: 5)
        other.formVersion = 2
        #expect {
            _ = try submission.submit(other, exportedAt: SampleDrafts.now)
        } throws: { error in
            guard case .otherForm(let message)? = error as? Submission.Failure else { return false }
            return message.sv.contains("ingenting lämnades in")
        }
        #expect(box.names("incoming").isEmpty)
    }
}
