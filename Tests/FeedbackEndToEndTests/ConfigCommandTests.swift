import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// One configuration, through the built binary: `feedback config`, and the settings used by
/// new, export, validate and forms; broken and hostile files are exit 2 with file and line.
@Suite struct ConfigCommandTests {
    let form = shippedForm()
    let folder = TemporaryFolder()

    /// A system folder (instead of /etc/feedback) and a user configuration folder.
    var environment: [String: String] {
        ["FEEDBACK_SYSTEM_CONFIG_DIR": folder.file("etc"), "XDG_CONFIG_HOME": folder.file("home/.config"),
         "HOME": folder.file("home"), "SOURCE_DATE_EPOCH": "1775635200"]
    }

    func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (folder.file(relative) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try folder.write(relative, text)
    }

    func draft() throws -> String {
        try folder.write(bytes: DraftCodec.encode(SampleDrafts.complete(form), form: form), "utkast.json")
        return folder.file("utkast.json")
    }

    @Test func configShowsEachValueAndWhereItCameFrom() throws {
        try write("etc/config", "# the region\nexports = /srv/exports\ninbox = /srv/inbox\n")
        try write("home/.config/feedback/config", "inbox = ~/inkorg\n")
        var env = environment
        env["FEEDBACK_BOARD_KEY"] = "/keys/board.pub"
        let shown = try feedback(["config", "--lang", "en"], in: folder.path, environment: env)
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        func line(_ key: String) -> String { lines.first { $0.hasPrefix("  \(key) ") } ?? "" }
        #expect(line("exports").contains("/srv/exports"))
        #expect(line("exports").hasSuffix(folder.file("etc/config") + ":2"))
        #expect(line("inbox").contains(folder.file("home") + "/inkorg"))
        #expect(line("inbox").hasSuffix(folder.file("home/.config/feedback/config") + ":1"))
        #expect(line("board-key").hasSuffix("environment FEEDBACK_BOARD_KEY"))
        #expect(line("language").hasSuffix("flag --lang"))
        #expect(line("drafts").contains(folder.file("home") + "/.local/share/feedback"))
        #expect(shown.stdout.contains(folder.file("etc/forms")))
        #expect(shown.stdout.contains("\(folder.file("etc/config"))  read") || shown.stdout.contains("\(folder.file("etc/config")) "))

        let json = try feedback(["config", "--format", "json"], in: folder.path, environment: env)
        #expect(json.status == 0)
        let object = try #require(try JSONParser.parse(json.stdoutBytes).objectValue)
        let inbox = try #require(object["settings"]?.objectValue?["inbox"]?.objectValue)
        #expect(inbox["value"] == .string(folder.file("home") + "/inkorg"))
        #expect(inbox["source"]?.objectValue?["line"] == .integer(1))

        let template = try feedback(["config", "--template", "--lang", "en"])
        #expect(template.status == 0)
        #expect(template.stdout.contains("#inbox = "))
        #expect(template.stdout.contains("FEEDBACK_BOARD_KEY"))
    }

    @Test func commandsUseTheConfiguredFoldersAndFlagsWin() throws {
        try write("etc/config", "exports = \(folder.file("configured-exports"))\ndrafts = \(folder.file("drafts"))\nlanguage = en\n")
        let good = try draft()
        let exported = try feedback(["export", good], in: folder.path, environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix(folder.file("configured-exports") + "/pf-aterkoppling-2028_hsn_r3.json\n"))
        let flagged = try feedback(["export", "--out", folder.file("flag-exports"), good], in: folder.path, environment: environment)
        #expect(flagged.status == 0)
        #expect(flagged.stdout.hasPrefix(folder.file("flag-exports") + "/"))

        let created = try feedback(["new", "--committee", "pn"], in: folder.path, environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == folder.file("drafts") + "/pf-aterkoppling-2028_pn.json\n")

        // language = en in the file; FEEDBACK_LANGUAGE and --lang win over it, in that order.
        let english = try feedback(["new", "--committee", "xyz", "-o", "x.json"], in: folder.path, environment: environment)
        #expect(english.stderr.contains("Unknown committee xyz"))
        var env = environment
        env["FEEDBACK_LANGUAGE"] = "sv"
        let swedish = try feedback(["new", "--committee", "xyz", "-o", "x.json"], in: folder.path, environment: env)
        #expect(swedish.stderr.contains("Okänd nämnd xyz"))
        env["FEEDBACK_LANGUAGE"] = "en"
        let flag = try feedback(["new", "--committee", "xyz", "-o", "x.json", "--lang", "sv"], in: folder.path, environment: env)
        #expect(flag.stderr.contains("Okänd nämnd xyz"))
    }

