import Foundation
import Testing
import TestSupport
@testable import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// Who may hand in, with real Unix users on one shared server: hsn's secretary, kn's two
/// people (named through a group) and the board as its own user, all in the round's group.
/// A hand-in counts only from its committee's people; the others are refused with a reason
/// their author sees in `receipt list`, and kn's people see when their answer is superseded.
@Suite(.serialized) struct HandInPermissionTests {
    static var canMakeUsers: Bool { ServerUsers.canMake }

    static let group = "fbtrustg"
    static let knGroup = "fbtrustk"
    static let hsnSecretary = "fbtrusth"
    static let knSecretary = "fbtrustk1"
    static let knChair = "fbtrustk2"
    static let board = "fbtrustb"

    typealias User = ServerUser

    static func user(_ name: String) throws -> User { try ServerUsers.user(name) }

    static func removeUsers() {
        ServerUsers.remove(groups: [group, knGroup], users: [hsnSecretary, knSecretary, knChair, board])
    }

    static func makeUsers() throws {
        try ServerUsers.make(groups: [group, knGroup], users: [(hsnSecretary, group), (knSecretary, "\(group),\(knGroup)"),
                                                              (knChair, "\(group),\(knGroup)"), (board, group)])
    }

    func shell(_ user: User, _ command: String, in folder: String, environment: [String: String] = [:]) throws -> RunResult {
        try ServerUsers.shell(user, command, in: folder, environment: environment)
    }

    func quoted(_ text: String) -> String { ServerUsers.quoted(text) }

    @Test(.enabled(if: canMakeUsers, "needs root, useradd and setpriv to run as real users"))
    func onlyACommitteesPeopleHandInForIt() throws {
        try Self.makeUsers()
        defer { Self.removeUsers() }
        let hsn = try Self.user(Self.hsnSecretary), kn1 = try Self.user(Self.knSecretary)
        let kn2 = try Self.user(Self.knChair), board = try Self.user(Self.board)
        let form = shippedForm()
        let folder = TemporaryFolder()
        chmod(folder.path, 0o755)
        let binary = folder.file("feedback")
        #expect(try run("/bin/cp", [Paths.binary, binary]).status == 0)
        chmod(binary, 0o755)
        for (sub, owner) in [("srv", board), ("home-h", hsn), ("home-k1", kn1), ("home-k2", kn2)] {
            try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: false)
            chown(folder.file(sub), owner.uid, owner.gid)
            chmod(folder.file(sub), sub == "srv" ? 0o755 : 0o700)
        }
        func env(_ home: String, now: String = "2027-04-14T08:00:30Z") -> [String: String] {
            ["HOME": folder.file(home), "XDG_DATA_HOME": folder.file(home) + "/data", "FEEDBACK_FORMS": folder.file("no-forms"),
             "FEEDBACK_NOW": now]
        }
        let inbox = folder.file("srv/pf")
        func feedbackAs(_ user: User, _ home: String, _ arguments: [String], now: String = "2027-04-14T08:00:30Z") throws -> RunResult {
            try shell(user, ([binary] + arguments).map(quoted).joined(separator: " "), in: folder.path, environment: env(home, now: now))
        }
        func submit(_ user: User, _ home: String, committee: String, index: Int, revision: Int, now: String) throws -> RunResult {
            let path = folder.file("\(home)/\(committee)-r\(revision).json")
            try Data(DraftCodec.encode(BoardSamples.draft(form, committee: committee, index: index, revision: revision), form: form))
                .write(to: URL(fileURLWithPath: path))
            chown(path, user.uid, user.gid)
            return try feedbackAs(user, home, ["submit", path, "--inbox", inbox], now: now)
        }

        #expect(try feedbackAs(board, "srv", ["board", "init", inbox, "--group", Self.group]).status == 0)
        // Nobody is allowed yet: status says so for every committee.
        let empty = try feedbackAs(board, "srv", ["board", "status", inbox])
        #expect(empty.stdout.contains("varning: ingen får lämna in för \(form.committees.count) nämnder"), "\(empty.stdout)")
        #expect(try feedbackAs(board, "srv", ["board", "allow", inbox, "hsn", Self.hsnSecretary]).status == 0)
        let allowKn = try feedbackAs(board, "srv", ["board", "allow", inbox, "kn", "@" + Self.knGroup])
        #expect(allowKn.status == 0, "\(allowKn.stderr)")
        #expect(allowKn.stdout.contains("kn  Kulturnämnden: @\(Self.knGroup)"))
        #expect(try feedbackAs(board, "srv", ["board", "allow", inbox, "kn", "nosuchuser"]).status == 2)
        #expect(try feedbackAs(board, "srv", ["board", "allow", inbox, "nosuchcommittee", Self.hsnSecretary]).status == 2)
        // A secretary cannot change the list.
        #expect(try feedbackAs(hsn, "home-h", ["board", "allow", inbox, "kn", Self.hsnSecretary]).status != 0)

        // hsn's secretary hands in for kn with the highest revision there is; kn's secretary, r8.
        #expect(try submit(hsn, "home-h", committee: "kn", index: 1, revision: Int.max, now: "2027-04-14T08:00:30Z").status == 0)
        #expect(try submit(kn1, "home-k1", committee: "kn", index: 2, revision: 8, now: "2027-04-14T08:01:30Z").status == 0)
        let received = try feedbackAs(board, "srv", ["board", "receive", inbox], now: "2027-04-14T08:02:30Z")
        #expect(received.status == 1, "\(received.stdout) \(received.stderr)")
        #expect(received.stdout.contains("\(Self.hsnSecretary) får inte lämna in för kn (Kulturnämnden); det får: @\(Self.knGroup)"), "\(received.stdout)")
        #expect(received.stdout.contains("godkänd  kn r8"))

        // Each sees the fate of their own hand-in.
        let hsnList = try feedbackAs(hsn, "home-h", ["receipt", "list"])
        #expect(hsnList.stdout.contains("avvisad"), "\(hsnList.stdout)")
        #expect(hsnList.stdout.contains("får inte lämna in för kn"))
        let knList = try feedbackAs(kn1, "home-k1", ["receipt", "list"])
        #expect(knList.stdout.hasPrefix("kn r8  kvitterad "), "\(knList.stdout)")
        let status = try feedbackAs(board, "srv", ["board", "status", inbox, "--format", "json"])
        #expect(status.stdout.contains("\"handedInBy\": \"\(Self.knSecretary)\""), "\(status.stdout)")
        #expect(!status.stdout.contains("9223372036854775807,"))
        let text = try feedbackAs(board, "srv", ["board", "status", inbox])
        #expect(text.stdout.contains("får lämna in: @\(Self.knGroup)"))

        // kn's chair hands in r9: the secretary's r8 is superseded, and she sees it.
        #expect(try submit(kn2, "home-k2", committee: "kn", index: 2, revision: 9, now: "2027-04-14T09:00:30Z").status == 0)
        #expect(try feedbackAs(board, "srv", ["board", "receive", inbox], now: "2027-04-14T09:01:30Z").status == 0)
        let superseded = try feedbackAs(kn1, "home-k1", ["receipt", "list"])
        #expect(superseded.stdout.contains("sedan ersatt av r9"), "\(superseded.stdout)")
        #expect(superseded.stdout.contains("av \(Self.knChair)"))
    }
}
