import Foundation

/// What a reference manager needs to cite a work — the study, a dataset of the registry, a source
/// its records cite — in the work's own language and in translation.
///
/// A record is data: the study's comes from its published file, a dataset's from its metadata and
/// its version, a source's from the ``SourceCitation``. Presentation writes it as BibTeX, RIS or
/// CSL-JSON, and as a reference for people in English or Persian.
///
/// ```swift
/// let study = BibliographicRecord(
///     key: "dehshiri2018", type: .journalArticle,
///     authors: [.person(family: LocalizedText(en: "Dehshiri"), given: LocalizedText(en: "Mohammad-Reza"))],
///     title: LocalizedText(en: "An analysis of the place of city diplomacy…"), language: "fa",
///     issued: try PartialDate(parsing: "2018"))
/// study.originalTitle      // the title in the work's language
/// ```
public struct BibliographicRecord: Hashable, Sendable {
    /// The kind of work, by its CSL name (`article-journal`, `dataset`, `webpage`, `document`).
    public enum WorkType: String, Hashable, Sendable, CaseIterable {
        case journalArticle = "article-journal"
        case dataset
        case webpage
        /// A work with no address of its own: a table row of the study that a record cites.
        case document
    }

    /// Who made the work: a person, named in both scripts where known, or an organisation.
    public enum Contributor: Hashable, Sendable {
        case person(family: LocalizedText, given: LocalizedText)
        case organisation(LocalizedText)
    }

    /// The key a citation is known by in a bibliography (`dehshiri2018`): ASCII letters, digits
    /// and hyphens, so that BibTeX, RIS and CSL accept it alike.
    public var key: String
    public var type: WorkType
    public var authors: [Contributor]
    /// The title in English and, where the work has one, in Persian.
    public var title: LocalizedText
    /// The language of the work as an ISO 639-1 code (`fa`, `en`, `ko`); `nil` where not known.
    public var language: String?
    /// The journal or the web site the work appears in.
    public var container: LocalizedText?
    public var publisher: LocalizedText?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    /// When the work was published (a dataset: when its records last changed), in the calendar given.
    public var issued: PartialDate?
    /// The date as the work itself prints it, where that is in another calendar (`1397 SH` for a
    /// study cited as 2018): what a reference in the work's language gives.
    public var issuedAsPrinted: PartialDate?
    /// When a web page was consulted.
    public var accessed: PartialDate?
    public var url: String?
    /// A dataset's version: the short form of its content hash.
    public var version: String?
    /// The licence under which the work may be used (`CC BY 4.0`), as its holder names it.
    public var licence: String?
    /// Further facts a reader needs (where the source is cited, dates in the original calendar,
    /// the full content hash), each in both languages.
    public var notes: [LocalizedText]
    /// When the work was received and accepted, as a journal prints it under the title; also
    /// among ``notes``, and ended the reference with.
    public var receivedAndAccepted: LocalizedText?

    public init(
        key: String, type: WorkType, authors: [Contributor] = [], title: LocalizedText, language: String? = nil,
        container: LocalizedText? = nil, publisher: LocalizedText? = nil, volume: String? = nil, issue: String? = nil,
        pages: String? = nil, issued: PartialDate? = nil, issuedAsPrinted: PartialDate? = nil, accessed: PartialDate? = nil, url: String? = nil,
        version: String? = nil, licence: String? = nil, notes: [LocalizedText] = []
    ) {
        self.key = key
        self.type = type
        self.authors = authors
        self.title = title
        self.language = language
        self.container = container
        self.publisher = publisher
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.issued = issued
        self.issuedAsPrinted = issuedAsPrinted
        self.accessed = accessed
        self.url = url
        self.version = version
        self.licence = licence
        self.notes = notes
    }

    /// The language of the work where it is one CityDiplomacy writes (English or Persian).
    public var workLanguage: Language? { language.flatMap(Language.init(rawValue:)) }

    /// `text` as the work writes it: in Persian for a Persian work (where the record has the
    /// Persian), else in English.
    public func original(_ text: LocalizedText) -> String {
        workLanguage == .fa ? text[.fa] : text.en
    }

    /// `text` in the other language, where the record has it and it differs from the original.
    public func translation(_ text: LocalizedText) -> String? {
        let other = workLanguage == .fa ? text.en : text.fa
        guard let other, other != original(text) else { return nil }
        return other
    }

    /// The title as the work gives it.
    public var originalTitle: String { original(title) }

    /// A citation key made of `parts`: lower-case ASCII letters and digits, other characters as
    /// hyphens (`iran-2018:t1-tehran-fn1` → `iran-2018-t1-tehran-fn1`).
    public static func key(_ parts: String...) -> String {
        let joined = parts.joined(separator: "-").lowercased()
        var key = ""
        for scalar in joined.unicodeScalars {
            let keep = scalar.isASCII && (CharacterSet.asciiLettersAndDigits.contains(scalar))
            if keep { key.unicodeScalars.append(scalar) } else if !key.hasSuffix("-") { key += "-" }
        }
        return key.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

extension CharacterSet {
    /// `a`–`z`, `A`–`Z`, `0`–`9`: what a citation key keeps.
    static let asciiLettersAndDigits = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
}
