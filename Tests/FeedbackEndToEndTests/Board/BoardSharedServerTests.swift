import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard
#if canImport(Glibc)
import Glibc
#endif

/// The inbox on a shared server, for real: two secretaries and a board account as three Unix
/// users (made with useradd, run with setpriv), an inbox made with `--group`. Neither
/// secretary can delete or replace the other's hand-in, nor change what the board archived,
/// nor forge a receipt without the board's private key.
@Suite(.serialized) struct BoardSharedServerTests {
    static var canMakeUsers: Bool { ServerUsers.canMake }

    static let group = "fbboardg"
    static let secretaryA = "fbboarda"
    static let secretaryB = "fbboardb"
    static let staff = "fbboards"

    typealias User = ServerUser

    static func user(_ name: String) throws -> User { try ServerUsers.user(name) }

    static func removeUsers() { ServerUsers.remove(groups: [group], users: [secretaryA, secretaryB, staff]) }

    static func makeUsers() throws {
        try ServerUsers.make(groups: [group], users: [secretaryA, secretaryB, staff].map { ($0, group) })
    }

    /// Runs a shell command as a user, with their groups.
    func shell(_ user: User, _ command: String, in folder: String, environment: [String: String] = [:]) throws -> RunResult {
        try ServerUsers.shell(user, command, in: folder, environment: environment)
    }

    func quoted(_ text: String) -> String { ServerUsers.quoted(text) }

    @Test(.enabled(if: canMakeUsers, "needs root, useradd and setpriv to run as three real users"))
    func twoSecretariesAndTheBoard() throws {
        try Self.makeUsers()
        defer { Self.removeUsers() }
        let a = try Self.user(Self.secretaryA), b = try Self.user(Self.secretaryB), staff = try Self.user(Self.staff)
        let form = shippedForm()
        let folder = TemporaryFolder()
        chmod(folder.path, 0o755)
        // The binary where every user can run it.
        let binary = folder.file("feedback")
        #expect(try run("/bin/cp", [Paths.binary, binary]).status == 0)
        chmod(binary, 0o755)
        for (sub, owner) in [("srv", staff), ("home-a", a), ("home-b", b)] {
            try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: false)
            chown(folder.file(sub), owner.uid, owner.gid)
            chmod(folder.file(sub), sub == "srv" ? 0o755 : 0o700)
        }
        func env(_ home: String) -> [String: String] {
            ["HOME": folder.file(home), "XDG_DATA_HOME": folder.file(home) + "/data", "FEEDBACK_FORMS": folder.file("no-forms")]
        }
        let inbox = folder.file("srv/pf")

        // The board makes the inbox for the group.
        let created = try shell(staff, "\(binary) board init \(quoted(inbox)) --group \(Self.group)", in: folder.path, environment: env("srv"))
        #expect(created.status == 0, "\(created.stderr)")
        var status = stat()
        #expect(lstat(inbox + "/incoming", &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o3730)
        #expect(status.st_uid == staff.uid)
        #expect(getgrgid(status.st_gid).map { String(cString: $0.pointee.gr_name) } == Self.group)
        #expect(lstat(inbox + "/private/receipt-key.pem", &status) == 0 && status.st_mode & 0o777 == 0o600)

        // The board names who hands in for which committee (a --group round requires it).
        for (committee, user) in [("hsn", a), ("run", b)] {
            let allowed = try shell(staff, "\(binary) board allow \(quoted(inbox)) \(committee) \(user.name)", in: folder.path, environment: env("srv"))
            #expect(allowed.status == 0, "\(allowed.stderr)")
        }

        // Each secretary hands in from their own home.
        for (user, home, committee, index) in [(a, "home-a", "hsn", 1), (b, "home-b", "run", 2)] {
            let draftPath = folder.file("\(home)/\(committee).json")
            try Data(DraftCodec.encode(BoardSamples.draft(form, committee: committee, index: index), form: form)).write(to: URL(fileURLWithPath: draftPath))
            chown(draftPath, user.uid, user.gid)
            let submitted = try shell(user, "\(binary) submit \(quoted(draftPath)) --inbox \(quoted(inbox))", in: folder.path, environment: env(home))
            #expect(submitted.status == 0, "\(user.name): \(submitted.stderr)")
        }
        let handedIn = try FileManager.default.contentsOfDirectory(atPath: inbox + "/incoming").sorted()
        #expect(handedIn.count == 2)
        let fileA = try #require(handedIn.first { $0.contains("_hsn_") })
        let fileB = try #require(handedIn.first { $0.contains("_run_") })
        let pathA = inbox + "/incoming/" + fileA
        let bytesA = try FileStore.readLimited(path: pathA, limit: 1 << 22)

