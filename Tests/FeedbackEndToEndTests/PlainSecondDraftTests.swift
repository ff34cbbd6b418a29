import Foundation
import Testing
import TestSupport

/// Plain mode asks before making a second draft for a committee, as the full screen does (a
/// stray second draft was how a decided answer got replaced).
@Suite struct PlainSecondDraftTests {
    @Test func aSecondDraftForACommitteeIsMadeOnlyWhenAskedFor() throws {
        let folder = TemporaryFolder()
        let env = ["XDG_DATA_HOME": folder.file("data"), "FEEDBACK_FORMS": folder.file("no-forms")]
        #expect(try feedback(["--plain"], environment: env, input: Array("ny 2\navsluta\n".utf8)).status == 0)
        let drafts = folder.file("data/feedback")
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).filter { $0.hasSuffix(".json") }.count == 1)
        let declined = try feedback(["--plain"], environment: env, input: Array("ny 2\nnej\navsluta\n".utf8))
        #expect(declined.stdout.contains("Det finns redan ett utkast för Hälso- och sjukvårdsnämnden"), "\(declined.stdout)")
        #expect(declined.stdout.contains("Inget nytt utkast"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).filter { $0.hasSuffix(".json") }.count == 1)
        let accepted = try feedback(["--plain"], environment: env, input: Array("ny 2\nja\navsluta\n".utf8))
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).filter { $0.hasSuffix(".json") }.count == 2)
    }
}
