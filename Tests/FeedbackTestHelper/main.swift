import Foundation

// `feedback-test-helper`: the programs the end-to-end tests run beside `feedback`, kept out
// of the shipped binary (as swift-argument-parser keeps its test helpers in test targets).
// Built with the tests (`swift build --build-tests`, `swift test`), never packaged.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "terminal-selftest":
    exit(TerminalSelfTest.run(arguments: Array(arguments.dropFirst())))
case "lock-probe":
    exit(LockProbe.run(arguments: Array(arguments.dropFirst())))
default:
    FileHandle.standardError.write(Data("usage: feedback-test-helper terminal-selftest [--no-color] [--lang sv|en]\n       feedback-test-helper lock-probe DRAFT GO-FILE\n".utf8))
    exit(2)
}
