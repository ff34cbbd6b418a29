/// A form's pattern, checked and compiled: what `pattern: regex:` in a form file becomes.
/// Refused when it uses syntax outside the supported set (see `PatternSyntax.swift`), a
/// shape that backtracking validators take exponential or polynomial time on
/// (`PatternSafety`), or more than the limits allow; matched in linear time.
public struct FormPattern: Sendable {
    let program: PatternProgram

    public init(_ regex: String, limits: Limits = .standard) throws(PatternError) {
        let node = try PatternParser.parse(regex, limits: limits)
        try PatternSafety.check(node)
        program = try PatternProgram.compile(node, limits: limits)
    }

    /// Whether the pattern matches somewhere in the text (anchor it with `^…$` for all of it).
    public func matches(_ text: String) -> Bool { program.matches(text) }

    /// The answer and the number of matcher steps it took.
    public func matchWithSteps(_ text: String) -> (matched: Bool, steps: Int) { program.run(text) }

    /// The most steps a match on a text of `length` characters may take: linear in `length`.
    public func stepBudget(length: Int) -> Int { program.stepBudget(length: length) }
}
