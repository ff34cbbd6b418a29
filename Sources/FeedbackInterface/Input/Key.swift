/// A key press (or a whole bracketed paste) as the interface sees it.
public enum Key: Equatable, Sendable, Hashable {
    /// Printable text typed (one grapheme's scalars; never a control character).
    case character(Character)
    /// A bracketed paste: one edit and one undo step, however long.
    case paste(String)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl or Alt with an arrow: by word, or by row/page in lists.
    case wordLeft, wordRight, ctrlUp, ctrlDown, ctrlHome, ctrlEnd
    /// Ctrl + a letter (lower case), e.g. `.control("s")`.
    case control(Character)
    /// Alt (Meta) + a character.
    case alt(Character)
    /// F1 … F12.
    case function(Int)
    /// A sequence the decoder does not know; ignored by the interface.
    case unknown
}
