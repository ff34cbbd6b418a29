import Foundation

/// A small deterministic generator (SplitMix64) for randomised tests: each test prints its
/// seed, and `FEEDBACK_SEED=N` replays a run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// A generator seeded from `FEEDBACK_SEED`, else at random; the seed is printed.
    public static func forTest(_ name: String) -> SeededGenerator {
        let seed = UInt64(ProcessInfo.processInfo.environment["FEEDBACK_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max / 2)
        print("\(name): seed \(seed) (FEEDBACK_SEED=\(seed) replays it)")
        return SeededGenerator(seed: seed)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
