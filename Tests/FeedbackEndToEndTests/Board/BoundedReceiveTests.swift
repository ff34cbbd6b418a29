import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// One secretary cannot exhaust the board: ten sparse 60 MB files in incoming/ are received
/// with a bounded peak memory (GNU time's maximum resident set size) and only the start of
/// each refused file is kept (the per-owner share is tested in HandInTrustTests).
@Suite(.serialized) struct BoundedReceiveTests {
    static let gnuTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")

    @Test(.enabled(if: gnuTime, "needs GNU time (/usr/bin/time) to measure peak memory"))
    func tenSparseSixtyMegabyteFilesStayUnderAHundredMegabytes() throws {
        let round = BoardRound()
        #expect(try feedback(["board", "init", round.inbox]).status == 0)
        for index in 1...10 {
            let path = round.inbox + "/incoming/big\(index).json"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(truncate(path, 60 * 1024 * 1024) == 0)
        }
        var peaks: [Int] = []
        for _ in 0..<4 where !round.files("incoming").isEmpty {
            let measured = try run("/usr/bin/time", ["-v", Paths.binary, "board", "receive", round.inbox],
                                   environment: ["FEEDBACK_SYSTEM_CONFIG_DIR": noConfiguration + "/etc", "XDG_CONFIG_HOME": noConfiguration + "/config"])
            #expect(measured.status == 1, "\(measured.stdout) \(measured.stderr)")
            let line = measured.stderr.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            let kilobytes = line.flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
            peaks.append(kilobytes ?? Int.max)
            if round.files("incoming").count > 0 {
                // The rest waits, and the board is told whose files they are.
                #expect(measured.stderr.contains("väntar till nästa körning"), "\(measured.stderr)")
            }
        }
        print("BoundedReceiveTests: peak resident set per pass (kB): \(peaks)")
        #expect(peaks.allSatisfy { $0 <= 100 * 1024 }, "\(peaks)")
        #expect(round.files("incoming").isEmpty)
        #expect(round.files("receipts").count == 10)
        // Of each refused file only its first megabyte is kept.
        for name in round.files("refused") where name.hasSuffix(".json") {
            var status = stat()
            #expect(stat(round.inbox + "/refused/" + name, &status) == 0)
            #expect(status.st_size <= 1024 * 1024, "\(name): \(status.st_size)")
        }
    }
}
