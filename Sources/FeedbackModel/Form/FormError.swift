/// Why a form definition could not be read: the file, the place in it and the problem.
public struct FormError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `file:line:column: problem`, with the file name and problem made safe to print.
    public var description: String {
        var place = Sanitizer.visible(file)
        if let line { place += ":\(line)" }
        if let line = line, let column { _ = line; place += ":\(column)" }
        return "\(place): \(Sanitizer.visible(problem))"
    }
}
