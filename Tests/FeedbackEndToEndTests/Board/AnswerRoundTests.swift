import Foundation
import Testing
import TestSupport
import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// Issue 21 with the built binary: a committee's feedback handed in and received, the board's
/// answer written headless (--template, filled, --from), verified by our command and by
/// OpenSSL, listed by the committee, rendered for the dialogue meeting in every format.
@Suite struct AnswerRoundTests {
    let round = BoardRound()
    let now = "2027-04-20T09:00:00Z"

    /// Fills a template: judgements in the form's order, a motivation per heading, a decision per row.
    static func fill(_ template: [UInt8], judgement: (Int) -> String = { ["beaktas", "delvis", "beaktas-inte", "styrdialog"][$0 % 4] }) throws -> [UInt8] {
        guard case .object(var object) = try JSONParser.parse(template), case .array(let headings)? = object["headings"],
              case .array(let rows)? = object["rows"] else { throw CocoaError(.fileReadCorruptFile) }
        object["headings"] = .array(headings.enumerated().map { index, value in
            guard case .object(var heading) = value else { return value }
            heading["judgement"] = .string(judgement(index))
            heading["text"] = .string("Styrelsens motivering till rubrik \(index + 1): i linje med budgetramen.")
            return .object(heading)
        })
        object["rows"] = .array(rows.enumerated().map { index, value in
            guard case .object(var row) = value else { return value }
            row["decision"] = .string(index == 0 ? "tas-in" : "senare")
            row["text"] = .string("Rad \(index + 1) prövas mot investeringsramen.")
            return .object(row)
        })
        return JSONWriter.pretty(.object(object))
    }

    func handIn() throws {
        let env = round.environment(now: now)
        #expect(try feedback(["board", "init", round.inbox], environment: env).status == 0)
        let draft = BoardSamples.draft(round.form, committee: "hsn", index: 1)
        let path = try round.writeDraft(draft, name: "hsn.json")
        let submitted = try feedback(["submit", path, "--inbox", round.inbox], environment: env)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let received = try feedback(["board", "receive", round.inbox], environment: env)
        #expect(received.status == 0, "\(received.stdout) \(received.stderr)")
    }

    @Test func theBoardAnswersAndTheCommitteeSeesAndRendersIt() throws {
        try handIn()
        let env = round.environment(now: now)
        let before = try feedback(["answer", "list"], environment: env)
        #expect(before.status == 0)
        #expect(before.stdout.contains("hsn r3  inget svar från styrelsen ännu"), "\(before.stdout)")

        // The template: every heading, to fill.
        let template = try feedback(["board", "answer", round.inbox, "hsn", "--template"], environment: env)
        #expect(template.status == 0, "\(template.stderr)")
        #expect(template.stdout.contains("\"judgement\": null"))
        #expect(template.stdout.components(separatedBy: "\"section\":").count - 1 == round.form.sections.count + 2)
        try round.folder.write(bytes: try Self.fill(template.stdoutBytes), "svar.json")

        // Refused with the place named, nothing published.
        var broken = try round.folder.read("svar.json")
        broken = broken.replacingOccurrences(of: "\"judgement\": \"delvis\"", with: "\"judgement\": \"kanske\"")
        try round.folder.write("broken.json", broken)
        let refused = try feedback(["board", "answer", round.inbox, "hsn", "--from", round.folder.file("broken.json")], environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("/headings/1/judgement: kanske är ingen bedömning i formuläret"), "\(refused.stderr)")
        #expect(round.files("answers").isEmpty)
        #expect(try feedback(["board", "answer", round.inbox, "hsn"], environment: env).status == 2)
        #expect(try feedback(["board", "answer", round.inbox, "xyz", "--template"], environment: env).status == 2)

        // Published, then revised: two revisions.
        let published = try feedback(["board", "answer", round.inbox, "hsn", "--from", round.folder.file("svar.json")], environment: env)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.contains("(revision 1): 2 beaktas i regionplanen, 2 beaktas delvis, 1 beaktas inte, 1 hanteras i styrdialogen"), "\(published.stdout)")
        let revised = try feedback(["board", "answer", round.inbox, "hsn", "--from", round.folder.file("svar.json")], environment: env)
        #expect(revised.status == 0)
        #expect(round.files("answers") == ["pf-aterkoppling-2028_hsn_answer1.json", "pf-aterkoppling-2028_hsn_answer2.json"])
        let answerPath = round.inbox + "/answers/pf-aterkoppling-2028_hsn_answer2.json"
        let status = try feedback(["board", "status", round.inbox], environment: env)
        #expect(status.stdout.contains("Styrelsens svar: 1 av 1 mottagna besvarade; hsn r3 (svar 2)"), "\(status.stdout)")

