import FeedbackModel

/// The paragraph model of a draft's long texts, as the export describes it: paragraphs are
/// separated by a blank line ("\n\n"); a line starting with "- " is a bullet; other single
/// line feeds inside a paragraph are line breaks.
///
/// Lines of white space only count as blank, trailing white space of a line is dropped,
/// empty bullets are dropped, a bullet list is its own block (a paragraph and the list
/// after it are separated by a blank line in the canonical text, `canonical(_:)`), and two
/// lists with only blank lines between them are one list.
public enum DraftText {
    /// A block of a draft's text.
    public enum Piece: Sendable, Equatable {
        /// A paragraph; a line feed inside is a line break.
        case paragraph(String)
        /// A bullet list's items.
        case bullets([String])
    }

    /// The blocks of a draft's text.
    public static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var paragraphLines: [String] = []
        var bullets: [String] = []
        func flushParagraph() {
            if !paragraphLines.isEmpty { pieces.append(.paragraph(paragraphLines.joined(separator: "\n"))) }
            paragraphLines = []
        }
        func flushBullets() {
            guard !bullets.isEmpty else { return }
            // Lists separated only by blank lines are one list: a document cannot tell them apart.
            if case .bullets(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .bullets(previous + bullets)
            } else {
                pieces.append(.bullets(bullets))
            }
            bullets = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmingTrailingWhitespace(Substring(raw))
            if line.unicodeScalars.allSatisfy({ TextRules.isWhitespace($0.value) }) {
                flushParagraph()
                flushBullets()
            } else if line.hasPrefix("- ") {
                flushParagraph()
                let item = String(line.dropFirst(2))
                if !item.unicodeScalars.allSatisfy({ TextRules.isWhitespace($0.value) }) { bullets.append(item) }
            } else {
                flushBullets()
                paragraphLines.append(line)
            }
        }
        flushParagraph()
        flushBullets()
        return pieces
    }

    /// The draft text of blocks: blocks separated by a blank line, bullets as "- " lines.
    public static func text(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .paragraph(let text): return text
            case .bullets(let items): return items.map { "- " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    /// The text as it comes back from a document: `text(pieces(text))`.
    public static func canonical(_ text: String) -> String {
        self.text(pieces(text))
    }

    /// The document blocks of a draft's text, or `placeholder` as one italic paragraph when
    /// the text is empty.
    public static func blocks(_ text: String, placeholder: String? = nil) -> [Block] {
        let pieces = pieces(text)
        if pieces.isEmpty, let placeholder { return [.paragraph([Run(placeholder, italic: true)])] }
        return pieces.map { piece in
            switch piece {
            case .paragraph(let text): return .paragraph([Run(text)])
            case .bullets(let items): return .bulletList(items.map { [Run($0)] })
            }
        }
    }

    static func trimmingTrailingWhitespace(_ line: Substring) -> String {
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, TextRules.isWhitespace(last.value) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
