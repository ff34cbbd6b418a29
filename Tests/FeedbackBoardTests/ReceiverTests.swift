import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard
#if canImport(Glibc)
import Glibc
#endif

/// Receiving: what is accepted, what is refused and why, what is kept, and that nothing
/// handed in is ever lost or replaced.
@Suite struct ReceiverTests {
    let form = shippedForm()

    func export(_ committee: String, index: Int, revision: Int = 3, status: String = "beslutad") -> [UInt8] {
        BoardSamples.export(BoardSamples.draft(form, committee: committee, index: index, revision: revision, status: status), form: form)
    }

    @Test func acceptedFilesAreArchivedAndReceipted() throws {
        let box = try BoardTestInbox()
        let bytes = export("hsn", index: 1)
        try box.drop(bytes, as: "hsn.json")
        let batch = try box.receive(clock: BoardTestInbox.clock("2027-04-15T08:00:00Z"))
        #expect(batch.outcomes.count == 1)
        let receipt = try #require(batch.outcomes.first?.receipt)
        #expect(receipt.isAccepted)
        #expect(receipt.onTime)
        #expect(receipt.archivedAs == "accepted/pf-aterkoppling-2028_hsn_r3.json")
        #expect(receipt.handIn.owner == BoardFiles.currentUserName())
        #expect(receipt.handIn.sha256 == ContentDigest.sha256Hex(bytes))
        #expect(box.names("incoming").isEmpty)
        #expect(box.names("receipts") == ["hsn.json"])
        let archived = box.inbox.path + "/" + (receipt.archivedAs ?? "")
        #expect(try FileStore.readLimited(path: archived, limit: 1 << 22) == bytes)
        var status = stat()
        #expect(lstat(archived, &status) == 0 && status.st_mode & 0o777 == 0o444)
        let check = ReceiptFile.verify(try FileStore.readLimited(path: box.inbox.receiptsFolder + "/hsn.json", limit: 1 << 20), key: box.inbox.publicKey)
        #expect(check.isValid)
        #expect(check.receipt == receipt)
    }

    @Test func lateIsAfterMidnightSwedishTimeOnTheDeadline() throws {
        let box = try BoardTestInbox()
        try box.drop(export("hsn", index: 1), as: "a.json")
        let late = try box.receive(clock: BoardTestInbox.clock("2027-04-16T22:00:30Z"))
        #expect(late.outcomes.first?.receipt.onTime == false)
        #expect(late.outcomes.first?.receipt.isAccepted == true)
        try box.drop(export("run", index: 2), as: "b.json")
        let onTime = try box.receive(clock: BoardTestInbox.clock("2027-04-16T21:59:00Z"))
        #expect(onTime.outcomes.first?.receipt.onTime == true)
    }

    @Test func anOlderRevisionAfterANewerIsRefused() throws {
        let box = try BoardTestInbox()
        try box.drop(export("hsn", index: 1, revision: 7), as: "new.json")
        usleep(20_000)
        try box.drop(export("hsn", index: 1, revision: 5), as: "old.json")
        usleep(20_000)
        try box.drop(export("hsn", index: 1, revision: 7), as: "again.json")
        let batch = try box.receive()
        let byFile = Dictionary(uniqueKeysWithValues: batch.outcomes.map { ($0.receipt.handIn.file, $0.receipt) })
        #expect(byFile["new.json"]?.isAccepted == true)
        #expect(byFile["old.json"]?.reasons.map(\.code) == ["notNewer"])
        #expect(byFile["again.json"]?.reasons.map(\.code) == ["alreadyAccepted"])
        #expect(box.names("refused").contains("old.json"))
        #expect(box.names("refused").contains("old.reasons.txt"))
        // A newer but undecided revision does not replace the decided one unless handed in
        // to replace it; then it is accepted, and the status shows it.
        try box.drop(export("hsn", index: 1, revision: 8, status: "klar-for-beslut"), as: "newer.json")
        #expect(try box.receive().outcomes.first?.receipt.reasons.map(\.code) == ["undecidedAfterDecided"])
        try box.drop(export("hsn", index: 1, revision: 8, status: "klar-for-beslut"), as: "newer.replace-1.json")
        #expect(try box.receive().outcomes.first?.receipt.isAccepted == true)
        let status = try RoundStatus.load(box.inbox)
        let hsn = try #require(status.committees.first { $0.committee.id == "hsn" })
        #expect(hsn.accepted?.export.revision == 8)
        #expect(!hsn.isDecided)
        #expect(hsn.handIns == 5)
    }

