import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard

/// Receipts: signed over their canonical form, and any changed byte makes them fail.
@Suite struct ReceiptTests {
    static func sample(keyID: String) -> Receipt {
        var facts = Receipt.ExportFacts()
        facts.committeeID = "hsn"
        facts.committeeName = "Hälso- och sjukvårdsnämnden"
        facts.documentID = BoardSamples.documentID(1)
        facts.revision = 7
        facts.contentSha256 = String(repeating: "ab", count: 32)
        facts.status = "beslutad"
        facts.exportedAt = Timestamp(iso: "2027-04-15T07:58:00Z")
        facts.headingsDone = 6
        facts.headings = 6
        facts.warnings = 0
        return Receipt(formID: "pf-aterkoppling-2028", formVersion: 1,
                       handIn: Receipt.HandIn(file: "pf-aterkoppling-2028_hsn_r7-0a1b2c3d.json", sha256: String(repeating: "cd", count: 32),
                                              size: 16_619, owner: "karin", ownerID: 1001, handedInAt: Timestamp(iso: "2027-04-15T08:00:00Z")!),
                       receivedAt: Timestamp(iso: "2027-04-15T08:02:00Z")!, deadline: SimpleDate(year: 2027, month: 4, day: 16)!,
                       onTime: true, decision: .accepted, reasons: [], export: facts,
                       archivedAs: "accepted/pf-aterkoppling-2028_hsn_r7.json", keyID: keyID)
    }

    @Test func aSignedReceiptVerifiesAndReadsBack() throws {
        let key = ReceiptSigningKey.generate()
        let receipt = Self.sample(keyID: key.publicKey.id)
        let bytes = try ReceiptFile.signed(receipt, with: key)
        let check = ReceiptFile.verify(bytes, key: key.publicKey)
        #expect(check.isValid, "\(check.problems)")
        #expect(check.receipt == receipt)
    }

    @Test func everyFlippedByteFails() throws {
        let key = ReceiptSigningKey.generate()
        let bytes = try ReceiptFile.signed(Self.sample(keyID: key.publicKey.id), with: key)
        let seed = UInt64.random(in: 1...UInt64.max)
        print("ReceiptTests.everyFlippedByteFails seed \(seed)")
        var generator = SeededGenerator(seed: seed)
        let changes = bytes.indices.map { _ in [UInt8(0x01), UInt8.random(in: 2...255, using: &generator)] }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: bytes.count) { index in
            for change in changes[index] {
                var flipped = bytes
                flipped[index] ^= change
                if ReceiptFile.verify(flipped, key: key.publicKey).isValid { failures.add("byte \(index) ^ \(change)") }
            }
        }
        #expect(failures.all.isEmpty, "verified after a change (seed \(seed)): \(failures.all.prefix(10))")
        // Every other character in the last base64 group of the signature (whose padding bits
        // decoders ignore) fails too.
        let text = String(decoding: bytes, as: UTF8.self)
        let marker = try #require(text.range(of: "==\""))
        let lastIndex = text.utf8.distance(from: text.startIndex, to: marker.lowerBound) - 1
        for replacement in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8) where replacement != bytes[lastIndex] {
            var changed = bytes
            changed[lastIndex] = replacement
            #expect(!ReceiptFile.verify(changed, key: key.publicKey).isValid, "last signature character \(UnicodeScalar(replacement))")
        }
        // Adding or removing a byte fails too.
        #expect(!ReceiptFile.verify(bytes + [0x0A], key: key.publicKey).isValid)
        #expect(!ReceiptFile.verify(Array(bytes.dropLast()), key: key.publicKey).isValid)
    }

    @Test func aReceiptCannotBeForgedWithAnotherKey() throws {
        let board = ReceiptSigningKey.generate()
        let forger = ReceiptSigningKey.generate()
        var receipt = Self.sample(keyID: board.publicKey.id)
        receipt.decision = .refused
        // Signed by someone else, naming their own key: not the board's.
        let own = try ReceiptFile.signed(receipt, with: forger)
        #expect(!ReceiptFile.verify(own, key: board.publicKey).isValid)
        // Signed by someone else but claiming the board's key id: the signature fails.
        guard case .object(var object) = try JSONParser.parse(own) else { Issue.record("not JSON"); return }
        JSONEdit.set(.string(board.publicKey.id), at: ["signature", "keyId"], in: &object)
        let claimed = JSONWriter.pretty(.object(object))
        let check = ReceiptFile.verify(claimed, key: board.publicKey)
        #expect(!check.isValid)
        #expect(check.problems.contains { $0.en.contains("signature does not verify") })
    }

    @Test func keysSurviveTheirPEMForm() throws {
        let key = ReceiptSigningKey.generate()
        let again = try ReceiptSigningKey(pem: key.pem)
        #expect(again.publicKey == key.publicKey)
        #expect(try ReceiptPublicKey(pem: key.publicKey.pem) == key.publicKey)
        #expect(throws: BoardError.self) { try ReceiptPublicKey(pem: key.pem) }
        #expect(throws: BoardError.self) { try ReceiptSigningKey(pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") }
    }

    /// OpenSSL reads our keys and checks our signatures, and we check its: receipts can be
    /// verified by anyone without this program.
    @Test(.enabled(if: isInstalled("openssl")))
    func openSSLAgreesOnKeysAndSignatures() throws {
        let folder = TemporaryFolder()
        let key = ReceiptSigningKey.generate()
        try folder.write("private.pem", key.pem)
        try folder.write("public.pem", key.publicKey.pem)
        let derived = try run("/usr/bin/env", ["openssl", "pkey", "-in", folder.file("private.pem"), "-pubout"])
        #expect(derived.status == 0, "\(derived.stderr)")
        #expect(derived.stdout == key.publicKey.pem)
        let receipt = Self.sample(keyID: key.publicKey.id)
        try folder.write(bytes: receipt.signedBytes, "message")
        try folder.write(bytes: try key.signature(for: receipt.signedBytes), "signature")
        let verified = try run("/usr/bin/env", ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", folder.file("public.pem"),
                                                "-rawin", "-in", folder.file("message"), "-sigfile", folder.file("signature")])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        #expect(verified.stdout.contains("Signature Verified Successfully"))
        let signed = try run("/usr/bin/env", ["openssl", "pkeyutl", "-sign", "-inkey", folder.file("private.pem"),
                                              "-rawin", "-in", folder.file("message"), "-out", folder.file("openssl-signature")])
        #expect(signed.status == 0, "\(signed.stderr)")
        let theirs = Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("openssl-signature"))))
        #expect(key.publicKey.isValidSignature(theirs, for: receipt.signedBytes))
        #expect(!key.publicKey.isValidSignature(theirs, for: receipt.signedBytes + [0x20]))
    }
}

