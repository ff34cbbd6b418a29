/// What `Terminal.waitForInput` saw.
public enum InputEvent: Equatable, Sendable {
    /// Bytes typed or pasted, for `KeyDecoder.feed` (up to 64 KiB at a time).
    case bytes([UInt8])
    /// The terminal changed size (or the program was continued after a stop): draw again.
    case resized
    /// SIGHUP, SIGTERM, SIGINT or SIGQUIT: save what can be saved, `close()`, and exit.
    case signal(Int32)
    /// Nothing arrived within the timeout.
    case timeout
    /// Standard input ended or failed: the terminal is gone (e.g. the SSH connection dropped).
    case endOfInput
}
