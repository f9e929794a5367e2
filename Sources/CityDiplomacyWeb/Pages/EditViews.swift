/// What the `edit-form` template shows: a record's fields with their values as given, each error
/// beside its field, the CSRF token in both forms.
struct EditFormView {
    struct DatasetChoice {
        let label: String
        let options: [RelationsView.Choice]
        let errors: [String]
    }

    /// One field. Exactly one of `isList` (free text with suggestions), `isMultiline` and
    /// `isLine` is true: Mustache has no `else`.
    struct Input {
        let name: String
        let label: String
        let value: String
        let hint: String
        let choices: [String]
        let isList: Bool
        let isMultiline: Bool
        let isLine: Bool
        let errors: [String]
    }

    struct Deletion {
        let action: String
        let label: String
    }

    let heading: String
    /// An error that belongs to no field of the form (a conflict, an unknown id).
    let generalError: String?
    let action: String
    let csrf: String
    /// The dataset of a new record; an existing one stays in its own.
    let datasetChoice: DatasetChoice?
    let fields: [Input]
    let saveLabel: String
    let deletion: Deletion?
}

/// What the `sign-in` template shows: the token form, or why there is none.
struct SignInView {
    struct Prompt {
        let message: String?
        let action: String
        let tokenLabel: String
        /// The page to go back to once signed in.
        let next: String
        /// The form's CSRF token, also set as a cookie.
        let csrf: String
        let submit: String
    }

    let heading: String
    let readOnlyMessage: String?
    let prompt: Prompt?
}

/// What the `changes` template shows: who is signed in, and the change log.
struct ChangeLogView {
    struct Session {
        let signedIn: String
        let additions: [LinkView]
        let signOutAction: String
        let csrf: String
        let signOutLabel: String
    }

    struct Change {
        let at: String
        let actor: String
        let action: String
        let recordKind: String
        let recordID: String
        let before: String
        let after: String
    }

    let heading: String
    let session: Session?
    let signInLink: LinkView?
    let columns: [String]
    let changes: [Change]
    let older: LinkView?
}

/// What the `copy-dataset` template shows: the form that copies a dataset under a new id.
struct CopyDatasetView {
    let heading: String
    let explanation: String
    let error: String?
    let action: String
    let csrf: String
    let label: String
    let value: String
    let submit: String
}
