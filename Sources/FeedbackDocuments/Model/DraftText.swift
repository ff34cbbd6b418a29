import FeedbackModel

/// A draft's long texts as document blocks, in the product's one paragraph model
/// (`Paragraphs` in FeedbackModel, which the editor, the draft reader, the validator and the
/// export share): every line with content is a paragraph or, starting with "- ", a bullet;
/// blank lines only separate; consecutive bullets are one list. A line break inside a
/// document's paragraph (Word's Shift-Enter, Markdown's hard break) therefore comes into a
/// draft as a paragraph break.
public enum DraftText {
    /// A block of a draft's text.
    public enum Piece: Sendable, Equatable {
        /// A paragraph (one line of the draft's text).
        case paragraph(String)
        /// A bullet list's items (without "- ").
        case bullets([String])
    }

    /// The blocks of a draft's text.
    public static func pieces(_ text: String) -> [Piece] {
        Paragraphs.blocks(text).map { block in
            switch block {
            case .paragraph(let text): return .paragraph(text)
            case .bullets(let items): return .bullets(items)
            }
        }
    }

    /// The draft text of blocks, in the stored (canonical) form.
    public static func text(_ pieces: [Piece]) -> String {
        Paragraphs.canonical(pieces.map { piece in
            switch piece {
            case .paragraph(let text): return text
            case .bullets(let items): return items.map { "- " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n"))
    }

    /// The text as it is stored, and as it comes back from any document.
    public static func canonical(_ text: String) -> String {
        Paragraphs.canonical(text)
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
}
