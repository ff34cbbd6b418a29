import ArgumentParser
import Foundation

/// The command lines a person waits for, recognised without ArgumentParser: `feedback`,
/// `feedback fill [DRAFT]`, `feedback validate DRAFT…` and `feedback --version`, with no
/// options. ArgumentParser's `parseAsRoot` reflects over the whole command tree (and checks
/// for a completion-script request) before it runs anything: on a static binary that is most
/// of a short run's instructions, in the Swift runtime's conformance lookups. Anything else,
/// any option or unusual word included, goes to ArgumentParser, which behaves the same.
/// (ripgrep 14 left clap for a small hand-written parser for the same start-up cost; here
/// the library stays for everything but these shapes.)
enum QuickStart: Equatable {
    case version
    case interface(draft: String?)
    case validate(drafts: [String])

    /// The quick shape of `arguments` (without the program name), or nil for ArgumentParser.
    init?(arguments: [String]) {
        // A word ArgumentParser might read as something else: an option, "--", help.
        func plain(_ word: String) -> Bool { !word.isEmpty && !word.hasPrefix("-") && word != "help" }
        switch arguments.first {
        case nil: self = .interface(draft: nil)
        case "--version" where arguments.count == 1: self = .version
        case "fill" where arguments.count == 1: self = .interface(draft: nil)
        case "fill" where arguments.count == 2 && plain(arguments[1]): self = .interface(draft: arguments[1])
        case "validate" where arguments.count >= 2 && arguments.dropFirst().allSatisfy(plain): self = .validate(drafts: Array(arguments.dropFirst()))
        default: return nil
        }
    }

    /// Runs the command as ArgumentParser would have with these arguments.
    func run() throws {
        switch self {
        case .version:
            print(Feedback.configuration.version)
        case .interface(let draft):
            try Fill.openInterface(draftPath: draft, common: CommonSettings(), options: InterfaceSettings())
        case .validate(let drafts):
            try Validate.check(drafts, format: .text, common: CommonSettings())
        }
    }
}
