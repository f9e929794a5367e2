

/// One published number or list compared with what the records give.
public struct AuditFinding: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case match
        /// The study disagrees with its own records or with another of its tables.
        case mismatch
        /// Evidence the study did not have — a record or source this project added, each cited —
        /// contradicts what the study prints.
        case contradicted
        /// A label of the study reproduced as printed, which cited evidence puts in doubt (an
        /// erratum): a referee's query, not a proven error.
        case queried
        /// True under some classifications and not under others; ``AuditFinding/computed`` holds each result.
        case schemeDependent = "scheme-dependent"
        /// Needs data the database does not hold.
        case notCheckable = "not-checkable"
    }

    /// What a finding compares, which decides how much its agreement says.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A published figure recomputed from other records (counts from Table 1's rows, totals,
        /// the claims of section 5) or checked against another table or outside evidence: an
        /// agreement here confirms the study.
        case independent
        /// A published cell against its own transcription (Table 2's region of a state under the
        /// scheme that transcribes that column): a guard against slips in the transcription, which
        /// can only fail if the transcription is wrong.
        case consistency
    }

    /// A code a program reads (`middle-east-west-asia`, `KW`) with the name people read.
    public struct Term: Hashable, Sendable {
        public var code: String
        public var label: LocalizedText

        public init(_ code: String, label: LocalizedText) {
            self.code = code
            self.label = label
        }

        public static func == (lhs: Term, rhs: Term) -> Bool { lhs.code == rhs.code }
        public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    }

    /// A value in a finding: a number, a named code, a list of them, or results under several
    /// schemes. Codes stay codes in JSON; people read their labels.
    public indirect enum Value: Hashable, Sendable {
        case number(Int)
        case text(String)
        case list([String])
        case term(Term)
        case terms([Term])
        case variants([(name: String, label: LocalizedText, value: Value)])
        case none

        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case let (.number(l), .number(r)): l == r
            case let (.text(l), .text(r)): l == r
            case let (.list(l), .list(r)): l == r
            case let (.term(l), .term(r)): l == r
            case let (.terms(l), .terms(r)): l == r
            case let (.variants(l), .variants(r)): l.map(\.name) == r.map(\.name) && l.map(\.value) == r.map(\.value)
            case (.none, .none): true
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case let .number(value): hasher.combine(value)
            case let .text(value): hasher.combine(value)
            case let .list(value): hasher.combine(value)
            case let .term(value): hasher.combine(value)
            case let .terms(value): hasher.combine(value)
            case let .variants(value): hasher.combine(value.map(\.name))
            case .none: hasher.combine(0)
            }
        }
    }

    public var id: String
    public var claim: LocalizedText
    public var published: Value
    public var computed: Value
    public var status: Status
    public var kind: Kind
    /// Why, naming the records that explain a mismatch by their cities and years.
    public var detail: LocalizedText
    /// The finding as one plain sentence a reader can quote ("The study prints 20 relations for
    /// …; the records give 20."), in both languages; `nil` where the audit has none yet.
    public var sentence: LocalizedText?

    public init(id: String, claim: LocalizedText, published: Value, computed: Value, status: Status, kind: Kind = .independent,
                detail: LocalizedText, sentence: LocalizedText? = nil) {
        self.id = id
        self.claim = claim
        self.published = published
        self.computed = computed
        self.status = status
        self.kind = kind
        self.detail = detail
        self.sentence = sentence
    }
}