extension ReceiptTests {
    /// A receipt file checked with nothing but OpenSSL and the steps docs/handing-in.md
    /// gives: the signed bytes are the file without `signature.value` in canonical JSON, so
    /// the key id and algorithm are covered; changing either makes OpenSSL refuse it.
    @Test(.enabled(if: isInstalled("openssl") && isInstalled("python3")))
    func openSSLVerifiesAReceiptFileFromTheDocumentedBytes() throws {
        let folder = TemporaryFolder()
        let key = ReceiptSigningKey.generate()
        try folder.write("public.pem", key.publicKey.pem)
        try folder.write(bytes: try ReceiptFile.signed(Self.sample(keyID: key.publicKey.id), with: key), "receipt.json")
        func opensslVerifies(_ receipt: String) throws -> Bool {
            let split = try run("/usr/bin/env", ["python3", "-c", ReceiptScripts.signedBytes, folder.file(receipt),
                                                 folder.file("message"), folder.file("signature")])
            #expect(split.status == 0, "\(split.stderr)")
            let verified = try run("/usr/bin/env", ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", folder.file("public.pem"),
                                                    "-rawin", "-in", folder.file("message"), "-sigfile", folder.file("signature")])
            return verified.status == 0 && verified.stdout.contains("Signature Verified Successfully")
        }
        #expect(try opensslVerifies("receipt.json"))
        let text = try folder.read("receipt.json")
        // The key id and the algorithm are signed: another value in either fails.
        try folder.write("other-key-id.json", text.replacingOccurrences(of: "\"keyId\": \"\(key.publicKey.id)\"", with: "\"keyId\": \"0000000000000000\""))
        #expect(try !opensslVerifies("other-key-id.json"))
        try folder.write("other-algorithm.json", text.replacingOccurrences(of: "\"algorithm\": \"Ed25519\"", with: "\"algorithm\": \"ed25519\""))
        #expect(try !opensslVerifies("other-algorithm.json"))
    }

    /// A signature object with anything but algorithm, keyId and value is refused (nothing
    /// unsigned may ride along in it).
    @Test func aSignatureWithAnExtraMemberFails() throws {
        let key = ReceiptSigningKey.generate()
        let bytes = try ReceiptFile.signed(Self.sample(keyID: key.publicKey.id), with: key)
        guard case .object(var object) = try JSONParser.parse(bytes) else { Issue.record("not JSON"); return }
        JSONEdit.set(.string("board"), at: ["signature", "signer"], in: &object)
        #expect(!ReceiptFile.verify(JSONWriter.pretty(.object(object)), key: key.publicKey).isValid)
    }
}

/// Collects failures from concurrent iterations.
final class Failures: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
