import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// `receipt verify` trusts only a pinned key (--key, the board-key setting, the key recorded
/// at hand-in): a receipt re-signed with a key planted beside it is reported as untrusted
/// (exit 3), never as the board's.
@Suite(.serialized) struct PinnedKeyTests {
    let round = BoardRound()
    let now = "2027-04-14T08:00:30Z"

    /// A round with one hand-in received: the receipt's path.
    func receivedReceipt() throws -> String {
        #expect(try feedback(["board", "init", round.inbox], environment: round.environment(now: now)).status == 0)
        let draft = try round.writeDraft(BoardSamples.draft(round.form, committee: "hsn", index: 1, revision: 3), name: "hsn.json")
        let submitted = try feedback(["submit", draft, "--inbox", round.inbox], environment: round.environment(now: now))
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let received = try feedback(["board", "receive", round.inbox], environment: round.environment(now: now))
        #expect(received.status == 0, "\(received.stdout) \(received.stderr)")
        let name = try #require(round.files("receipts").first)
        return round.inbox + "/receipts/" + name
    }

    @Test(.enabled(if: ReceiptScripts.pythonCryptography, "needs python3 with cryptography to forge a receipt"))
    func aReceiptSignedWithAPlantedKeyIsRefused() throws {
        let genuine = try receivedReceipt()
        // Python writes receipts byte for byte as the board does, so the forgery is faithful.
        #expect(try run("/usr/bin/env", ["python3", "-c", ReceiptScripts.pretty, genuine]).status == 0)
        let boardKey = round.folder.file("board.pub")
        try FileManager.default.copyItem(atPath: round.inbox + "/receipt-key.pub", toPath: boardKey)

        // A copy of the inbox's layout, with a forged receipt and the forger's key beside it.
        let fake = round.folder.file("fake")
        try FileManager.default.createDirectory(atPath: fake + "/receipts", withIntermediateDirectories: true)
        let forged = fake + "/receipts/" + FileStore.fileName(of: genuine)
        let forgedRun = try run("/usr/bin/env", ["python3", "-c", ReceiptScripts.forge, genuine, forged, fake + "/receipt-key.pub"])
        #expect(forgedRun.status == 0, "\(forgedRun.stderr)")
        // Another data folder: nothing was handed in from it, so no key is pinned.
        let stranger = ["XDG_DATA_HOME": round.folder.file("stranger")]
        let beside = try feedback(["receipt", "verify", forged], environment: stranger)
        #expect(beside.status == 3, "\(beside.stdout) \(beside.stderr)")
        #expect(beside.stdout.contains("INTE BETRODD"))
        #expect(!beside.stdout.contains("giltig, signerad med styrelsens nyckel"))
        // With the board's key it is plainly not valid.
        let withKey = try feedback(["receipt", "verify", forged, "--key", boardKey], environment: stranger)
        #expect(withKey.status == 1, "\(withKey.stdout)")
        #expect(withKey.stdout.contains("INTE giltig"))
        // The board-key setting pins the key too.
        let setting = try feedback(["receipt", "verify", forged], environment: stranger.merging(["FEEDBACK_BOARD_KEY": boardKey]) { $1 })
        #expect(setting.status == 1, "\(setting.stdout) \(setting.stderr)")
        // The secretary who handed it in has the key pinned at hand-in: not valid, whatever lies beside it.
        let pinned = try feedback(["receipt", "verify", forged], environment: round.environment(now: now))
        #expect(pinned.status == 1, "\(pinned.stdout) \(pinned.stderr)")
        #expect(pinned.stdout.contains("INTE giltig"))

        // The genuine receipt: valid with a pinned key, untrusted with only the key beside it.
        let own = try feedback(["receipt", "verify", genuine], environment: round.environment(now: now))
        #expect(own.status == 0, "\(own.stdout)")
        #expect(own.stdout.contains("nyckeln som sparades vid inlämningen"))
        #expect(try feedback(["receipt", "verify", genuine, "--key", boardKey], environment: stranger).status == 0)
        let unpinned = try feedback(["receipt", "verify", genuine, "--format", "json"], environment: stranger)
        #expect(unpinned.status == 3)
        #expect(unpinned.stdout.contains("\"trusted\": false"))
    }

    /// The signed bytes of a real receipt, rebuilt as docs/handing-in.md says, verify with OpenSSL.
    @Test(.enabled(if: isInstalled("openssl") && isInstalled("python3")))
    func openSSLVerifiesAReceivedReceipt() throws {
        let genuine = try receivedReceipt()
        let split = try run("/usr/bin/env", ["python3", "-c", ReceiptScripts.signedBytes, genuine,
                                             round.folder.file("message"), round.folder.file("signature")])
        #expect(split.status == 0, "\(split.stderr)")
        let verified = try run("/usr/bin/env", ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", round.inbox + "/receipt-key.pub",
                                                "-rawin", "-in", round.folder.file("message"), "-sigfile", round.folder.file("signature")])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    }
}
