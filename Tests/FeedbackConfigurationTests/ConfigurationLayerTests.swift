import Foundation
import Testing
import TestSupport
@testable import FeedbackConfiguration
import FeedbackModel

/// The order of the layers: defaults, system file, user file, environment, flags.
@Suite struct ConfigurationLayerTests {
    let folder = TemporaryFolder()

    var locations: ConfigurationLocations {
        ConfigurationLocations(systemFolder: folder.file("etc"), userFile: folder.file("home/.config/feedback/config"),
                               installedForms: folder.file("usr/share/feedback/forms"))
    }

    func write(_ relative: String, _ text: String) throws {
        let path = folder.file(relative)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try folder.write(relative, text)
    }

    func load(_ environment: [String: String] = [:], forms: Bool = false) throws(ConfigurationError) -> Configuration {
        try Configuration.load(environment: ["HOME": folder.file("home")].merging(environment) { $1 }, locations: locations,
                               workingFolderHasForms: forms)
    }

    @Test func defaultsWithNoFiles() throws {
        let configuration = try load()
        #expect(configuration.exportsFolder == "Exports")
        #expect(configuration.draftsFolder == folder.file("home") + "/.local/share/feedback")
        #expect(configuration.inbox == nil)
        #expect(configuration.boardKey == nil)
        #expect(configuration.language == .sv)
        #expect(configuration.formsFolders == [])
        #expect(configuration.files == [.init(path: folder.file("etc/config"), found: false),
                                        .init(path: folder.file("home/.config/feedback/config"), found: false)])
        #expect(configuration.formSearchPath.map(\.role) == [.installed, .region])
        #expect(try load(forms: true).formsFolders == ["Forms"])
        #expect(try load(["XDG_DATA_HOME": "/data"]).draftsFolder == "/data/feedback")
        #expect(try load(["XDG_DATA_HOME": "relative"]).draftsFolder.hasSuffix("/.local/share/feedback"))
        #expect(try load(["LANG": "en_GB.UTF-8"]).language == .en)
        #expect(try load(["LANG": "en_GB.UTF-8"])[.language].source == .builtIn(reason: "LANG=en_GB.UTF-8"))
    }

    @Test func eachLayerWinsOverTheOneBefore() throws {
        try write("etc/config", "exports = /sys/exports\ninbox = /sys/inbox\nlanguage = en\nboard-key = /sys/key\n")
        try write("home/.config/feedback/config", "inbox = ~/inbox\nlanguage = sv\n")
        var configuration = try load(["FEEDBACK_LANGUAGE": "en", "FEEDBACK_BOARD_KEY": "/env/key", "FEEDBACK_EXPORTS": ""])
        #expect(configuration.exportsFolder == "/sys/exports")
        #expect(configuration[.exports].source == .file(path: folder.file("etc/config"), line: 1))
        #expect(configuration.inbox == folder.file("home") + "/inbox")
        #expect(configuration[.inbox].source == .file(path: folder.file("home/.config/feedback/config"), line: 1))
        #expect(configuration.language == .en)
        #expect(configuration[.language].source == .environment(variable: "FEEDBACK_LANGUAGE"))
        #expect(configuration.boardKey == "/env/key")
        try configuration.override(.language, with: "sv", flag: "--lang")
        try configuration.override(.inbox, with: nil, flag: "--inbox")
        #expect(configuration.language == .sv)
        #expect(configuration[.language].source == .flag("--lang"))
        #expect(configuration.inbox == folder.file("home") + "/inbox")
        #expect(configuration.files.map(\.found) == [true, true])
    }

    @Test func anEmptyValueRestoresTheDefault() throws {
        try write("etc/config", "exports = /sys/exports\ninbox = /sys/inbox\n")
        try write("home/.config/feedback/config", "exports =\ninbox =\n")
        let configuration = try load()
        #expect(configuration.exportsFolder == "Exports")
        #expect(configuration.inbox == nil)
        #expect(configuration[.inbox].source == .file(path: folder.file("home/.config/feedback/config"), line: 2))
    }

    @Test func formsFoldersComeAfterTheInstalledAndTheRegionsOwn() throws {
        try write("etc/config", "forms = /a:/b\n")
        let configuration = try load(forms: true)
        #expect(configuration.formSearchPath == [
            .init(path: folder.file("usr/share/feedback/forms"), role: .installed),
            .init(path: folder.file("etc/forms"), role: .region),
            .init(path: "/a", role: .own), .init(path: "/b", role: .own),
        ])
    }

    @Test func aBadEnvironmentValueIsNamed() throws {
        do {
            _ = try load(["FEEDBACK_LANGUAGE": "fi"])
            Issue.record("FEEDBACK_LANGUAGE=fi was accepted")
        } catch {
            #expect(error.message(.en) == "FEEDBACK_LANGUAGE: the language must be sv or en, not “fi”")
        }
    }

    @Test func locationsFollowXDGAndTheBinary() {
        let standard = ConfigurationLocations.standard(environment: ["HOME": "/home/a"], executable: "/usr/bin/feedback")
        #expect(standard.systemFile == "/etc/feedback/config")
        #expect(standard.regionForms == "/etc/feedback/forms")
        #expect(standard.userFile == "/home/a/.config/feedback/config")
        #expect(standard.installedForms == "/usr/share/feedback/forms")
        let xdg = ConfigurationLocations.standard(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/cfg", "FEEDBACK_SYSTEM_CONFIG_DIR": "/opt/etc"],
                                                  executable: "/opt/feedback/bin/feedback")
        #expect(xdg.userFile == "/cfg/feedback/config")
        #expect(xdg.systemFile == "/opt/etc/config")
        #expect(xdg.installedForms == "/opt/feedback/share/feedback/forms")
        #expect(ConfigurationLocations.installedForms(besideExecutable: "/work/.build/debug/feedback") == nil)
        #expect(ConfigurationLocations.standard(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "rel"]).userFile == "/h/.config/feedback/config")
    }

    @Test func withoutProcTheExecutableIsFoundFromArgv() throws {
        try FileManager.default.createDirectory(atPath: folder.file("prefix/bin"), withIntermediateDirectories: true)
        try folder.write("prefix/bin/feedback", "#!/bin/sh\n")
        chmod(folder.file("prefix/bin/feedback"), 0o755)
        let real = URL(fileURLWithPath: folder.file("prefix/bin/feedback")).resolvingSymlinksInPath().path
        #expect(ConfigurationLocations.executable(fromArguments: ["feedback"], environment: ["PATH": "/nonexistent:" + folder.file("prefix/bin")]) == real)
        #expect(ConfigurationLocations.executable(fromArguments: [folder.file("prefix/bin/feedback")], environment: [:]) == real)
        #expect(ConfigurationLocations.executable(fromArguments: ["feedback"], environment: ["PATH": "/nonexistent"]) == nil)
        #expect(ConfigurationLocations.installedForms(besideExecutable: real)?.hasSuffix("/prefix/share/feedback/forms") == true)
    }

    @Test func theReportNamesEveryValueAndSource() throws {
        try write("etc/config", "inbox = /srv/inbox\n")
        let configuration = try load(["FEEDBACK_EXPORTS": "/env/ex\u{1B}ports"])
        let text = ConfigurationReport(configuration).text(.en)
        #expect(text.contains("inbox      /srv/inbox"))
        #expect(text.contains("exports    /env/ex^[ports"))
        #expect(text.contains(folder.file("etc/config") + ":1"))
        #expect(text.contains("environment FEEDBACK_EXPORTS"))
        #expect(text.contains(folder.file("etc/forms")))
        #expect(!text.contains("\u{1B}"))
        let json = ConfigurationReport(configuration).json()
        let settings = try #require(json.objectValue?["settings"]?.objectValue)
        #expect(settings["exports"]?.objectValue?["value"] == .string("/env/ex\u{1B}ports"))
        #expect(settings["exports"]?.objectValue?["source"]?.objectValue?["variable"] == .string("FEEDBACK_EXPORTS"))
        #expect(settings.keys == ConfigurationKey.allCases.map(\.rawValue))
    }
}
