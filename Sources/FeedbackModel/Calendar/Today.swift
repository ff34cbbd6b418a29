import Foundation

/// "Today" for everything the program says about dates: the user's local date, unless
/// `FEEDBACK_TODAY=YYYY-MM-DD` or `SOURCE_DATE_EPOCH` (seconds since 1970, read as a UTC date,
/// the reproducible-builds convention) fixes it for tests and reproducible output.
public enum Today {
    public static let variable = "FEEDBACK_TODAY"
    public static let epochVariable = "SOURCE_DATE_EPOCH"

    /// Where the date came from.
    public enum Source: Sendable, Equatable {
        case clock, feedbackToday, sourceDateEpoch
    }

    /// Today's date and where it came from. A `SOURCE_DATE_EPOCH` that is not a whole number
    /// of seconds ≥ 0 is ignored, as for exports, and returned in `ignored` for a warning.
    public struct Resolution: Sendable, Equatable {
        public var date: SimpleDate
        public var source: Source
        public var ignored: TodayError?
    }

    /// Today, or an error when `FEEDBACK_TODAY` is set but is not a real date `YYYY-MM-DD`.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date(), timeZone: TimeZone = .current) throws(TodayError) -> Resolution {
        if let text = environment[variable], !text.isEmpty {
            guard let date = SimpleDate(iso: text.trimmingWhitespace) else {
                throw TodayError(variable: variable, value: text)
            }
            return Resolution(date: date, source: .feedbackToday)
        }
        var ignored: TodayError?
        if let text = environment[epochVariable], !text.isEmpty {
            if let seconds = Int64(text), seconds >= 0, seconds < 253_402_300_800 {
                return Resolution(date: Timestamp(secondsSinceEpoch: seconds).date, source: .sourceDateEpoch)
            }
            ignored = TodayError(variable: epochVariable, value: text)
        }
        return Resolution(date: localDate(of: now, in: timeZone), source: .clock, ignored: ignored)
    }

    /// Today's date (see `resolve`).
    public static func date(environment: [String: String] = ProcessInfo.processInfo.environment,
                            now: Date = Date(), timeZone: TimeZone = .current) throws(TodayError) -> SimpleDate {
        try resolve(environment: environment, now: now, timeZone: timeZone).date
    }

    /// Today with the interface's `LocalTime` (its time zone) for the clock's date.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date(), time: LocalTime) throws(TodayError) -> Resolution {
        try resolve(environment: environment, now: now, timeZone: time.timeZone)
    }

    /// The calendar date of an instant in a time zone (as `LocalTime` shows dates).
    public static func localDate(of instant: Date, in timeZone: TimeZone) -> SimpleDate {
        LocalTime(timeZone: timeZone).date(Timestamp(secondsSinceEpoch: Int64(instant.timeIntervalSince1970.rounded(.down))))
    }
}

/// A date variable in the environment that is not a date.
public struct TodayError: Error, Sendable, Equatable {
    public var variable: String
    public var value: String

    public func message(_ language: Language) -> String {
        let shown = Sanitizer.visible(String(value.prefix(40)))
        if variable == Today.epochVariable {
            return language == .sv
                ? "\(variable)=\(shown) är inget antal sekunder sedan 1970; dagens datum tas från klockan"
                : "\(variable)=\(shown) is not a number of seconds since 1970; today's date is taken from the clock"
        }
        return language == .sv
            ? "\(variable)=\(shown) är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. \(variable)=2027-04-10"
            : "\(variable)=\(shown) is not a date; write YYYY-MM-DD, e.g. \(variable)=2027-04-10"
    }
}
