import Foundation
import Testing
import TestSupport
import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// The board's answer on a shared server, for real: the committee's secretary and the board as
/// two Unix users (useradd, setpriv), an inbox made with `--group`. The secretary can read,
/// list, verify and render the answer, and can neither change, remove nor add one.
@Suite(.serialized) struct AnswerSharedServerTests {
    static let group = "fbansg"
    static let secretary = "fbansa"
    static let staff = "fbanss"

    static func removeUsers() { ServerUsers.remove(groups: [group], users: [secretary, staff]) }

    static func makeUsers() throws -> (secretary: ServerUser, staff: ServerUser) {
        try ServerUsers.make(groups: [group], users: [(secretary, group), (staff, group)])
        return (try ServerUsers.user(secretary), try ServerUsers.user(staff))
    }

    func shell(_ user: ServerUser, _ command: String, in folder: String, environment: [String: String] = [:]) throws -> RunResult {
        try ServerUsers.shell(user, command, in: folder, environment: environment)
    }

    func quoted(_ text: String) -> String { ServerUsers.quoted(text) }

    @Test(.enabled(if: ServerUsers.canMake, "needs root, useradd and setpriv to run as two real users"))
    func theSecretaryReadsTheAnswerAndCannotWriteIt() throws {
        let (secretary, staff) = try Self.makeUsers()
        defer { Self.removeUsers() }
        let form = shippedForm()
        let folder = TemporaryFolder()
        chmod(folder.path, 0o755)
        let binary = folder.file("feedback")
        #expect(try run("/bin/cp", [Paths.binary, binary]).status == 0)
        chmod(binary, 0o755)
        for (sub, owner) in [("srv", staff), ("home-a", secretary)] {
            try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: false)
            chown(folder.file(sub), owner.uid, owner.gid)
            chmod(folder.file(sub), sub == "srv" ? 0o755 : 0o700)
        }
        func env(_ home: String) -> [String: String] {
            ["HOME": folder.file(home), "XDG_DATA_HOME": folder.file(home) + "/data", "FEEDBACK_FORMS": folder.file("no-forms"),
             "FEEDBACK_NOW": "2027-04-20T09:00:00Z"]
        }
        let inbox = folder.file("srv/pf")
        #expect(try shell(staff, "\(binary) board init \(quoted(inbox)) --group \(Self.group)", in: folder.path, environment: env("srv")).status == 0)
        // A round with --group takes a committee's hand-ins only from its people.
        let allowed = try shell(staff, "\(binary) board allow \(quoted(inbox)) hsn \(Self.secretary)", in: folder.path, environment: env("srv"))
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let draftPath = folder.file("home-a/hsn.json")
        try Data(DraftCodec.encode(BoardSamples.draft(form, committee: "hsn", index: 1), form: form)).write(to: URL(fileURLWithPath: draftPath))
        chown(draftPath, secretary.uid, secretary.gid)
        let submitted = try shell(secretary, "\(binary) submit \(quoted(draftPath)) --inbox \(quoted(inbox))", in: folder.path, environment: env("home-a"))
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let received = try shell(staff, "\(binary) board receive \(quoted(inbox))", in: folder.path, environment: env("srv"))
        #expect(received.status == 0, "\(received.stdout) \(received.stderr)")

        // The board answers.
        let template = try shell(staff, "\(binary) board answer \(quoted(inbox)) hsn --template", in: folder.path, environment: env("srv"))
        #expect(template.status == 0, "\(template.stderr)")
        let filled = folder.file("srv/svar.json")
        try Data(try AnswerRoundTests.fill(template.stdoutBytes)).write(to: URL(fileURLWithPath: filled))
        chown(filled, staff.uid, staff.gid)
        let published = try shell(staff, "\(binary) board answer \(quoted(inbox)) hsn --from \(quoted(filled))", in: folder.path, environment: env("srv"))
        #expect(published.status == 0, "\(published.stdout) \(published.stderr)")
        let answer = inbox + "/answers/pf-aterkoppling-2028_hsn_answer1.json"
        var status = stat()
        #expect(lstat(inbox + "/answers", &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o2750)
        #expect(status.st_uid == staff.uid)
        #expect(getgrgid(status.st_gid).map { String(cString: $0.pointee.gr_name) } == Self.group)
        #expect(lstat(answer, &status) == 0 && status.st_mode & 0o777 == 0o444 && status.st_uid == staff.uid)

        // The secretary reads, lists, verifies and renders it.
        #expect(try shell(secretary, "cat \(quoted(answer)) > /dev/null", in: folder.path).status == 0)
        let listed = try shell(secretary, "\(binary) answer list", in: folder.path, environment: env("home-a"))
        #expect(listed.stdout.hasPrefix("hsn r3  Styrelsens svar 2027-04-20 11:00: "), "\(listed.stdout) \(listed.stderr)")
        let verified = try shell(secretary, "\(binary) answer verify \(quoted(answer)) --key \(quoted(inbox + "/receipt-key.pub"))", in: folder.path, environment: env("home-a"))
        #expect(verified.status == 0, "\(verified.stdout)")
        let rendered = try shell(secretary, "\(binary) render \(quoted(answer)) -o \(quoted(folder.file("home-a/styrdialog.md")))", in: folder.path, environment: env("home-a"))
        #expect(rendered.status == 0, "\(rendered.stderr)")

        // And cannot change, remove, replace or add an answer.
        let own = folder.file("home-a/forged.json")
        #expect(try shell(secretary, "cp \(quoted(answer)) \(quoted(own))", in: folder.path).status == 0)
        let before = try FileStore.readLimited(path: answer, limit: 1 << 22)
        for attack in [
            "echo x >> \(quoted(answer))", "rm -f \(quoted(answer))", "mv -f \(quoted(own)) \(quoted(answer))",
            "cp \(quoted(own)) \(quoted(inbox + "/answers/pf-aterkoppling-2028_hsn_answer2.json"))",
            "touch \(quoted(inbox + "/answers/new.json"))", "chmod 666 \(quoted(answer))",
            "\(binary) board answer \(quoted(inbox)) hsn --from \(quoted(own))",
        ] {
            #expect(try shell(secretary, attack, in: folder.path, environment: env("home-a")).status != 0, "the secretary could: \(attack)")
        }
        #expect(try FileStore.readLimited(path: answer, limit: 1 << 22) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox + "/answers") == ["pf-aterkoppling-2028_hsn_answer1.json"])
    }
}