        // B cannot list incoming/, nor remove, rename, overwrite or replace A's file.
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder.file("home-b/other.json")))
        chown(folder.file("home-b/other.json"), b.uid, b.gid)
        let attacks = [
            "ls \(quoted(inbox + "/incoming"))",
            "rm -f \(quoted(pathA))",
            "mv \(quoted(pathA)) \(quoted(inbox + "/incoming/stolen.json"))",
            "mv -f \(quoted(folder.file("home-b/other.json"))) \(quoted(pathA))",
            "cp \(quoted(folder.file("home-b/other.json"))) \(quoted(pathA))",
            "echo x >> \(quoted(pathA))",
            "ln -f \(quoted(folder.file("home-b/other.json"))) \(quoted(pathA))",
        ]
        for attack in attacks {
            let result = try shell(b, attack, in: folder.path)
            #expect(result.status != 0, "B could: \(attack)")
        }
        #expect(try FileStore.readLimited(path: pathA, limit: 1 << 22) == bytesA)
        // And A cannot remove B's.
        #expect(try shell(a, "rm -f \(quoted(inbox + "/incoming/" + fileB))", in: folder.path).status != 0)
        #expect(FileManager.default.fileExists(atPath: inbox + "/incoming/" + fileB))

        // A keeps a hard link to the file handed in, to change it after the board took it.
        #expect(try shell(a, "ln \(quoted(pathA)) \(quoted(folder.file("home-a/link.json")))", in: folder.path).status == 0)

        let received = try shell(staff, "\(binary) board receive \(quoted(inbox))", in: folder.path, environment: env("srv"))
        #expect(received.status == 0, "\(received.stdout) \(received.stderr)")
        #expect(received.stdout.contains("av \(Self.secretaryA)"))
        #expect(received.stdout.contains("av \(Self.secretaryB)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox + "/incoming").isEmpty)

        // A's change through the link does not reach the archive.
        #expect(try shell(a, "echo ändrad >> \(quoted(folder.file("home-a/link.json")))", in: folder.path).status == 0)
        let archivedA = inbox + "/accepted/pf-aterkoppling-2028_hsn_r3.json"
        #expect(try FileStore.readLimited(path: archivedA, limit: 1 << 22) == bytesA)
        #expect(lstat(archivedA, &status) == 0 && status.st_uid == staff.uid && status.st_mode & 0o777 == 0o444)
        let receiptA = inbox + "/receipts/" + Arrival.safeStem(fileA) + ".json"
        let matched = try shell(a, "\(binary) receipt verify \(quoted(receiptA)) --export \(quoted(archivedA))", in: folder.path, environment: env("home-a"))
        #expect(matched.status == 0, "\(matched.stdout)")

        // Neither secretary can touch the archive, the receipts or the key.
        for attack in [
            "echo x >> \(quoted(archivedA))", "rm -f \(quoted(archivedA))",
            "cp \(quoted(folder.file("home-b/other.json"))) \(quoted(inbox + "/receipts/forged.json"))",
            "rm -f \(quoted(receiptA))", "cat \(quoted(inbox + "/private/receipt-key.pem"))",
            "\(binary) board receive \(quoted(inbox))",
        ] {
            #expect(try shell(b, attack, in: folder.path, environment: env("home-b")).status != 0, "B could: \(attack)")
        }

        // A receipt changed and signed with any other key does not verify, for anyone.
        let genuine = ReceiptFile.verify(try FileStore.readLimited(path: receiptA, limit: 1 << 20), key: try Inbox.open(inbox).publicKey)
        var forged = try #require(genuine.receipt)
        forged.handIn.handedInAt = Timestamp(secondsSinceEpoch: forged.handIn.handedInAt.secondsSinceEpoch - 86_400 * 30)
        let forger = ReceiptSigningKey.generate()
        try Data(try ReceiptFile.signed(forged, with: forger)).write(to: URL(fileURLWithPath: folder.file("home-b/forged.json")))
        chown(folder.file("home-b/forged.json"), b.uid, b.gid)
        let checkForged = try shell(b, "\(binary) receipt verify \(quoted(folder.file("home-b/forged.json"))) --key \(quoted(inbox + "/receipt-key.pub"))",
                                    in: folder.path, environment: env("home-b"))
        #expect(checkForged.status == 1)
        #expect(checkForged.stdout.contains("INTE giltig"))
        // B did not hand A's file in, so B has no key pinned for it: only --key makes it valid.
        let checkGenuine = try shell(b, "\(binary) receipt verify \(quoted(receiptA))", in: folder.path, environment: env("home-b"))
        #expect(checkGenuine.status == 3, "\(checkGenuine.stdout)")
        let checkGenuineKey = try shell(b, "\(binary) receipt verify \(quoted(receiptA)) --key \(quoted(inbox + "/receipt-key.pub"))",
                                        in: folder.path, environment: env("home-b"))
        #expect(checkGenuineKey.status == 0, "\(checkGenuineKey.stdout)")

        // Each secretary sees their own receipt; the board sees who handed in.
        let listA = try shell(a, "\(binary) receipt list", in: folder.path, environment: env("home-a"))
        #expect(listA.stdout.hasPrefix("hsn r3  kvitterad "), "\(listA.stdout)")
        let overview = try shell(staff, "\(binary) board status \(quoted(inbox))", in: folder.path, environment: env("srv"))
        #expect(overview.status == 1)
        #expect(overview.stdout.contains("av \(Self.secretaryA)"))
        #expect(overview.stdout.contains("2 mottagna"))
    }
}