    @Test func renderUsesTheRegionsConfiguredWordTemplate() throws {
        let template = Paths.root + "/Tests/FeedbackDocumentsTests/Fixtures/template-region.docx"
        let good = try draft()
        let plain = try feedback(["render", good, "-o", folder.file("plain.docx")], in: folder.path, environment: environment)
        #expect(plain.status == 0, "\(plain.stderr)")
        let flagged = try feedback(["render", good, "--template", template, "-o", folder.file("flag.docx")], in: folder.path, environment: environment)
        #expect(flagged.status == 0, "\(flagged.stderr)")
        try write("etc/config", "template = \(template)\n")
        let configured = try feedback(["render", good, "-o", folder.file("configured.docx")], in: folder.path, environment: environment)
        #expect(configured.status == 0, "\(configured.stderr)")
        let bytes = { (name: String) throws -> Data in try Data(contentsOf: URL(fileURLWithPath: self.folder.file(name))) }
        #expect(try bytes("configured.docx") == bytes("flag.docx"), "the configured template is the flag's")
        #expect(try bytes("configured.docx") != bytes("plain.docx"), "the template changes the document")
        // The template is for .docx: HTML is written without it, not refused.
        let html = try feedback(["render", good, "--format", "html", "-o", folder.file("d.html")], in: folder.path, environment: environment)
        #expect(html.status == 0, "\(html.stderr)")
        // An empty value in the user's file returns to no template.
        try write("home/.config/feedback/config", "template =\n")
        let reset = try feedback(["render", good, "-o", folder.file("reset.docx")], in: folder.path, environment: environment)
        #expect(reset.status == 0)
        #expect(try bytes("reset.docx") == bytes("plain.docx"))
    }

    @Test func aBrokenFileStopsEveryCommandButHelpAndVersion() throws {
        try write("etc/config", "exports = /x\nexpots = /y\n")
        let good = try draft()
        let validated = try feedback(["validate", good], in: folder.path, environment: environment)
        #expect(validated.status == 2)
        #expect(validated.stderr.contains(folder.file("etc/config") + ":2: okänd nyckel ”expots”"), "\(validated.stderr)")
        #expect(validated.stdout.isEmpty)
        let config = try feedback(["config", "--lang", "en"], in: folder.path, environment: environment)
        #expect(config.status == 2)
        #expect(config.stderr.contains(":2: unknown key “expots”"))
        #expect(try feedback(["--version"], environment: environment).status == 0)
        #expect(try feedback(["--help"], environment: environment).status == 0)
        #expect(try feedback(["config", "--template"], environment: environment).status == 0)
    }

    @Test(.enabled(if: isInstalled("timeout"), "needs timeout(1) to bound a hang"))
    func aFIFOAsTheUserFileIsRefusedAtOnce() throws {
        try FileManager.default.createDirectory(atPath: folder.file("home/.config/feedback"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.file("home/.config/feedback/config"), 0o600) == 0)
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let result = try run("/usr/bin/env", ["timeout", "20", Paths.binary, "forms", "--lang", "en"], in: folder.path,
                             environment: env)
        #expect(result.status == 2, "exit \(result.status) (124 is a hang): \(result.stderr)")
        #expect(result.stderr.contains("is a FIFO (named pipe), not a regular file; it is not read"))
    }

