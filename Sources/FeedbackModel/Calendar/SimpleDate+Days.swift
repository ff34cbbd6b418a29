extension SimpleDate {
    /// Days since 1970-01-01.
    public var dayNumber: Int { Timestamp.daysFromCivil(year, month, day) }

    /// The date `dayNumber` days after 1970-01-01 (nil outside years 1–9999).
    public init?(dayNumber: Int) {
        let (y, m, d) = Timestamp.civilFromDays(dayNumber)
        self.init(year: y, month: m, day: d)
    }

    /// Whole days from this date to `other` (negative when `other` is earlier).
    public func days(until other: SimpleDate) -> Int { other.dayNumber - dayNumber }

    /// The date `days` days later (earlier when negative), nil outside years 1–9999.
    public func adding(days: Int) -> SimpleDate? { SimpleDate(dayNumber: dayNumber + days) }
}
