import Foundation
import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The keymap is the one table of keys: every action bound, documented in both languages,
/// no key bound twice where it applies, and the secretary's guide's table made from it.
@Suite struct KeymapTests {
    let keymap = Keymap.standard

    @Test func everyActionIsBoundSomewhere() {
        let bound = Set(KeyContext.allCases.flatMap { keymap.bindings[$0] ?? [] }.map(\.action))
        for action in Action.allCases {
            #expect(bound.contains(action), "\(action) has no key")
        }
    }

    @Test func everyBindingIsDocumentedInSwedishAndEnglish() {
        for context in KeyContext.allCases {
            for binding in keymap.bindings[context] ?? [] {
                #expect(!binding.help.sv.isEmpty && !binding.help.en.isEmpty, "\(context)/\(binding.action)")
                #expect(!binding.keys.isEmpty, "\(context)/\(binding.action) has no keys")
                if let hint = binding.hint { #expect(!hint.sv.isEmpty && !hint.en.isEmpty) }
            }
        }
    }

    @Test func noKeyIsBoundTwiceWhereItApplies() {
        for context in KeyContext.allCases {
            let bindings = keymap.effectiveBindings(context)
            for (i, a) in bindings.enumerated() {
                for b in bindings[(i + 1)...] where a.action != b.action {
                    for x in a.keys {
                        for y in b.keys where x.overlaps(y) {
                            Issue.record("\(context): \(x.label(.en)) is both \(a.action) and \(b.action)")
                        }
                    }
                }
            }
        }
    }

    @Test func theLineEditorsEndKeyIsNotTheExportKey() {
        // Ctrl-E was both "export" and "end of line" in the first version.
        #expect(keymap.action(for: .control("e"), in: .details) == .exportMenu)
        #expect(keymap.action(for: .end, in: .details) == .rowEnd)
    }

    /// The secretary's guide's key table is generated from the keymap (FEEDBACK_RECORD=1 rewrites it).
    @Test func theGuidesKeyTableIsTheKeymap() throws {
        try GeneratedBlock.check(in: "docs/secretaries.md", begin: "<!-- keys: generated from Keymap.standard; FEEDBACK_RECORD=1 swift test rewrites it -->",
                                 end: "<!-- end of keys -->", content: KeymapMarkdown.table(language: .en), what: "key table")
    }
}
