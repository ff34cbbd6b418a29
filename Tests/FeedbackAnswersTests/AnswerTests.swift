import FeedbackAnswers
import FeedbackBoard
import FeedbackDocuments
import FeedbackModel
import Foundation
import Testing
import TestSupport

@Suite struct AnswerModelTests {
    @Test func theTemplateHasEveryHeadingAndEveryInvestmentRow() throws {
        let round = try AnswerRound(index: 1)
        let template = round.feedback.template(form: round.form)
        #expect(template.headings.map(\.sectionID) == round.form.sections.map(\.id))
        #expect(template.headings.allSatisfy { $0.judgement == nil && $0.text.isEmpty })
        let decisions = try #require(round.form.answers.rows.first)
        let rows = round.feedback.export.draft.value(at: .section(decisions.sectionID, decisions.fieldID))?.rows ?? []
        #expect(rows.count == 2)
        #expect(template.rows.map(\.row) == [1, 2])
        #expect(template.rows[0].object == "Hälso- och sjukvårdsnämnden: objekt 1")
        #expect(template.feedback.committeeID == "hsn")
        #expect(template.feedback.revision == 3)
        #expect(template.feedback.contentSha256 == round.feedback.export.statedContentSha256)
        #expect(template.feedback.archivedAs.hasPrefix("accepted/"))
        // Unfilled, it names every heading the committee wrote under and every row.
        let problems = AnswerCheck(form: round.form).problems(template, feedback: round.feedback.export.draft)
        #expect(problems.filter { $0.pointer.hasSuffix("/judgement") }.count == round.form.sections.count)
        #expect(problems.filter { $0.pointer.hasSuffix("/decision") }.count == 2)
        // Filled, nothing.
        #expect(AnswerCheck(form: round.form).problems(round.filled(), feedback: round.feedback.export.draft).isEmpty)
    }

    @Test func theJSONReadsBackToTheSameAnswerAndRefusesUnknownMembers() throws {
        let round = try AnswerRound()
        let answer = round.filled()
        let bytes = JSONWriter.pretty(.object(answer.json(form: round.form)))
        #expect(try BoardAnswer.parse(bytes).answer == answer)
        var object = answer.json(form: round.form)
        object["judgment"] = .string("beaktas")
        do {
            _ = try BoardAnswer(json: object)
            Issue.record("an unknown member was taken")
        } catch {
            #expect(error.pointer == "/judgment")
        }
        #expect(throws: AnswerProblem.self) { try BoardAnswer.parse(Array("{\"format\": \"feedback-answer\",".utf8)) }
        #expect(throws: AnswerProblem.self) { try BoardAnswer.parse(Array("[1]".utf8)) }
    }

    @Test func judgementsDecisionsAndTextsAreCheckedAgainstTheForm() throws {
        let round = try AnswerRound()
        let check = AnswerCheck(form: round.form)
        let draft = round.feedback.export.draft
        var answer = round.filled()
        answer.headings[1].judgement = "kanske"
        answer.headings[2].text = "Farligt\u{202E}tecken"
        answer.headings[3].text = "klocka\u{07}"
        answer.rows[0].decision = "ja"
        answer.rows[1].decision = nil
        answer.headings.removeLast()
        let pointers = check.problems(answer, feedback: draft).map(\.pointer)
        #expect(pointers.contains("/headings/1/judgement"))
        #expect(pointers.contains("/headings/2/text"))
        #expect(pointers.contains("/headings/3/text"))
        #expect(pointers.contains("/rows/0/decision"))
        #expect(pointers.contains("/rows/1/decision"))
        #expect(pointers.contains("/headings"))
        let message = try #require(check.problems(answer, feedback: draft).first { $0.pointer == "/headings/1/judgement" })
        #expect(message.message.sv.contains("beaktas, delvis, beaktas-inte, styrdialog"))
        // A heading the committee left empty may go without a judgement.
        var empty = draft
        empty.sections["other"] = [:]
        var answerToEmpty = round.filled()
        let other = try #require(answerToEmpty.headings.firstIndex { $0.sectionID == "other" })
        answerToEmpty.headings[other].judgement = nil
        #expect(check.problems(answerToEmpty, feedback: empty).isEmpty)
        #expect(!check.problems(answerToEmpty, feedback: draft).isEmpty)
        // Another feedback than the accepted one is refused.
        var elsewhere = round.filled()
        elsewhere.feedback.revision = 2
        #expect(round.feedback.problems(of: elsewhere).map(\.pointer) == ["/feedback"])
        #expect(round.feedback.problems(of: round.filled()).isEmpty)
    }

    @Test func theTallySaysHowManyHeadingsGotEachJudgement() throws {
        let round = try AnswerRound()
        var answer = round.filled()
        for index in answer.headings.indices { answer.headings[index].judgement = index < 4 ? "beaktas" : index == 4 ? "delvis" : "styrdialog" }
        #expect(answer.tallyText(round.form, language: .sv) == "4 beaktas i regionplanen, 1 beaktas delvis, 1 hanteras i styrdialogen")
        #expect(answer.tallyText(round.form, language: .en).hasPrefix("4 taken into the regional plan"))
    }

