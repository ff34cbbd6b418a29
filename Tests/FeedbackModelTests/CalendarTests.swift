import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Today, days left to the deadline, the timeline as the start screen shows it, and the
/// validator's calendar warnings.
@Suite struct CalendarTests {
    let form = shippedForm()

    func date(_ text: String) -> SimpleDate { SimpleDate(iso: text)! }

    @Test func daysLeftPhrases() {
        let deadline = date("2027-04-16")
        let cases: [(String, String, String)] = [
            ("2027-04-04", "12 dagar kvar", "12 days left"),
            ("2027-04-15", "1 dag kvar", "1 day left"),
            ("2027-04-16", "sista dagen i dag", "last day today"),
            ("2027-04-17", "1 dag sedan sista dag", "1 day past the deadline"),
            ("2027-04-18", "2 dagar sedan sista dag", "2 days past the deadline"),
            ("2024-07-20", "1 000 dagar kvar", "1,000 days left"),
        ]
        for (today, sv, en) in cases {
            let status = DeadlineStatus(today: date(today), deadline: deadline)
            #expect(status.phrase(.sv) == sv, "\(today)")
            #expect(status.phrase(.en) == en, "\(today)")
        }
        #expect(form.deadlineStatus(today: date("2027-03-31")) == .daysLeft(16))
        #expect(DeadlineStatus(today: date("2027-05-16"), deadline: deadline) == .overdue(30))
        #expect(DeadlineStatus(today: date("2027-05-16"), deadline: deadline).isOverdue)
    }

    /// Day arithmetic against Foundation's Gregorian calendar, over random dates (after 1600:
    /// Foundation switches to the Julian calendar before 1582, we stay proleptic Gregorian).
    @Test func dayArithmeticAgreesWithFoundation() throws {
        var generator = SeededGenerator.forTest("dayArithmeticAgreesWithFoundation")
        let seed = generator.seed
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for _ in 0..<2000 {
            let a = try #require(SimpleDate(dayNumber: Int.random(in: -130_000...200_000, using: &generator)))
            let delta = Int.random(in: -3000...3000, using: &generator)
            let b = try #require(a.adding(days: delta))
            #expect(a.days(until: b) == delta)
            let fa = try #require(calendar.date(from: DateComponents(year: a.year, month: a.month, day: a.day)))
            let fb = try #require(calendar.date(byAdding: .day, value: delta, to: fa))
            let parts = calendar.dateComponents([.year, .month, .day], from: fb)
            #expect([parts.year, parts.month, parts.day] == [b.year, b.month, b.day], "seed \(seed): \(a) + \(delta)")
        }
        #expect(date("2028-02-28").adding(days: 1) == date("2028-02-29"))
        #expect(date("2027-02-28").adding(days: 1) == date("2027-03-01"))
        #expect(date("2026-12-31").days(until: date("2027-01-01")) == 1)
    }

    @Test func todayFromTheEnvironmentOrTheLocalClock() throws {
        let stockholm = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        // 2027-04-15T22:30:00Z: already the 16th in Stockholm (summer time, UTC+2).
        let lateEvening = Date(timeIntervalSince1970: 1_807_828_200)
        #expect(try Today.resolve(environment: [:], now: lateEvening, timeZone: stockholm) ==
                Today.Resolution(date: date("2027-04-16"), source: .clock, ignored: nil))
        #expect(try Today.date(environment: [:], now: lateEvening, timeZone: utc) == date("2027-04-15"))