    @Test(.enabled(if: getuid() == 0 && isInstalled("setpriv"), "needs root and setpriv to own files as another user"))
    func aFileOfAnotherUserIsRefusedAndTheirOwnIsRead() throws {
        try write("home/.config/feedback/config", "exports = /nobodys/exports\n")
        let user = folder.file("home/.config/feedback/config")
        chown(user, 65534, 65534)
        for path in [folder.path, folder.file("home"), folder.file("home/.config"), folder.file("home/.config/feedback")] {
            chmod(path, 0o755)
        }
        // Root is shown nobody's file and refuses it …
        let asRoot = try feedback(["config", "--lang", "en"], in: folder.path, environment: environment)
        #expect(asRoot.status == 2)
        #expect(asRoot.stderr.contains("is owned by nobody (uid 65534), not by you or root; it is not read"), "\(asRoot.stderr)")
        // … while nobody reads their own.
        let asNobody = try run("/usr/bin/env", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary,
                                                "config", "--format", "json"], in: "/", environment: environment)
        #expect(asNobody.status == 0, "\(asNobody.stderr)")
        #expect(asNobody.stdout.contains("/nobodys/exports"))
    }

    @Test(.enabled(if: getuid() == 0 && isInstalled("setpriv"), "needs root and setpriv to look as nobody"))
    func aFileBehindAFolderThatCannotBeSearchedIsNotThereButOneThatCannotBeReadIsAnError() throws {
        // As nobody, through the built binary: /root-like folder 0700 on the way, then a 0600 file.
        try FileManager.default.createDirectory(atPath: folder.file("closed/feedback"), withIntermediateDirectories: true)
        try folder.write("closed/feedback/config", "exports = /x\n")
        chmod(folder.path, 0o755)
        chmod(folder.file("closed"), 0o700)
        let env = ["XDG_CONFIG_HOME": folder.file("closed"), "FEEDBACK_SYSTEM_CONFIG_DIR": noConfiguration + "/etc",
                   "PATH": "/usr/bin:/bin"]
        let hidden = try run("/usr/bin/env", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary,
                                              "config", "--lang", "en"], in: "/", environment: env)
        #expect(hidden.status == 0, "\(hidden.stderr)")
        #expect(hidden.stdout.contains("cannot be seen (permission denied on a folder on the way)"))
        chmod(folder.file("closed"), 0o755)
        chmod(folder.file("closed/feedback/config"), 0o600)
        let unreadable = try run("/usr/bin/env", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary,
                                                  "config", "--lang", "en"], in: "/", environment: env)
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("/closed/feedback/config: permission denied"), "\(unreadable.stderr)")
    }

    @Test func theRegionsFormWinsOverTheInstalledOneAndSaysSo() throws {
        // An installed layout: PREFIX/bin/feedback finds PREFIX/share/feedback/forms.
        try FileManager.default.createDirectory(atPath: folder.file("usr/bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.binary, toPath: folder.file("usr/bin/feedback"))
        let shipped = try String(contentsOfFile: Paths.root + "/Forms/pf-aterkoppling-2028.yaml", encoding: .utf8)
        try write("usr/share/feedback/forms/pf-aterkoppling-2028.yaml", shipped)
        let regional = shipped.replacingOccurrences(of: "name: \"Servicenämnden\"", with: "name: \"Regionens servicenämnd\"")
        #expect(regional != shipped)
        try write("etc/forms/pf-aterkoppling-2028.yaml", regional)
        let listed = try run(folder.file("usr/bin/feedback"), ["forms", "--lang", "en"], in: folder.path, environment: environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        // The binary finds its share folder through /proc/self/exe, a path without "//".
        let prefix = URL(fileURLWithPath: folder.path).standardizedFileURL.path
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        let source = try #require(lines.firstIndex { $0.hasPrefix("  source: ") })
        #expect(lines[source] == "  source: \(folder.file("etc/forms/pf-aterkoppling-2028.yaml"))")
        #expect(lines[source + 1] == "  replaces \(prefix)/usr/share/feedback/forms/pf-aterkoppling-2028.yaml (differs; this one is used)")
        #expect(lines[source + 2] == "  replaces the built-in copy (differs; this one is used)")
        let swedish = try run(folder.file("usr/bin/feedback"), ["forms"], in: folder.path, environment: environment)
        #expect(swedish.stdout.contains("sn=Regionens servicenämnd"))
        #expect(swedish.stdout.contains("  ersätter den inbyggda kopian (skiljer sig; den här gäller)\n"))
        // Without the region's file the installed one is used, and it is the same as the built-in copy.
        try FileManager.default.removeItem(atPath: folder.file("etc/forms/pf-aterkoppling-2028.yaml"))
        let installed = try run(folder.file("usr/bin/feedback"), ["forms", "--lang", "en"], in: folder.path, environment: environment)
        #expect(installed.stdout.contains("  source: \(prefix)/usr/share/feedback/forms/pf-aterkoppling-2028.yaml\n  replaces the built-in copy (the same content)\n"),
                "\(installed.stdout)")
        try write("etc/forms/pf-aterkoppling-2028.yaml", regional)
        // New drafts name the region's committee; the form is the same id and version.
        let created = try run(folder.file("usr/bin/feedback"), ["new", "--committee", "sn", "-o", "d.json"], in: folder.path, environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
    }
}
