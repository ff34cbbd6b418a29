/// The program's version, set here and nowhere else: `feedback --version` prints it, exports
/// name it as their generator, and `Scripts/package` reads it from the built binary.
public enum ProgramVersion {
    public static let current = "1.0.0"
}
