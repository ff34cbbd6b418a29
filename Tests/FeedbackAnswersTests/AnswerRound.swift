import FeedbackAnswers
import FeedbackBoard
import FeedbackModel
import Foundation
import TestSupport

/// An inbox with one committee's feedback handed in (through `Submission`, so the hand-in is
/// recorded in a data folder as `feedback submit` does) and received.
struct AnswerRound {
    let folder = TemporaryFolder()
    let inbox: Inbox
    let key: ReceiptSigningKey
    let feedback: AnsweredFeedback
    var form: FormDefinition { inbox.form }
    var dataFolder: String { folder.file("data") }

    init(committee: String = "hsn", index: Int = 1) throws {
        let form = shippedForm()
        inbox = try InboxSetup.create(at: folder.file("inkorg"), form: form, group: nil, now: SampleDrafts.now)
        key = try inbox.signingKey()
        let draft = BoardSamples.draft(form, committee: committee, index: index)
        _ = try Submission(inbox: inbox, dataFolder: folder.file("data")).submit(draft, exportedAt: SampleDrafts.now)
        _ = try Receiver(inbox: inbox, key: key).receiveAll()
        feedback = try AnsweredFeedback.latest(in: inbox, committee: committee)
    }

    /// The template filled: judgements in turn, a motivation per heading, a decision per row.
    func filled() -> BoardAnswer {
        var answer = feedback.template(form: form)
        let judgements = form.answers.judgements
        for index in answer.headings.indices {
            answer.headings[index].judgement = judgements[index % judgements.count].id
            answer.headings[index].text = "Styrelsen motiverar rubrik \(index + 1).\n\n- en punkt\n- en till"
        }
        for index in answer.rows.indices {
            let options = form.answers.rows[0].options
            answer.rows[index].decision = options[index % options.count].id
            answer.rows[index].text = "Motivering för rad \(index + 1)"
        }
        return answer
    }

    func publish(_ answer: BoardAnswer) throws -> AnswerArchive.Published {
        try AnswerArchive(inboxPath: inbox.path).publish(answer, form: form, key: key, now: SampleDrafts.now, by: "styrelsen")
    }
}
