import ArgumentParser
import FeedbackModel

/// Options of the terminal interface.
struct InterfaceOptions: ParsableArguments {
    @Flag(name: .long, help: "Ta över ett lås från en annan dator / take over a lock held from another host.")
    var overrideLock = false
}

struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fyll i ett utkast i terminalgränssnittet / fill in a draft in the terminal interface."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var options: InterfaceOptions

    @Argument(help: "Utkastfilen / the draft file (default: the start screen).")
    var draft: String?

    func run() throws {
        try Fill.openInterface(draftPath: draft, common: common, options: options)
    }

    static func openInterface(draftPath: String?, common: CommonOptions, options: InterfaceOptions) throws {
        throw CommandFailure(message: "Terminalgränssnittet är inte byggt ännu / the terminal interface is not built yet.", code: 2)
    }
}
