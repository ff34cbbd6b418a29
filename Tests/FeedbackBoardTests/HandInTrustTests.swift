import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard
#if canImport(Glibc)
import Glibc
#endif

/// The hand-over the board can trust, in process: one save routine for the hand-in, one
/// answer per committee, a file that says who it is, bounded receiving.
@Suite struct HandInTrustTests {
    let form = shippedForm()

    /// The hand-in writes through FileStore's one save routine (and its injectable file
    /// system): a failure reports the call's own errno and leaves nothing behind.
    @Test func theHandInUsesTheOneSaveRoutineAndReportsItsOwnError() throws {
        let folder = TemporaryFolder()
        for (call, code) in [(FaultyFileSystem.Call.rename, EXDEV), (.write, ENOSPC), (.fsync, EIO)] {
            let faulty = FaultyFileSystem()
            faulty.failing = (call, code, 0)
            let path = folder.file("hand-in.json")
            do {
                try BoardFiles.createExclusive([1, 2, 3], at: path, mode: 0o644, sync: true, store: FileStore(fileSystem: faulty))
                Issue.record("\(call) failing did not fail")
            } catch {
                guard case .store(let stored) = error else { Issue.record("\(call): \(error)"); continue }
                #expect(stored.kind == StoreError(path: path, operation: "x", errno: code).kind, "\(call): \(stored.kind)")
            }
            #expect(faulty.calls.contains(call))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(call) left a file")
        }
        // A name that is taken is never replaced.
        try folder.write("taken.json", "mine")
        #expect(throws: BoardFiles.CreateFailure.self) { try BoardFiles.createExclusive([1], at: folder.file("taken.json"), mode: 0o644, sync: false) }
        #expect(try folder.read("taken.json") == "mine")
    }

    func export(_ committee: String, index: Int, revision: Int = 3, status: String = "beslutad") -> [UInt8] {
        BoardSamples.export(BoardSamples.draft(form, committee: committee, index: index, revision: revision, status: status), form: form)
    }

    func codes(_ batch: Receiver.Batch, _ file: String) -> [String]? {
        batch.outcomes.first { $0.receipt.handIn.file == file }?.receipt.reasons.map(\.code)
    }

    /// A committee's answer is one document: a stray second document is refused whatever its
    /// revision (naming the accepted one), and replaces it only when handed in to replace it;
    /// the status shows the replacement and what it replaced.
    @Test func anotherDocumentReplacesTheAnswerOnlyOnPurpose() throws {
        let box = try BoardTestInbox()
        try box.drop(export("kn", index: 1, revision: 3), as: "answer.json")
        _ = try box.receive()
        try box.drop(export("kn", index: 2, revision: 50), as: "stray.json")
        let stray = try box.receive()
        #expect(codes(stray, "stray.json") == ["otherDocument"])
        let message = try #require(stray.outcomes.first?.receipt.reasons.first?.message.sv)
        #expect(message.contains(BoardSamples.documentID(1)))
        #expect(message.contains("feedback submit --replace"))
        var status = try RoundStatus.load(box.inbox)
        var kn = try #require(status.committees.first { $0.committee.id == "kn" })
        #expect(kn.accepted?.export.documentID == BoardSamples.documentID(1))
        // Handed in to replace: accepted, and the status names what it replaced.
        try box.drop(export("kn", index: 2, revision: 4), as: "new" + Submission.replaceMarker + "1.json")
        #expect(codes(try box.receive(), "new" + Submission.replaceMarker + "1.json") == [])
        status = try RoundStatus.load(box.inbox)
        kn = try #require(status.committees.first { $0.committee.id == "kn" })
        #expect(kn.accepted?.export.documentID == BoardSamples.documentID(2))
        #expect(kn.replaced?.export.documentID == BoardSamples.documentID(1))
        #expect(status.line(for: kn, language: .sv).contains("ersätter dokumentet \(BoardSamples.documentID(1)) (r3"))
        // The report says so too.
        let html = ReportHTML(report: try RoundReport.load(box.inbox, now: SampleDrafts.now), language: .sv).render()
        #expect(html.contains("Kulturnämnden: ersätter dokumentet \(BoardSamples.documentID(1))"), "report")
        // Revisions compare within the new document now: the old one's r3 was not "newer" than r4.
        try box.drop(export("kn", index: 2, revision: 5), as: "next.json")
        #expect(codes(try box.receive(), "next.json") == [])
    }

    /// The file says who it is: run's export relabelled as kn (and re-hashed) is refused for
    /// its name; a document accepted for one committee is not taken for another; a committee
    /// name with an escape character is refused.
    @Test func aRelabelledFileIsRefused() throws {
        let box = try BoardTestInbox()
        let run = export("run", index: 3)
        try box.drop(run, as: "run.json")
        _ = try box.receive()
        try box.drop(BoardSamples.rehashed(run) { JSONEdit.set(.string("kn"), at: ["committee", "id"], in: &$0) }, as: "relabelled.json")
        try box.drop(BoardSamples.rehashed(run) { object in
            JSONEdit.set(.string("kn"), at: ["committee", "id"], in: &object)
            JSONEdit.set(.string("Kulturnämnden"), at: ["committee", "name"], in: &object)
            JSONEdit.set(.string("Culture Committee"), at: ["committee", "nameEn"], in: &object)
        }, as: "renamed.json")
        try box.drop(BoardSamples.rehashed(export("pn", index: 4)) { JSONEdit.set(.string("Planeringsnämnden\u{1B}[2J"), at: ["committee", "name"], in: &$0) },
                     as: "escape.json")
        let batch = try box.receive()
        #expect(codes(batch, "relabelled.json")?.contains("committeeName") == true, "\(String(describing: codes(batch, "relabelled.json")))")
        let renamed = codes(batch, "renamed.json") ?? []
        #expect(renamed.contains("documentOfOtherCommittee") || renamed.contains("committeeName"), "\(renamed)")
        #expect(codes(batch, "escape.json")?.contains("controlCharacter") == true)
        // Nothing with an escape character reaches the receipt.
        let escape = try #require(batch.outcomes.first { $0.receipt.handIn.file == "escape.json" })
        #expect(!(escape.receipt.export.committeeName ?? "").unicodeScalars.contains { $0.value == 0x1B })
        let status = try RoundStatus.load(box.inbox)
        #expect(status.committees.first { $0.committee.id == "kn" }?.accepted == nil)
    }