        // Verified with the pinned key only; a changed byte is refused.
        let key = round.inbox + "/receipt-key.pub"
        let verified = try feedback(["answer", "verify", answerPath, "--key", key])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("giltigt, signerat med styrelsens nyckel"))
        #expect(try feedback(["answer", "verify", answerPath]).status == 2)
        var bytes = try FileStore.readLimited(path: answerPath, limit: 1 << 22)
        bytes[bytes.count / 2] ^= 0x04
        try round.folder.write(bytes: bytes, "changed.json")
        let changed = try feedback(["answer", "verify", round.folder.file("changed.json"), "--key", key])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("INTE giltigt"))

        // The committee's list.
        let after = try feedback(["answer", "list"], environment: env)
        #expect(after.stdout.contains("hsn r3  Styrelsens svar 2027-04-20 11:00 (revision 2): 2 beaktas i regionplanen, 2 beaktas delvis"), "\(after.stdout)")
        let json = try feedback(["answer", "list", "--format", "json"], environment: env)
        guard case .object(let listed) = try JSONParser.parse(json.stdoutBytes), case .array(let answers)? = listed["answers"],
              case .object(let first)? = answers.first else {
            Issue.record("no answers in \(json.stdout)")
            return
        }
        #expect(first["answerRevision"]?.intValue == 2)

        // The board's traceability: committee × heading → judgement.
        let trace = try feedback(["board", "traceability", round.inbox], environment: env)
        #expect(trace.status == 0, "\(trace.stderr)")
        #expect(trace.stdout.contains("| **Hälso- och sjukvårdsnämnden** | beaktas i regionplanen | beaktas delvis | beaktas inte | hanteras i styrdialogen | beaktas i regionplanen | beaktas delvis |"), "\(trace.stdout)")
        #expect(trace.stdout.contains("| **Patientnämnden** | inte besvarad |"))
        #expect(trace.stdout.contains("tas in i investeringsplanen"))
        #expect(try feedback(["board", "traceability", round.inbox, "-o", round.folder.file("trace.docx")], environment: env).status == 0)

        // The dialogue meeting's document, in each format.
        for format in ["md", "html", "docx"] {
            let out = round.folder.file("styrdialog.\(format)")
            let rendered = try feedback(["render", answerPath, "-o", out], environment: env)
            #expect(rendered.status == 0, "\(format): \(rendered.stderr)")
        }
        let md = try round.folder.read("styrdialog.md")
        #expect(md.contains("Styrelsens svar: Hälso- och sjukvårdsnämnden"))
        #expect(md.contains("Hälso- och sjukvårdsnämnden om rubrik 1."))
        #expect(md.contains("Styrelsens motivering till rubrik 2"))
        #expect(md.contains("beaktas delvis"))
        #expect(md.contains("tas in i investeringsplanen"))
        let html = try round.folder.read("styrdialog.html")
        #expect(html.contains("hanteras i styrdialogen"))
        let english = try feedback(["render", answerPath, "--lang", "en", "--format", "md", "-o", "-"], environment: env)
        #expect(english.stdout.contains("partly taken into account"))
        // A changed answer is not rendered.
        let unrendered = try feedback(["render", round.folder.file("changed.json"), "--inbox", round.inbox, "-o", "-"], environment: env)
        #expect(unrendered.status != 0)
    }

    @Test(.enabled(if: BoardTools.pythonDocx, "needs python-docx to read the .docx back"))
    func theDocxReadsBackWithPythonDocx() throws {
        try handIn()
        let env = round.environment(now: now)
        let template = try feedback(["board", "answer", round.inbox, "hsn", "--template"], environment: env)
        try round.folder.write(bytes: try Self.fill(template.stdoutBytes), "svar.json")
        #expect(try feedback(["board", "answer", round.inbox, "hsn", "--from", round.folder.file("svar.json")], environment: env).status == 0)
        let answerPath = round.inbox + "/answers/pf-aterkoppling-2028_hsn_answer1.json"
        let out = round.folder.file("styrdialog.docx")
        #expect(try feedback(["render", answerPath, "-o", out], environment: env).status == 0)
        let script = """
            import sys, docx
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs: print(p.style.name + '|' + p.text)
            for t in d.tables:
                for r in t.rows: print('ROW|' + '|'.join(c.text for c in r.cells))
            """
        let read = try run("/usr/bin/env", ["python3", "-c", script, out])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Title|Styrelsens svar: Hälso- och sjukvårdsnämnden"))
        #expect(read.stdout.contains("Heading 1|1. Nämndens bidrag till fullmäktiges mål och uppdrag"))
        #expect(read.stdout.contains("Heading 2|Styrelsens bedömning"))
        #expect(read.stdout.contains("Styrelsens bedömning: beaktas i regionplanen"))
        #expect(read.stdout.contains("ROW|1|Hälso- och sjukvårdsnämnden: objekt 1|tas in i investeringsplanen|Rad 1 prövas mot investeringsramen."), "\(read.stdout)")
    }

    /// Anyone can check the published file with OpenSSL: RFC 8785 bytes made by Python
    /// (sorted keys, no spaces) of the answer without signature.value.
    @Test(.enabled(if: isInstalled("openssl") && isInstalled("python3")))
    func openSSLVerifiesThePublishedAnswer() throws {
        try handIn()
        let env = round.environment(now: now)
        let template = try feedback(["board", "answer", round.inbox, "hsn", "--template"], environment: env)
        try round.folder.write(bytes: try Self.fill(template.stdoutBytes), "svar.json")
        #expect(try feedback(["board", "answer", round.inbox, "hsn", "--from", round.folder.file("svar.json")], environment: env).status == 0)
        let answerPath = round.inbox + "/answers/pf-aterkoppling-2028_hsn_answer1.json"
        let script = """
            import json, sys, base64
            answer = json.load(open(sys.argv[1], encoding='utf-8'))
            value = answer['signature'].pop('value')
            open(sys.argv[2], 'wb').write(json.dumps(answer, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode('utf-8'))
            open(sys.argv[3], 'wb').write(base64.b64decode(value))
            """
        #expect(try run("/usr/bin/env", ["python3", "-c", script, answerPath, round.folder.file("message"), round.folder.file("signature")]).status == 0)
        let verified = try run("/usr/bin/env", ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", round.inbox + "/receipt-key.pub",
                                                "-rawin", "-in", round.folder.file("message"), "-sigfile", round.folder.file("signature")])
        #expect(verified.stdout.contains("Signature Verified Successfully"), "\(verified.stdout) \(verified.stderr)")
    }

    @Test func theSchemaOfTheAnswerIsPrinted() throws {
        let schema = try feedback(["schema", "--answer"])
        #expect(schema.status == 0)
        guard case .object(let object) = try JSONParser.parse(schema.stdoutBytes) else {
            Issue.record("not an object")
            return
        }
        #expect(object["$id"]?.stringValue == "urn:feedback:answer:pf-aterkoppling-2028:1")
        #expect(schema.stdout.contains("\"beaktas-inte\""))
    }
}
