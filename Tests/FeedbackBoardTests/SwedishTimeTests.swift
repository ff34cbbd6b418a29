import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard

/// Swedish local time without time-zone files: "on time" and "kvitterad 10:02" must be the
/// same on every server.
@Suite struct SwedishTimeTests {
    func at(_ iso: String) -> Timestamp {
        guard let t = Timestamp(iso: iso) else { fatalError("bad time \(iso)") }
        return t
    }

    @Test func summerAndWinterTime() {
        #expect(SwedishTime.minuteText(at("2027-04-15T08:02:00Z")) == "2027-04-15 10:02")
        #expect(SwedishTime.minuteText(at("2027-01-10T09:00:59Z")) == "2027-01-10 10:00")
        #expect(SwedishTime.minuteText(at("2027-12-31T23:30:00Z")) == "2028-01-01 00:30")
        // 2027: summer time from Sunday 28 March 01:00 UTC to Sunday 31 October 01:00 UTC.
        #expect(SwedishTime.offset(at: at("2027-03-28T00:59:59Z")) == 3600)
        #expect(SwedishTime.offset(at: at("2027-03-28T01:00:00Z")) == 7200)
        #expect(SwedishTime.offset(at: at("2027-10-31T00:59:59Z")) == 7200)
        #expect(SwedishTime.offset(at: at("2027-10-31T01:00:00Z")) == 3600)
    }

    @Test func aDeadlineDayEndsAtSwedishMidnight() {
        // 16 April 2027 is summer time: midnight is 22:00 UTC.
        #expect(SwedishTime.endOfDay(SimpleDate(year: 2027, month: 4, day: 16)!) == at("2027-04-16T22:00:00Z"))
        // 15 January: winter time, 23:00 UTC.
        #expect(SwedishTime.endOfDay(SimpleDate(year: 2027, month: 1, day: 15)!) == at("2027-01-15T23:00:00Z"))
    }

    /// Checked against the system's own Europe/Stockholm rules (tzdata), at random instants
    /// between 1996 (when the EU rule began) and 2037.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Stockholm")))
    func agreesWithTheSystemTimeZoneDatabase() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("SwedishTimeTests seed \(seed)")
        var generator = SeededGenerator(seed: seed)
        let zone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: 820_454_400...2_145_916_800, using: &generator)
            let instant = Timestamp(secondsSinceEpoch: seconds)
            let expected = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
            #expect(SwedishTime.offset(at: instant) == expected, "at \(instant) (seed \(seed))")
        }
    }
}
