import FeedbackModel

/// Swedish local time (CET, and CEST from the last Sunday of March to the last Sunday of
/// October, switching at 01:00 UTC as everywhere in the EU), computed without the system's
/// time-zone files so that "on time" is the same on every server.
public enum SwedishTime {
    /// Seconds to add to UTC for Swedish local time at an instant: 3600 or 7200.
    public static func offset(at instant: Timestamp) -> Int64 {
        let year = instant.date.year
        let start = lastSunday(month: 3, year: year)
        let end = lastSunday(month: 10, year: year)
        return instant >= start && instant < end ? 7200 : 3600
    }

    /// 01:00 UTC on the last Sunday of the month.
    static func lastSunday(month: Int, year: Int) -> Timestamp {
        let days = Timestamp.days(year: year, month: month, day: 31)
        // 1970-01-01 was a Thursday: weekday 0 = Sunday.
        let weekday = ((days % 7) + 11) % 7
        return Timestamp(secondsSinceEpoch: Int64(days - weekday) * 86400 + 3600)
    }

    /// The local calendar date and minutes of an instant: (date, hour, minute).
    public static func local(_ instant: Timestamp) -> (date: SimpleDate, hour: Int, minute: Int) {
        let shifted = Timestamp(secondsSinceEpoch: instant.secondsSinceEpoch + offset(at: instant))
        let seconds = shifted.secondsSinceEpoch - Int64(Timestamp.days(of: shifted)) * 86400
        return (shifted.date, Int(seconds / 3600), Int(seconds / 60 % 60))
    }

    /// "2027-04-15 10:02", Swedish local time.
    public static func minuteText(_ instant: Timestamp) -> String {
        let (date, hour, minute) = local(instant)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(date) \(pad(hour)):\(pad(minute))"
    }

    /// When a deadline day is over: midnight Swedish time at the end of that date.
    public static func endOfDay(_ date: SimpleDate) -> Timestamp {
        let midnightUTC = Int64(Timestamp.days(year: date.year, month: date.month, day: date.day) + 1) * 86400
        // The offset in force just before that midnight (no switch happens at midnight).
        let guess = Timestamp(secondsSinceEpoch: midnightUTC - 3600)
        return Timestamp(secondsSinceEpoch: midnightUTC - offset(at: guess))
    }
}

extension Timestamp {
    /// Days since 1970-01-01 of a calendar date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days-from-civil, as the model's Timestamp parser uses.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func days(of instant: Timestamp) -> Int {
        let s = instant.secondsSinceEpoch
        return Int(s >= 0 ? s / 86400 : (s - 86399) / 86400)
    }
}