    @Test func theSchemaNamesTheFormsOptions() throws {
        let schema = AnswerSchema(form: shippedForm()).json()
        let text = String(decoding: JSONWriter.pretty(schema), as: UTF8.self)
        #expect(text.contains("https://json-schema.org/draft/2020-12/schema"))
        #expect(text.contains("\"styrdialog\""))
        #expect(text.contains("\"tas-in\""))
        #expect(text.contains("signature.value left out"))
    }

    /// Every answer the program writes, template or published, passes its schema.
    @Test(.enabled(if: pythonJSONSchemaAvailable)) func templateAndPublishedAnswerPassTheSchema() throws {
        let round = try AnswerRound()
        try round.folder.write(bytes: AnswerSchema(form: round.form).bytes(), "schema.json")
        try round.folder.write(bytes: JSONWriter.pretty(.object(round.feedback.template(form: round.form).json(form: round.form))), "template.json")
        try round.folder.write(bytes: try round.publish(round.filled()).bytes, "published.json")
        var broken = round.filled().json(form: round.form)
        broken["headings"] = .array([.object(JSONObject([("section", .string("goals")), ("judgement", .string("kanske")), ("text", .string(""))]))])
        try round.folder.write(bytes: JSONWriter.pretty(.object(broken)), "broken.json")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            for name in sys.argv[2:]:
                errors = list(v.iter_errors(json.load(open(name))))
                print(name.split('/')[-1], len(errors))
            """
        let result = try run("/usr/bin/env", ["python3", "-c", script, round.folder.file("schema.json"), round.folder.file("template.json"),
                                              round.folder.file("published.json"), round.folder.file("broken.json")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "template.json 0\npublished.json 0\nbroken.json 1\n")
    }
}

@Suite struct AnswerSignatureTests {
    @Test func aPublishedAnswerVerifiesAndAnyChangedByteFails() throws {
        let round = try AnswerRound()
        let published = try round.publish(round.filled())
        #expect(published.answer.revision == 1)
        #expect(published.answer.answeredAt == SampleDrafts.now)
        let check = AnswerFile.verify(published.bytes, key: round.inbox.publicKey)
        #expect(check.isValid, "\(check.problems)")
        #expect(check.answer == published.answer)
        var generator = SeededGenerator.forTest("aPublishedAnswerVerifiesAndAnyChangedByteFails")
        let seed = generator.seed
        for _ in 0..<200 {
            var bytes = published.bytes
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
            #expect(!AnswerFile.verify(bytes, key: round.inbox.publicKey).isValid, "seed \(seed), byte \(at)")
        }
        // Another key is not trusted, even with a valid signature of its own.
        let other = ReceiptSigningKey.generate()
        let forged = try AnswerFile.signed(published.answer, form: round.form, with: other)
        #expect(AnswerFile.verify(forged, key: other.publicKey).isValid)
        #expect(!AnswerFile.verify(forged, key: round.inbox.publicKey).isValid)
    }

    /// The key id and algorithm are covered: naming another key id in a re-signed file fails.
    @Test func theSignatureCoversKeyIdAndAlgorithm() throws {
        let round = try AnswerRound()
        let published = try round.publish(round.filled())
        guard case .object(var object) = try JSONParser.parse(published.bytes), case .object(var signature)? = object["signature"] else {
            Issue.record("no signature")
            return
        }
        let covered = AnswerFile.signedBytes(object)
        #expect(String(decoding: covered, as: UTF8.self).contains("\"keyId\":\"\(round.key.publicKey.id)\""))
        #expect(String(decoding: covered, as: UTF8.self).contains("\"algorithm\":\"Ed25519\""))
        #expect(!String(decoding: covered, as: UTF8.self).contains("\"value\""))
        signature["algorithm"] = .string("ed25519")
        object["signature"] = .object(signature)
        #expect(AnswerFile.signedBytes(object) != covered)
        #expect(!AnswerFile.verify(JSONWriter.pretty(.object(object)), key: round.inbox.publicKey).isValid)
    }

    @Test func revisingMakesANewRevisionAndTheOldOneStays() throws {
        let round = try AnswerRound()
        let first = try round.publish(round.filled())
        var revised = round.filled()
        revised.headings[0].judgement = "styrdialog"
        let second = try round.publish(revised)
        #expect(second.answer.revision == 2)
        let archive = AnswerArchive(inboxPath: round.inbox.path)
        #expect(archive.revisions(formID: round.form.id, committee: "hsn").map(\.revision) == [1, 2])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: first.path))) == first.bytes)
        let mode = try FileManager.default.attributesOfItem(atPath: second.path)[.posixPermissions] as? Int
        #expect(mode == 0o444)
        let folderMode = try FileManager.default.attributesOfItem(atPath: archive.folder)[.posixPermissions] as? Int
        let receiptsMode = try FileManager.default.attributesOfItem(atPath: round.inbox.receiptsFolder)[.posixPermissions] as? Int
        #expect(folderMode == receiptsMode)
    }

    /// Anyone can check an answer without this program: Python computes the RFC 8785 bytes
    /// on its own (sorted keys, no spaces, UTF-8), OpenSSL checks the signature.
    @Test(.enabled(if: isInstalled("openssl") && isInstalled("python3")))
    func openSSLVerifiesAnAnswer() throws {
        let round = try AnswerRound()
        let published = try round.publish(round.filled())
        try round.folder.write("public.pem", round.inbox.publicKey.pem)
        let script = """
            import json, sys, base64
            answer = json.load(open(sys.argv[1], encoding='utf-8'))
            value = answer['signature'].pop('value')
            open(sys.argv[2], 'wb').write(json.dumps(answer, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode('utf-8'))
            open(sys.argv[3], 'wb').write(base64.b64decode(value))
            """
        let prepared = try run("/usr/bin/env", ["python3", "-c", script, published.path, round.folder.file("message"), round.folder.file("signature")])
        #expect(prepared.status == 0, "\(prepared.stderr)")
        let verified = try run("/usr/bin/env", ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", round.folder.file("public.pem"),
                                                "-rawin", "-in", round.folder.file("message"), "-sigfile", round.folder.file("signature")])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        #expect(verified.stdout.contains("Signature Verified Successfully"))
        // One changed byte of the message: OpenSSL refuses it too.
        var message = Array(try Data(contentsOf: URL(fileURLWithPath: round.folder.file("message"))))
        message[message.count / 2] ^= 0x01
        try round.folder.write(bytes: message, "message")
        let refused = try run("/usr/bin/env", ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", round.folder.file("public.pem"),
                                               "-rawin", "-in", round.folder.file("message"), "-sigfile", round.folder.file("signature")])
        #expect(refused.status != 0)
    }
}

@Suite struct AnswerIndexAndDocumentTests {
    @Test func theCommitteeSeesTheAnswerToItsHandIn() throws {
        let round = try AnswerRound()
        let before = AnswerIndex(dataFolder: round.dataFolder).entries()
        #expect(before.count == 1)
        #expect(before[0].answer == nil)
        #expect(before[0].line(.sv) == "inget svar från styrelsen ännu")
        var answer = round.filled()
        for index in answer.headings.indices { answer.headings[index].judgement = index < 4 ? "beaktas" : index == 4 ? "delvis" : "styrdialog" }
        _ = try round.publish(answer)
        _ = try round.publish(answer)
        let after = AnswerIndex(dataFolder: round.dataFolder).entries()
        #expect(after[0].answer?.revision == 2)
        #expect(after[0].revisions == 2)
        #expect(after[0].line(.sv) == "Styrelsens svar 2027-03-31 10:00 (revision 2): 4 beaktas i regionplanen, 1 beaktas delvis, 1 hanteras i styrdialogen")
        // Pinned to another key, the answers do not count.
        let pinned = AnswerIndex(dataFolder: round.dataFolder, pinnedKey: ReceiptSigningKey.generate().publicKey).entries()
        #expect(pinned[0].answer == nil)
        #expect(pinned[0].line(.en).hasPrefix("an answer that cannot be trusted"))
    }

    @Test func theDialogueDocumentShowsTheCommitteesTextBesideTheBoardsJudgement() throws {
        let round = try AnswerRound()
        let answer = try round.publish(round.filled()).answer
        let draft = round.feedback.export.draft
        let md = String(decoding: try AnswerDocument.render(answer: answer, feedback: draft, form: round.form, format: .md, language: .sv), as: UTF8.self)
        #expect(md.contains("Styrelsens svar: Hälso- och sjukvårdsnämnden"))
        #expect(md.contains("Hälso- och sjukvårdsnämnden om rubrik 1."))
        #expect(md.contains("beaktas i regionplanen"))
        #expect(md.contains("Styrelsen motiverar rubrik 2."))
        #expect(md.contains("tas in i investeringsplanen"))
        #expect(md.contains("Hälso- och sjukvårdsnämnden: objekt 2"))
        let html = String(decoding: try AnswerDocument.render(answer: answer, feedback: draft, form: round.form, format: .html, language: .en), as: UTF8.self)
        #expect(html.contains("The board&#39;s judgement") || html.contains("The board’s judgement") || html.contains("The board's judgement"))
        #expect(html.contains("partly taken into account"))
        let docx = try AnswerDocument.render(answer: answer, feedback: draft, form: round.form, format: .docx, language: .sv)
        #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(AnswerDocument.fileName(answer: answer, format: .docx) == "pf-aterkoppling-2028_hsn_answer1.docx")
    }
}
