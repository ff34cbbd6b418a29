/// Why a draft file could not be read: the file, the place in it, and the problem,
/// in Swedish and English.
public struct DraftError: Error, Sendable, Equatable {
    public var file: String
    /// `line 3, column 7` style place for syntax errors, or a JSON Pointer for content errors.
    public var place: String?
    public var problem: Localized

    public init(file: String, place: String? = nil, problem: Localized) {
        self.file = file
        self.place = place
        self.problem = problem
    }

    /// `file: place: problem`, with everything from the file made safe to print.
    public func message(_ language: Language) -> String {
        var text = Sanitizer.visible(file)
        if let place { text += ": " + Sanitizer.visible(place) }
        return text + ": " + Sanitizer.visible(problem[language])
    }
}
