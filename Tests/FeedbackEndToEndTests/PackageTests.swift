import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The Debian package and the archive that `Scripts/package` makes from the release binary:
/// what they hold, that they are the same bytes when made twice, and that the real dpkg
/// installs the package into a fresh root (its own database, not this machine's), where the
/// installed binary works from a folder without Forms/, and removes it again.
@Suite(.serialized) struct PackageTests {
    static let releaseBinary = Paths.root + "/.build/release/feedback"
    static var canPackage: Bool {
        getuid() == 0 && isInstalled("dpkg-deb") && isInstalled("dpkg") && isInstalled("strip") && isInstalled("objdump")
            && FileManager.default.isExecutableFile(atPath: releaseBinary) && releaseBuildIsCurrent
    }
    static let why = "needs root, dpkg, binutils and a current release build (swift build -c release --product feedback)"

    /// Whether the release binary's built-in forms are those in Forms/ (Scripts/package
    /// refuses a binary older than them; CI builds it just before the tests).
    static let releaseBuildIsCurrent: Bool = {
        guard let listed = try? run(releaseBinary, ["forms", "--lang", "en", "--forms", Paths.root + "/Forms"], in: "/",
                                    environment: ["FEEDBACK_SYSTEM_CONFIG_DIR": noConfiguration, "XDG_CONFIG_HOME": noConfiguration]) else { return false }
        return listed.status == 0 && listed.stdout.contains("replaces the built-in copy (the same content)")
    }()