    @Test func refusedFilesAreKeptAsTheyCameWithTheirReasons() throws {
        let box = try BoardTestInbox()
        let tampered = Array(String(decoding: export("kn", index: 4), as: UTF8.self)
            .replacingOccurrences(of: "om rubrik 2.", with: "om rubrik 2 (ändrad).").utf8)
        try box.drop(tampered, as: "kn export.json")
        let batch = try box.receive()
        let receipt = try #require(batch.outcomes.first?.receipt)
        #expect(!receipt.isAccepted)
        #expect(receipt.reasons.map(\.code) == ["contentHash"])
        #expect(receipt.export.committeeID == "kn")
        #expect(receipt.export.headingsDone == nil)
        #expect(receipt.archivedAs == "refused/kn-export.json")
        #expect(try FileStore.readLimited(path: box.inbox.path + "/refused/kn-export.json", limit: 1 << 22) == tampered)
        let reasons = try String(contentsOfFile: box.inbox.path + "/refused/kn-export.reasons.txt", encoding: .utf8)
        #expect(reasons.contains("SHA-256"))
        let status = try RoundStatus.load(box.inbox)
        #expect(status.committees.first { $0.committee.id == "kn" }?.kind == .refused)
    }

    @Test func theArchiveIsNeverReplaced() throws {
        let box = try BoardTestInbox()
        let squatter = box.inbox.acceptedFolder + "/pf-aterkoppling-2028_hsn_r3.json"
        try Data("inte en export".utf8).write(to: URL(fileURLWithPath: squatter))
        try box.drop(export("hsn", index: 1), as: "hsn.json")
        let receipt = try #require(try box.receive().outcomes.first?.receipt)
        #expect(receipt.archivedAs == "accepted/pf-aterkoppling-2028_hsn_r3-2.json")
        #expect(try String(contentsOfFile: squatter, encoding: .utf8) == "inte en export")
    }

    /// A receive that stopped after writing the receipt but before removing the file: the
    /// next one only finishes the job.
    @Test func aStoppedReceiveIsFinishedWithoutASecondReceipt() throws {
        let box = try BoardTestInbox()
        let bytes = export("pn", index: 3)
        try box.drop(bytes, as: "pn.json")
        _ = try box.receive()
        try box.drop(bytes, as: "pn.json")
        let again = try box.receive()
        #expect(again.outcomes.isEmpty)
        #expect(again.finished == ["pn.json"])
        #expect(box.names("receipts") == ["pn.json"])
        #expect(box.names("incoming").isEmpty)
        // The same bytes under a new name are a new hand-in, refused as already accepted.
        try box.drop(bytes, as: "pn-igen.json")
        #expect(try box.receive().outcomes.first?.receipt.reasons.map(\.code) == ["alreadyAccepted"])
    }

    /// What a hostile neighbour might plant: never followed, never blocks, refused.
    @Test func linksAndFIFOsAreRefusedWithoutBeingRead() throws {
        let box = try BoardTestInbox()
        #expect(symlink("/etc/passwd", box.inbox.incomingFolder + "/link.json") == 0)
        #expect(mkfifo(box.inbox.incomingFolder + "/fifo.json", 0o644) == 0)
        #expect(mkdir(box.inbox.incomingFolder + "/folder.json", 0o755) == 0)
        try box.drop(Array("half".utf8), as: ".pf.json.tmp-1-2")
        let batch = try box.receive()
        #expect(batch.outcomes.map(\.receipt.handIn.file).sorted() == ["fifo.json", "folder.json", "link.json"])
        for outcome in batch.outcomes {
            #expect(outcome.receipt.reasons.map(\.code) == [outcome.receipt.handIn.file == "folder.json" ? "folder" : "notAFile"])
            #expect(outcome.receipt.archivedAs == nil)
        }
        // A folder is answered once and left for a person to remove; the fresh hidden
        // temporary file is not touched.
        #expect(batch.leftAlone.isEmpty)
        #expect(try box.receive().outcomes.isEmpty)
        #expect(box.names("incoming") == [".pf.json.tmp-1-2", "folder.json"])
        #expect(try FileStore.readLimited(path: "/etc/passwd", limit: 1 << 20).count > 0)
    }

