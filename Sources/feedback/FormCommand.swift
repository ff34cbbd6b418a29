import ArgumentParser
import FeedbackModel
import Foundation

/// `feedback form`: work on form files.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Arbeta med formulärfiler / work on form files.",
        discussion: """
            feedback form next FORM [-o FILE]    next year's form from this year's file
            """,
        subcommands: [FormNext.self]
    )
}

/// `feedback form next FORM [-o FILE]`: next year's form, for board staff.
struct FormNext: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Nästa års formulär ur årets / next year's form from this year's.",
        discussion: """
            Reads FORM (a form file) and writes next year's: the id, title, short title and the planning \
            premises' title with every year one later, planPeriod.firstYear + 1, every date of the timeline \
            and every minDate/maxDate a year later, version 1. Comments and layout are kept: the file is \
            edited line by line. A review: list at the end names what a person must still check (the \
            committees, the premises' case number, the dates, years in help texts); `feedback forms` shows \
            it until the key is removed. The result is read back as a form before it is written. Without \
            -o the text goes to standard output. Exit 0 ok, 2 unreadable input or an existing -o file.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: [.short, .customLong("output")], help: "Den nya filen / the new file (default: standard output).")
    var output: String?

    @Argument(help: "Årets formulärfil / this year's form file.")
    var form: String

    func run() throws {
        let language = common.language
        let sv = language == .sv
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: form, limit: FormReader.maximumSize) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let current: FormDefinition
        do { current = try FormReader.read(yaml: bytes, source: form) } catch {
            throw CommandFailure(message: "feedback: " + error.description, code: 2)
        }
        let next = FormNextYear.make(yaml: String(decoding: bytes, as: UTF8.self), form: current)
        let target = output ?? "-"
        do { _ = try FormReader.read(yaml: Array(next.text.utf8), source: target) } catch {
            throw CommandFailure(message: (sv ? "feedback: nästa års formulär blev inte läsbart: " : "feedback: next year's form did not read: ")
                                 + error.description, code: 2)
        }
        guard let output else {
            Console.out(bytes: Array(next.text.utf8))
            return
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            throw CommandFailure(message: sv ? "feedback: \(Sanitizer.visible(output)) finns redan; välj ett annat namn"
                                             : "feedback: \(Sanitizer.visible(output)) already exists; choose another name", code: 2)
        }
        do { try FileStore().save(Array(next.text.utf8), to: output, newFileMode: 0o644) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        Console.out(sv ? "Skrev \(Sanitizer.visible(output)): formuläret \(next.id) version 1." : "Wrote \(Sanitizer.visible(output)): form \(next.id) version 1.")
        for change in next.changes { Console.out("  " + Sanitizer.visible(change)) }
        Console.out(sv ? "Granska det som står under review: i filen och kontrollera med `feedback forms`."
                       : "Review what review: lists in the file, and check it with `feedback forms`.")
    }
}
