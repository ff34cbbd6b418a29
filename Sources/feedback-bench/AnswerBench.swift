import FeedbackAnswers
import FeedbackBoard
import FeedbackModel
import Foundation

/// The board's answers (issue 21) at the scale of the board bench: 300 committees' typical
/// exports received, then an answer to each checked, signed and published in the library (as
/// `feedback board answer --from` does it, without 300 process starts), and a committee's
/// `feedback answer list` as a whole process of the release binary.
struct AnswerBench {
    let binary: String
    let folder: String
    let quick: Bool
    let results: Results

    func run() throws {
        let (form, forms) = try BoardBench(binary: binary, folder: folder, quick: quick, results: results).bigForm()
        let inbox = try InboxSetup.create(at: folder + "/answers-inbox", form: form, group: nil, now: Drafts.now)
        let key = try inbox.signingKey()
        let dataHome = folder + "/answers-data"
        for (i, committee) in form.committees.enumerated() {
            var draft = Drafts.typical(form)
            draft.metadata["committee"] = .text(committee.id)
            draft.documentID = "00000000-0000-4000-8000-\(String(format: "%012d", i))"
            draft.revision = 1
            // One committee's secretary keeps a record of the hand-in (what `answer list` reads).
            _ = try Submission(inbox: inbox, dataFolder: i == 0 ? dataHome + "/feedback" : nil).submit(draft, exportedAt: Drafts.now)
        }
        _ = try Receiver(inbox: inbox, key: key).receiveAll()
        let ledger = try ReceiptLedger.load(inbox)
        var answers: [BoardAnswer] = []
        var drafts: [Draft] = []
        let motivation = (0..<8).map { "Styrelsen bedömer att nämndens förslag i stort ligger i linje med budgetramen, mål \($0 + 1)." }.joined(separator: " ")
        for entry in ledger.entries where entry.receipt.isAccepted {
            let feedback = try AnsweredFeedback.read(inbox: inbox, receipt: entry.receipt)
            var answer = feedback.template(form: form)
            for index in answer.headings.indices {
                answer.headings[index].judgement = form.answers.judgements[index % form.answers.judgements.count].id
                answer.headings[index].text = motivation
            }
            for index in answer.rows.indices { answer.rows[index].decision = form.answers.rows[0].options[index % 2].id }
            answers.append(answer)
            drafts.append(feedback.export.draft)
        }
        guard answers.count == BoardBench.count else { throw BenchError("\(answers.count) of \(BoardBench.count) exports accepted") }
        Console.progress("answers: \(answers.count) accepted exports to answer")

        let runs = quick ? 2 : 5
        var publish: [Double] = []
        var wrong: [String] = []
        let archive = AnswerArchive(inboxPath: inbox.path)
        let check = AnswerCheck(form: form)
        for run in 0..<(runs + 1) {  // one warm-up run
            Proc.removeTree(archive.folder)
            let start = nowNanos()
            for (answer, draft) in zip(answers, drafts) {
                let problems = check.problems(answer, feedback: draft)
                if !problems.isEmpty { wrong.append("answer refused: \(problems[0].line(.en))") }
                _ = try archive.publish(answer, form: form, key: key, now: Drafts.now, by: "bench")
            }
            if run > 0 { publish.append(seconds(since: start) * 1000) }
        }
        if archive.names().count != BoardBench.count { wrong.append("\(archive.names().count) answers published") }
        let env = Proc.environment(home: folder, extra: ["FEEDBACK_FORMS": forms, "XDG_DATA_HOME": dataHome])
        var list: [Double] = []
        for _ in 0..<(quick ? 5 : 15) {
            let (t, e) = try Proc.timed(binary, ["answer", "list"], environment: env)
            if e.status != 0 { wrong.append("answer list exit \(e.status)") }
            list.append(t * 1000)
        }
        let note = wrong.isEmpty ? nil : "CHECK FAILED: " + Array(Set(wrong)).sorted().joined(separator: ", ")
        let p = Sample(publish), l = Sample(list)
        results.add(Row(group: "answers", name: "publish \(BoardBench.count) board answers (check, sign, save)", value: p.median, unit: "ms",
                        runs: p.count, target: "≤ 1 s", verdict: wrong.isEmpty && p.median <= 1000 ? .pass : .miss,
                        note: note ?? "in the library: each answer checked against the form and its export, signed (Ed25519) and saved new through FileStore (fsync per file)"))
        results.add(Row(group: "answers", name: "feedback answer list (a committee's hand-in, 300 answers in the inbox)", value: l.median, unit: "ms",
                        runs: l.count, target: "≤ 50 ms", verdict: wrong.isEmpty && l.median <= 50 ? .pass : .miss,
                        note: note ?? "whole process: reads the hand-in record, opens the inbox, lists answers/, verifies the committee's answer"))
        if !quick { Proc.removeTree(inbox.path) }
    }
}
