// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "feedback",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "FeedbackModel", targets: ["FeedbackModel"]),
        .library(name: "FeedbackHistory", targets: ["FeedbackHistory"]),
        .library(name: "FeedbackDocuments", targets: ["FeedbackDocuments"]),
        .library(name: "FeedbackBoard", targets: ["FeedbackBoard"]),
        .library(name: "FeedbackAnswers", targets: ["FeedbackAnswers"]),
        .executable(name: "feedback", targets: ["feedback"]),
        .executable(name: "feedback-bench", targets: ["feedback-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for content hashes and Ed25519 for the board's signed receipts (3.x: builds
        // with Swift 6.0 and newer; 4.x needs 6.1).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Property-based tests (shrinking, fixed seeds) for "arbitrary text survives".
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The .docx container (zip): reading with bounded entries and streamed sizes, writing
        // with fixed dates for deterministic bytes.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The form model: definitions, drafts, validation, export, schema. Foundation only
        // (plus Yams to read the hand-written form files and swift-crypto's SHA-256 for the
        // content hash); knows nothing of terminals.
        .target(
            name: "FeedbackModel",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Last year's feedback: reading earlier exports and drafts, carrying them into a new
        // draft, and comparing any two (word-level diff). Foundation only.
        .target(
            name: "FeedbackHistory",
            dependencies: ["FeedbackModel"],
            // The diff's JSON format, documented beside the code that writes it.
            exclude: ["Diff/diff-format.md", "Diff/diff.schema.json"]
        ),
        // The board's side: the inbox, hand-ins, receiving with signed receipts, the round's
        // status and the compiled report. No terminal.
        .target(
            name: "FeedbackBoard",
            dependencies: ["FeedbackModel", "FeedbackDocuments", "CBoardSystem", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The board's answer to each committee's feedback: judgements per heading, signed with
        // the board's key and published in the inbox; the dialogue meeting's document.
        .target(
            name: "FeedbackAnswers",
            dependencies: ["FeedbackModel", "FeedbackBoard", "FeedbackDocuments"]
        ),
        // syncfs and renameat2, which Swift's Glibc module does not expose.
        .target(name: "CBoardSystem"),
        // The interface core: pure state, keys -> state, state -> cell grid. No curses, no I/O.
        .target(
            name: "FeedbackInterface",
            dependencies: ["FeedbackModel"]
        ),
        // One configuration: /etc/feedback/config, the user's file, FEEDBACK_* variables, flags.
        .target(
            name: "FeedbackConfiguration",
            dependencies: ["FeedbackModel"]
        ),
        // The manual page feedback(1), generated from the command tree, the keymap and the settings.
        .target(
            name: "FeedbackManual",
            dependencies: ["FeedbackConfiguration", "FeedbackModel"]
        ),
        // Documents: a small document model with .docx, .html and .md writers (the committee's
        // document, the board's compiled report), and .docx/.md import into a draft.
        .target(
            name: "FeedbackDocuments",
            dependencies: ["FeedbackModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The only code that talks to curses and the terminal.
        .target(
            name: "FeedbackTerminal",
            dependencies: ["CNcursesw", "FeedbackInterface", "FeedbackModel"]
        ),
        .executableTarget(
            name: "feedback",
            dependencies: [
                "FeedbackModel", "FeedbackHistory", "FeedbackInterface", "FeedbackTerminal", "FeedbackDocuments",
                "FeedbackConfiguration", "FeedbackManual", "FeedbackBoard", "FeedbackAnswers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds on Linux link the Swift runtime and Foundation statically: a
            // `feedback validate` drops from ~13 ms to ~7 ms (no loading and relocating of
            // Foundation and ICU at start). The libraries are those of Swift 6 on Linux.
            linkerSettings: [.unsafeFlags([
                "-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lCoreFoundation", "-lFoundationEssentials",
                "-lFoundationInternationalization", "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU", "-lswiftSynchronization", "-ldispatch", "-lBlocksRuntime",
                "-Xlinker", "--end-group", "-lstdc++",
            ], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "feedback-bench",
            // Yams: the baseline of the form reader's row (Yams.compose alone).
            dependencies: ["FeedbackModel", "FeedbackHistory", "FeedbackInterface", "FeedbackDocuments", "FeedbackBoard",
                           "FeedbackAnswers", .product(name: "Yams", package: "Yams")]
        ),
        // Programs the end-to-end tests run beside `feedback` (the terminal backend's self-test,
        // the lock race's probe): test code, kept out of the shipped binary and the package.
        .executableTarget(
            name: "feedback-test-helper",
            dependencies: ["FeedbackModel", "FeedbackInterface", "FeedbackTerminal"],
            path: "Tests/FeedbackTestHelper"
        ),
        // Shared by the test targets: paths, running the built binary, temporary folders, tmux.
        .target(
            name: "TestSupport",
            dependencies: ["FeedbackModel"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "FeedbackModelTests",
            dependencies: ["FeedbackModel", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FeedbackConfigurationTests",
            dependencies: ["FeedbackConfiguration", "FeedbackModel", "TestSupport"]
        ),
        .testTarget(
            name: "FeedbackManualTests",
            dependencies: ["FeedbackManual", "FeedbackConfiguration", "FeedbackModel"]
        ),
        .testTarget(
            name: "FeedbackHistoryTests",
            dependencies: ["FeedbackHistory", "FeedbackModel", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FeedbackDocumentsTests",
            dependencies: ["FeedbackDocuments", "FeedbackModel", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FeedbackInterfaceTests",
            dependencies: ["FeedbackInterface", "FeedbackModel", "TestSupport"],
            // Golden screens and transcripts, read by the tests from the source tree.
            exclude: ["Screens", "Transcripts"]
        ),
        .testTarget(
            name: "FeedbackBoardTests",
            dependencies: ["FeedbackBoard", "FeedbackModel", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "FeedbackAnswersTests",
            dependencies: ["FeedbackAnswers", "FeedbackBoard", "FeedbackModel", "FeedbackDocuments", "TestSupport"]
        ),
        .testTarget(
            name: "FeedbackEndToEndTests",
            dependencies: ["FeedbackModel", "FeedbackInterface", "FeedbackBoard", "FeedbackDocuments", "TestSupport"],
            // Transcripts of the accessible mode, read by the tests from the source tree.
            exclude: ["Transcripts"]
        ),
    ]
)
