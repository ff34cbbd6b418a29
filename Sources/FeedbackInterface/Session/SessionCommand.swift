import FeedbackModel

/// What a session asks the shell to do (the core does no I/O itself). The rules are the
/// session's: the shell carries them out and reports back.
public enum SessionCommand: Sendable {
    public enum SavePurpose: Sendable, Equatable {
        /// The draft file itself: replace it, if it is still the one that was read.
        case draft
        /// The draft file, replacing it although it changed on disk (the user said so).
        case draftOverwriting
        /// Save as: a new file, never replacing one unless `replace` (the user said yes).
        case copy(replace: Bool)
    }
    /// Write the draft (encoded by the shell) to `path`.
    case save(Draft, path: String, purpose: SavePurpose)
    /// Write an autosave of the draft beside `path`. The snapshot shares the editors' text
    /// (no copy on the keystroke path); the shell joins and writes it on another thread.
    case autosave(DraftSnapshot, path: String)
    /// Validate, export and write into the folder (the draft is the saved one).
    case export(Draft, folder: String)
    /// Validate, export and hand the file in to the board's inbox (the draft is the saved one).
    /// Hand the draft in; `replace`: as the replacement of the committee's accepted answer.
    case submit(Draft, replace: Bool)
    /// Write the committee's document (the draft is the saved one) to `path`, never replacing
    /// another file unless `replace`.
    case renderDocument(Draft, kind: DocumentKind, path: String, replace: Bool)
    /// Read a Word or Markdown document and work out what importing it into the draft does.
    case readImport(path: String, into: Draft, replace: Bool, unplacedToOther: Bool)
    /// Keep text an import could not place in a file beside the draft.
    case writeSideFile(String, besideDraft: String)
    /// Work out what changed since the last export and since last year.
    case computeChanges(Draft)
    /// Open the text in $VISUAL/$EDITOR and report back.
    case editExternally(String, place: FieldPlace)
    /// The user declined the autosave: set it aside.
    case setAsideAutosave
    /// Remove the autosave beside a draft (it is saved, or was saved under another name).
    case removeAutosave(path: String)
    /// Take the lock of a draft file (after save as) / give up the one held.
    case takeLock(path: String)
    case releaseLock
    /// A read-only window takes over a draft whose holder is gone: lock it and read it again.
    case takeOver(path: String)
    case quit
}

/// Why the shell could not save.
public enum SaveFailure: Error, Sendable, Equatable {
    case store(StoreError)
    /// Save as: a file of that name exists; nothing was replaced.
    case exists
    /// The file is open in another window (its lock is held); nothing was replaced.
    case locked(holder: String)
    /// The draft on disk is not the one this window read; nothing was replaced.
    case changedOnDisk
    /// Anything else, said in the user's language.
    case other(String)

    func message(_ language: Language) -> String {
        switch self {
        case .store(let error): return error.message(language)
        case .exists: return language == .sv ? "filen finns redan" : "the file already exists"
        case .locked(let holder): return language == .sv ? "filen är öppen hos \(holder)" : "the file is open by \(holder)"
        case .changedOnDisk:
            return language == .sv ? "utkastet har ändrats på disken av ett annat program sedan det öppnades"
                                   : "the draft was changed on disk by another program since it was opened"
        case .other(let message): return message
        }
    }
}
