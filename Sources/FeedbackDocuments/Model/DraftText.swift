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
        var paragraphLines: [Substring] = []
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
        // Lines split by bytes (a Character split keeps "\r\n" whole, and is slow).
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let rawLine = Substring(raw)
            if raw.starts(with: [0x2D, 0x20]) {  // "- "
                flushParagraph()
                let item = trimmingTrailingWhitespace(rawLine.dropFirst(2))
                if !item.isEmpty { bullets.append(String(item)) }
                continue
            }
            let line = trimmingTrailingWhitespace(rawLine)
            if line.isEmpty {
                flushParagraph()
                flushBullets()
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

    /// The line without trailing white space (empty when it is all white space).
    static func trimmingTrailingWhitespace(_ line: Substring) -> Substring {
        // ASCII fast path: most lines end in a letter or punctuation.
        if let last = line.utf8.last, last < 0x80 {
            if last != 0x20 && (last < 0x09 || last > 0x0D) { return line }
        }
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, TextRules.isWhitespace(last.value) { scalars = scalars.dropLast() }
        return Substring(scalars)
    }
}