    /// One owner's share of a pass is limited (the rest waits, with a notice naming the
    /// owner); an abandoned hidden name and a name that is not UTF-8 are answered and removed;
    /// of a refused file only the start is kept.
    @Test func receivingIsBoundedAndAnswersEveryEntry() throws {
        let box = try BoardTestInbox()
        for committee in ["hsn", "run", "kn"] { try box.drop(export(committee, index: committee.count), as: "\(committee).json") }
        var limits = Receiver.Limits()
        limits.filesPerOwner = 2
        limits.boardUnlimited = false  // the test runs as the inbox's owner
        let first = try box.receive(limits: limits)
        #expect(first.outcomes.count == 2)
        #expect(first.notices.count == 1)
        #expect(first.notices.first?.sv.contains("root har lämnat in mer än en omgång tar") == true, "\(first.notices)")
        #expect(box.names("incoming").count == 1)
        #expect(try box.receive(limits: limits).outcomes.count == 1)

        try box.drop(Array("not json at all, ".utf8) + [UInt8](repeating: 0x41, count: 5000), as: "garbage.json")
        try box.drop(Array("{}".utf8), as: ".abandoned.json")
        let raw: [UInt8] = Array(box.inbox.incomingFolder.utf8) + Array("/bad-\u{00}".utf8.dropLast()) + [0xFF, 0xFE, 0x2E, 0x6A, 0]
        let fd = raw.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        limits.hiddenGrace = 0
        limits.filesPerOwner = 10
        limits.refusedCopy = 100
        let second = try box.receive(limits: limits)
        #expect(codes(second, ".abandoned.json") == ["hiddenName"])
        #expect(second.outcomes.contains { $0.receipt.reasons.map(\.code) == ["nameNotUTF8"] })
        #expect(box.names("incoming").isEmpty, "\(box.names("incoming"))")
        let kept = try FileStore.readLimited(path: box.inbox.refusedFolder + "/garbage.json", limit: 1 << 20)
        #expect(kept.count == 100)
        #expect(try String(contentsOfFile: box.inbox.refusedFolder + "/garbage.reasons.txt", encoding: .utf8).contains("de första 100 av 5017 byte"))
    }

    /// "senare inlämning avvisad" only for a hand-in that came after the accepted one.
    @Test func anEarlierRefusalIsNotCalledLater() throws {
        let box = try BoardTestInbox()
        // A refusal that names hsn: its text changed after export.
        let tampered = Array(String(decoding: export("hsn", index: 1, revision: 2), as: UTF8.self)
            .replacingOccurrences(of: "om rubrik 2.", with: "om rubrik 2 (ändrad).").utf8)
        try box.drop(tampered, as: "early.json")
        usleep(20_000)
        try box.drop(export("hsn", index: 1, revision: 3), as: "good.json")
        _ = try box.receive()
        let status = try RoundStatus.load(box.inbox)
        let hsn = try #require(status.committees.first { $0.committee.id == "hsn" })
        #expect(hsn.accepted != nil)
        #expect(hsn.latestRefusal == nil, "\(status.line(for: hsn, language: .sv))")
        #expect(!status.line(for: hsn, language: .sv).contains("senare inlämning"))
    }

    /// The status reads the board's summary, not every receipt, once nothing changed: with
    /// 20 000 receipts the second load is fast and says exactly what reading them all says.
    @Test func theStatusReadsTheSummaryNotEveryReceipt() throws {
        let box = try BoardTestInbox()
        try box.drop(export("hsn", index: 1), as: "hsn.json")
        _ = try box.receive()
        let receipt = try FileStore.readLimited(path: box.inbox.receiptsFolder + "/hsn.json", limit: 1 << 20)
        for index in 1...5_000 {
            try Data(receipt).write(to: URL(fileURLWithPath: box.inbox.receiptsFolder + "/copy-\(index).json"))
        }
        let full = try RoundStatus(inbox: box.inbox, ledger: ReceiptLedger.load(box.inbox))
        _ = try RoundStatus.load(box.inbox)  // builds and stores the summary
        let start = DispatchTime.now().uptimeNanoseconds
        let fast = try RoundStatus.load(box.inbox)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        print("HandInTrustTests: status with 5 001 receipts from the summary: \(milliseconds) ms")
        #expect(milliseconds < 200)
        #expect(fast.committees.map(\.handIns) == full.committees.map(\.handIns))
        #expect(fast.committees.first { $0.committee.id == "hsn" }?.handIns == 5_001)
        #expect(fast.text(language: .sv) == full.text(language: .sv))
        // A new receipt makes the summary stale: it is read again.
        try Data(receipt).write(to: URL(fileURLWithPath: box.inbox.receiptsFolder + "/copy-new.json"))
        #expect(try RoundStatus.load(box.inbox).committees.first { $0.committee.id == "hsn" }?.handIns == 5_002)
    }
}