    @Test func aReceiptNotSignedByTheBoardDoesNotCount() throws {
        let box = try BoardTestInbox()
        try box.drop(export("hsn", index: 1), as: "hsn.json")
        _ = try box.receive()
        // A receipt written by someone else into receipts/: it neither counts nor hides.
        let other = ReceiptSigningKey.generate()
        var forged = ReceiptTests.sample(keyID: other.publicKey.id)
        forged.export.committeeID = "run"
        try Data(try ReceiptFile.signed(forged, with: other)).write(to: URL(fileURLWithPath: box.inbox.receiptsFolder + "/run.json"))
        let status = try RoundStatus.load(box.inbox)
        #expect(status.committees.first { $0.committee.id == "run" }?.kind == .missing)
        #expect(status.rejectedReceipts.map(\.file) == ["receipts/run.json"])
        #expect(status.text(language: .sv).contains("varning: receipts/run.json räknas inte"))
    }

    /// Verified receipts are remembered by their SHA-256 in private/, so status does not check
    /// every signature again; a receipt changed since is checked, and fails.
    @Test func verifiedReceiptsAreRemembered() throws {
        let box = try BoardTestInbox()
        for (index, committee) in ["hsn", "run", "pn"].enumerated() {
            try box.drop(export(committee, index: index), as: "\(committee).json")
        }
        _ = try box.receive()
        let cachePath = box.inbox.privateFolder + "/verified-receipts"
        let cached = try String(contentsOfFile: cachePath, encoding: .utf8).split(separator: "\n")
        #expect(cached.count == 3)
        var status = stat()
        #expect(lstat(cachePath, &status) == 0 && status.st_mode & 0o777 == 0o600)
        let first = try ReceiptLedger.load(box.inbox)
        try FileManager.default.removeItem(atPath: cachePath)
        let fresh = try ReceiptLedger.load(box.inbox)
        #expect(first.entries.map(\.receipt) == fresh.entries.map(\.receipt))
        #expect(FileManager.default.fileExists(atPath: cachePath))
        // Change one receipt: its bytes are no longer the verified ones.
        let path = box.inbox.receiptsFolder + "/run.json"
        chmod(path, 0o644)
        let changed = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"onTime\": true", with: "\"onTime\": false")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        let after = try ReceiptLedger.load(box.inbox)
        #expect(after.entries.count == 2)
        #expect(after.rejected.map(\.file) == ["receipts/run.json"])
    }

    @Test func theRoundIsCompleteOnlyWhenEveryCommitteeHasDecided() throws {
        let box = try BoardTestInbox()
        for (index, committee) in form.committees.enumerated() {
            try box.drop(export(committee.id, index: index, status: index == 0 ? "klar-for-beslut" : "beslutad"), as: "\(committee.id).json")
        }
        _ = try box.receive()
        var status = try RoundStatus.load(box.inbox)
        #expect(status.summary.received == form.committees.count)
        #expect(status.summary.decided == form.committees.count - 1)
        #expect(!status.isComplete)
        #expect(status.text(language: .sv).contains("klar för beslut"))
        try box.drop(export(form.committees[0].id, index: 0, revision: 4), as: "rs-beslutad.json")
        _ = try box.receive()
        status = try RoundStatus.load(box.inbox)
        #expect(status.isComplete)
        #expect(status.summaryLine(.en).contains("The round is complete"))
    }
}