    /// Runs Scripts/package on the existing release binary; the .deb and the .tar.gz.
    func makePackages(in folder: String) throws -> (deb: String, tar: String) {
        let made = try run("/usr/bin/env", [Paths.root + "/Scripts/package", "--no-build", "--fast", "--out", folder],
                           environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        try #require(made.status == 0, "Scripts/package failed: \(made.stderr)")
        let lines = made.stdout.split(separator: "\n").map(String.init)
        let deb = try #require(lines.first { $0.hasSuffix(".deb") })
        let tar = try #require(lines.first { $0.hasSuffix(".tar.gz") })
        return (deb, tar)
    }

    func shell(_ command: String, _ environment: [String: String] = [:]) throws -> RunResult {
        var env = environment
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        return try run("/bin/sh", ["-c", command], environment: env)
    }

    @Test(.enabled(if: canPackage, "\(why)"))
    func thePackageHoldsWhatAnAdministratorExpectsAndIsReproducible() throws {
        let folder = TemporaryFolder()
        let (deb, tar) = try makePackages(in: folder.file("first"))
        let version = try run(Self.releaseBinary, ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version == ProgramVersion.current)

        let field = { (name: String) throws -> String in
            try self.shell("dpkg-deb -f '\(deb)' \(name)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try field("Package") == "feedback")
        #expect(try field("Version") == version)
        let depends = try field("Depends")
        for package in ["libc6 (>= ", "libncursesw6", "libtinfo6", "libstdc++6", "libgcc-s1"] {
            #expect(depends.contains(package), "Depends: \(depends)")
        }
        #expect(!depends.lowercased().contains("swift"))
        #expect(try shell("dpkg-deb --ctrl-tarfile '\(deb)' | tar -xOf - ./conffiles").stdout == "/etc/feedback/config\n")

        // Every file, with its mode and owner.
        let listing = try shell("dpkg-deb -c '\(deb)'").stdout.split(separator: "\n").map(String.init)
        func entry(_ path: String) -> String? { listing.first { $0.hasSuffix(" ./" + path) || $0.hasSuffix(" ./" + path + "/") } }
        let expected: [(String, String)] = [
            ("usr/bin/feedback", "-rwxr-xr-x root/root"),
            ("usr/share/feedback/forms/pf-aterkoppling-2028.yaml", "-rw-r--r-- root/root"),
            ("usr/share/man/man1/feedback.1.gz", "-rw-r--r-- root/root"),
            ("usr/share/man/sv/man1/feedback.1.gz", "-rw-r--r-- root/root"),
            ("usr/share/bash-completion/completions/feedback", "-rw-r--r-- root/root"),
            ("usr/share/zsh/vendor-completions/_feedback", "-rw-r--r-- root/root"),
            ("usr/share/fish/vendor_completions.d/feedback.fish", "-rw-r--r-- root/root"),
            ("usr/share/doc/feedback/copyright", "-rw-r--r-- root/root"),
            ("usr/share/doc/feedback/changelog.gz", "-rw-r--r-- root/root"),
            ("usr/share/doc/feedback/exports/README.md", "-rw-r--r-- root/root"),
            ("usr/share/doc/feedback/exports/example-hsn.json", "-rw-r--r-- root/root"),
            ("usr/share/lintian/overrides/feedback", "-rw-r--r-- root/root"),
            ("etc/feedback/config", "-rw-r--r-- root/root"),
            ("etc/feedback/forms", "drwxr-xr-x root/root"),
        ]
        for (path, mode) in expected {
            let line = try #require(entry(path), "\(path) is not in the package")
            #expect(line.hasPrefix(mode), "\(line)")
        }
        #expect(!listing.contains { $0.contains("DEBIAN") || $0.contains(".build") })
        for line in listing where line.hasPrefix("d") { #expect(line.hasPrefix("drwxr-xr-x root/root"), "\(line)") }

        // The archive: the same files under feedback-VERSION/, plus the licence and changelog.
        let archive = try shell("tar -tvzf '\(tar)'").stdout
        for path in ["bin/feedback", "share/feedback/forms/pf-aterkoppling-2028.yaml", "share/man/man1/feedback.1.gz",
                     "share/bash-completion/completions/feedback", "share/zsh/site-functions/_feedback",
                     "share/doc/feedback/LICENSE", "share/doc/feedback/CHANGELOG.md", "etc/feedback/config", "INSTALL.md"] {
            #expect(archive.contains(" feedback-\(version)/\(path)\n"), "\(path) is not in the archive")
        }
        #expect(!archive.contains("lintian"))

        // The same sources give the same bytes.
        let (deb2, tar2) = try makePackages(in: folder.file("second"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: deb)) == Data(contentsOf: URL(fileURLWithPath: deb2)), "the .deb is not reproducible")
        #expect(try Data(contentsOf: URL(fileURLWithPath: tar)) == Data(contentsOf: URL(fileURLWithPath: tar2)), "the archive is not reproducible")
    }

    @Test(.enabled(if: canPackage, "\(why)"))
    func dpkgInstallsIntoAFreshRootWhereItWorksAndRemovesIt() throws {
        let folder = TemporaryFolder()
        let (deb, _) = try makePackages(in: folder.file("out"))
        // A root with an empty dpkg database of its own: this machine's is not touched.
        let root = folder.file("root")
        for path in ["var/lib/dpkg/info", "var/lib/dpkg/updates"] {
            try FileManager.default.createDirectory(atPath: root + "/" + path, withIntermediateDirectories: true)
        }
        try folder.write("root/var/lib/dpkg/status", "")
        let dpkg = "dpkg --root='\(root)' --force-depends --force-script-chrootless --force-not-root"
        let installed = try shell("\(dpkg) -i '\(deb)'")
        try #require(installed.status == 0, "dpkg -i: \(installed.stderr)")
        #expect(try shell("dpkg-query --admindir='\(root)/var/lib/dpkg' -W -f='${Status}' feedback").stdout == "install ok installed")

        let binary = root + "/usr/bin/feedback"
        let env = ["FEEDBACK_SYSTEM_CONFIG_DIR": root + "/etc/feedback", "HOME": folder.file("home"), "SOURCE_DATE_EPOCH": "1775635200"]
        let work = folder.file("work")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let forms = try run(binary, ["forms", "--lang", "en"], in: work, environment: env)
        #expect(forms.status == 0, "\(forms.stderr)")
        #expect(forms.stdout.contains("source: \(URL(fileURLWithPath: root).standardizedFileURL.path)/usr/share/feedback/forms/pf-aterkoppling-2028.yaml"))
        #expect(forms.stdout.contains("replaces the built-in copy (the same content)"))
        let config = try run(binary, ["config", "--format", "json"], in: work, environment: env)
        #expect(config.status == 0, "\(config.stderr)")
        #expect(config.stdout.contains("\"path\": \"\(root)/etc/feedback/config\",\n      \"found\": true"), "\(config.stdout)")

        // The round: a new draft has errors; the complete sample exports to the shipped example's bytes.
        #expect(try run(binary, ["new", "--committee", "hsn", "-o", "ny.json"], in: work, environment: env).status == 0)
        #expect(try run(binary, ["validate", "ny.json"], in: work, environment: env).status == 1)
        try FileManager.default.copyItem(atPath: Paths.fixture("sample-hsn.json"), toPath: work + "/sample-hsn.json")
        let exported = try run(binary, ["export", "sample-hsn.json"], in: work, environment: env)
        #expect(exported.status == 0, "\(exported.stderr)")
        let written = try Data(contentsOf: URL(fileURLWithPath: work + "/Exports/pf-aterkoppling-2028_hsn_r7.json"))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: root + "/usr/share/doc/feedback/exports/example-hsn.json"))))

        if isInstalled("man") {
            let page = try shell("man --warnings -E UTF-8 -l -Tutf8 -Z '\(root)/usr/share/man/man1/feedback.1.gz' 2>&1 >/dev/null")
            #expect(page.stdout.isEmpty, "groff warnings: \(page.stdout)")
        }

        let removed = try shell("\(dpkg) -r feedback")
        #expect(removed.status == 0, "dpkg -r: \(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: binary))
        #expect(FileManager.default.fileExists(atPath: root + "/etc/feedback/config"), "dpkg -r keeps the conffile")
        let purged = try shell("\(dpkg) -P feedback")
        #expect(purged.status == 0, "dpkg -P: \(purged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/feedback/config"))
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/share/feedback"))
    }
}
