/// Everything a user can do with a key: what the keymap binds, the dispatcher performs and
/// the help, the hint bar, the man page and the README list.
public enum Action: String, CaseIterable, Sendable {
    // In an open draft, on every page.
    case save, saveAs, quit, exportMenu, findings, help, guidance, toggleInlineGuidance
    case nextPage, previousPage, goToPage, pageList, undo, redo, markReady, interruptHint
    case confirmCarried, toggleLastYear, changes
    // In a text.
    case typeText, newParagraph, deleteBackward, deleteForward
    case cursorLeft, cursorRight, cursorUp, cursorDown, wordLeft, wordRight
    case rowStart, rowEnd, textStart, textEnd, screenUp, screenDown, scrollUp, scrollDown
    case externalEditor
    // In the details page and in table cells.
    case nextField, previousField, activate, clearField
    // In tables.
    case nextRow, previousRow, addRow, deleteRow
    // In the page list.
    case listUp, listDown, listFirst, listLast, openPage
    // In dialogs.
    case confirm, decline, close, selectUp, selectDown, selectPageUp, selectPageDown, choose
    case saveElsewhere, quitWithoutSaving, trashDraft, newDraft, importReplacing, unplacedToOther
    // The board's overview and a committee's export opened from it.
    case reloadBoard, nextCommittee, previousCommittee, backToBoard
}