        #expect(try Today.date(environment: ["FEEDBACK_TODAY": "2027-04-17"], now: lateEvening) == date("2027-04-17"))
        // SOURCE_DATE_EPOCH is a UTC instant: its UTC date, whatever the time zone.
        #expect(try Today.resolve(environment: ["SOURCE_DATE_EPOCH": "1807828200"], timeZone: stockholm) ==
                Today.Resolution(date: date("2027-04-15"), source: .sourceDateEpoch, ignored: nil))
        // FEEDBACK_TODAY wins over SOURCE_DATE_EPOCH.
        #expect(try Today.date(environment: ["FEEDBACK_TODAY": "2027-01-02", "SOURCE_DATE_EPOCH": "0"]) == date("2027-01-02"))
        // An unusable SOURCE_DATE_EPOCH is ignored (as for exports) and reported.
        let ignored = try Today.resolve(environment: ["SOURCE_DATE_EPOCH": "igår"], now: lateEvening, timeZone: utc)
        #expect(ignored.date == date("2027-04-15") && ignored.source == .clock)
        #expect(ignored.ignored?.message(.sv).contains("SOURCE_DATE_EPOCH=igår") == true)
        // An unusable FEEDBACK_TODAY is an error, with the value shown safely.
        for bad in ["2027-02-30", "16 april", "2027-4-16", "\u{1B}[2J"] {
            #expect(throws: TodayError.self) { try Today.date(environment: ["FEEDBACK_TODAY": bad]) }
        }
        do {
            _ = try Today.date(environment: ["FEEDBACK_TODAY": "x\u{1B}[2J"])
        } catch {
            #expect(error.message(.sv) == "FEEDBACK_TODAY=x^[[2J är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. FEEDBACK_TODAY=2027-04-10")
            #expect(error.message(.en).hasPrefix("FEEDBACK_TODAY=x^[[2J is not a date"))
        }
    }

    @Test func timelineWithTodayMarkedBeforeDuringAndAfterTheRound() {
        func overview(_ today: String) -> TimelineOverview { TimelineOverview(form: form, today: date(today)) }
        let before = overview("2027-01-15")
        #expect(before.rows.map(\.state) == [.upcoming, .upcoming, .upcoming, .upcoming])
        #expect(before.todayIndex == 0)
        let pfDay = overview("2027-03-09")
        #expect(pfDay.rows.map(\.state) == [.past, .current, .upcoming, .upcoming])
        #expect(pfDay.todayIndex == 2)
        let between = overview("2027-03-12")
        #expect(between.rows.map(\.state) == [.past, .past, .upcoming, .upcoming])
        #expect(between.todayIndex == 2)
        let meetings = overview("2027-04-02")
        #expect(meetings.rows.map(\.state) == [.past, .past, .current, .upcoming])
        #expect(meetings.todayIndex == 3)
        #expect(meetings.lines(.sv) == [
            "✓ 2027-02-10             Kickoff: majoritetens förslag till planeringsförutsättningar presenteras",
            "✓ 2027-03-09             Regionstyrelsen beslutar om planeringsförutsättningarna",
            "▶ 2027-03-18–2027-04-16  Nämnderna behandlar planeringsförutsättningarna och beslutar om återkopplingen",
            "▸ i dag 2027-04-02 · 14 dagar kvar",
            "  2027-04-16             Sista dag för nämndernas återkoppling till regionstyrelsen",
        ])
        let lastDay = overview("2027-04-16")
        #expect(lastDay.rows.map(\.state) == [.past, .past, .current, .current])
        #expect(lastDay.todayIndex == 4 && lastDay.deadline == .lastDay)
        #expect(lastDay.rows.last?.isDeadline == true)
        let after = overview("2027-04-19")
        #expect(after.rows.map(\.state) == [.past, .past, .past, .past])
        #expect(after.lines(.en).last == "▸ today 2027-04-19 · 3 days past the deadline")
    }

    func findings(_ draft: Draft, today: String?) -> [Finding] {
        Validator(form: form, today: today.map(date)).validate(draft)
    }

    @Test func lateDraftIsAWarningOnlyAfterTheDeadline() {
        var draft = SampleDrafts.complete(form)
        draft.metadata["status"] = .text("klar-for-beslut")
        for today in ["2027-04-15", "2027-04-16"] {
            #expect(!findings(draft, today: today).contains { $0.code == "lateDraft" }, "\(today)")
        }
        let late = findings(draft, today: "2027-04-19").filter { $0.code == "lateDraft" }
        #expect(late.count == 1)
        #expect(late.first?.severity == .warning)
        #expect(late.first?.pointer == "/metadata/status")
        #expect(late.first?.message.sv == "Återkopplingen är sen: sista dag var 2027-04-16 (3 dagar sedan sista dag) och den är inte beslutad. Meddela regionstyrelsen när den kommer.")
        // Decided feedback is not late; without a today nothing is said (exports).
        draft.metadata["status"] = .text("beslutad")
        #expect(!findings(draft, today: "2027-04-19").contains { $0.code == "lateDraft" })
        draft.metadata["status"] = .text("utkast")
        #expect(!findings(draft, today: nil).contains { $0.code == "lateDraft" })
        #expect(findings(draft, today: "2027-04-17").contains { $0.code == "lateDraft" })
    }

    @Test func meetingAfterTheDeadlineIsAWarningOnTheDate() throws {
        var draft = SampleDrafts.complete(form)
        for ok in ["2027-04-08", "2027-04-16"] {
            draft.metadata["meetingDate"] = .text(ok)
            #expect(!findings(draft, today: nil).contains { $0.code == "meetingAfterDeadline" })
        }
        draft.metadata["meetingDate"] = .text("2027-04-20")
        let found = findings(draft, today: nil).filter { $0.code == "meetingAfterDeadline" }
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .warning)
        #expect(finding.target == FindingTarget(field: .metadata("meetingDate")))
        #expect(finding.message.sv == "Sammanträdesdatum: sammanträdet 2027-04-20 ligger 4 dagar efter sista dag för återkopplingen (2027-04-16). Meddela regionstyrelsen att återkopplingen kommer senare.")
        // The same finding through the per-field call the interface uses.
        let field = try #require(form.metadataField(id: "meetingDate"))
        #expect(Validator(form: form).validate(field: field, value: .text("2027-04-20"), at: .metadata("meetingDate")).map(\.code)
                == ["meetingAfterDeadline"])
        // A warning only: the export still goes through.
        #expect(throws: Never.self) { try Exporter(form: form).export(draft, exportedAt: SampleDrafts.now) }
    }
}
