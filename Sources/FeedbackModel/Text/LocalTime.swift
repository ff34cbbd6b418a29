import Foundation

/// Times as people read them: in the user's time zone, one format everywhere
/// ("2026-12-01 08:56").
public struct LocalTime: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The time zone of the process (`TZ`, else the system's).
    public static var current: LocalTime { LocalTime(timeZone: .current) }
    public static let utc = LocalTime(timeZone: TimeZone(identifier: "UTC") ?? .current)

    /// The instant shifted to local wall-clock time.
    private func local(_ t: Timestamp) -> Timestamp {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.secondsSinceEpoch)))
        return Timestamp(secondsSinceEpoch: t.secondsSinceEpoch + Int64(offset))
    }

    /// "2026-12-01 08:56"
    public func format(_ t: Timestamp) -> String {
        String(local(t).description.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// "08:56"
    public func clock(_ t: Timestamp) -> String {
        String(local(t).description.dropFirst(11).prefix(5))
    }

    /// The local calendar date of an instant.
    public func date(_ t: Timestamp) -> SimpleDate { local(t).date }
}
