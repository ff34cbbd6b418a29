import FeedbackModel

/// The board's clock: the system's, or shifted as a whole for rehearsing a round (and for
/// tests) with `FEEDBACK_NOW=2027-04-17T09:00:00Z`. The shift applies to every reading,
/// "now" and the times of files handed in alike, so a file handed in a minute ago is
/// still a minute old.
public struct BoardClock: Sendable {
    /// Seconds added to the system clock.
    public let offset: Int64

    public init(offset: Int64 = 0) {
        self.offset = offset
    }

    /// `FEEDBACK_NOW` when set to `YYYY-MM-DDTHH:MM:SSZ`; the system clock otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> BoardClock {
        guard let text = environment["FEEDBACK_NOW"], let wanted = Timestamp(iso: text) else { return BoardClock() }
        return BoardClock(offset: wanted.secondsSinceEpoch - BoardFiles.now().secondsSinceEpoch)
    }

    public func now() -> Timestamp { shifted(BoardFiles.now()) }

    /// A time read from the file system, on this clock.
    public func shifted(_ time: Timestamp) -> Timestamp {
        Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + offset)
    }
}
