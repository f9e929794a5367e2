/// Where a record comes from: a web page, a newsletter, a report, or the study itself.
///
/// Every relation, membership, network and event cites at least one source, so that a reader can
/// go back to the evidence. A footnote of a published table becomes one `SourceCitation` whose
/// ``locator`` says where in the publication it stands.
///
/// ```swift
/// let atlas = SourceCitation(
///     id: "iran-2018:tehran-atlas", title: "Atlas of Tehran metropolis",
///     url: "http://atlas.tehran.ir/Default.aspx?tabid=181", publisher: "Tehran Municipality",
///     language: .fa, accessed: try PartialDate(parsing: "2018-04-02"),
///     locator: "Table 1, Tehran row, footnote 2")
/// ```
public struct SourceCitation: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var url: String?
    public var publisher: String?
    /// The language of the source, as an ISO 639-1 code (`en`, `fa`, `ko`).
    public var language: String?
    /// When the source was published, as given (newsletters carry Solar Hijri dates).
    public var published: PartialDate?
    /// When the source was consulted, as given.
    public var accessed: PartialDate?
    /// Where the citation stands in the work that cites it ("Table 1, Tehran row, footnote 2").
    public var locator: String?
    /// The title, publisher and locator as Persian output writes them, where the dataset gives
    /// them: a Persian source's title without its English translation, the publisher's Persian
    /// name, "Table 1, row Tehran" written in Persian.
    public var titleFa: String?
    public var publisherFa: String?
    public var locatorFa: String?
    /// `true` for a source the dataset's editors cite beside the publication the dataset
    /// transcribes: a correction or an addition of this project, not the study's own evidence.
    /// A record all of whose sources are supplements is one the study did not have (``isSupplement``).
    public var supplement: Bool?

    /// Whether the dataset's editors added this source (see ``supplement``).
    public var isSupplement: Bool { supplement == true }

    public init(
        id: String, title: String, url: String? = nil, publisher: String? = nil,
        language: String? = nil, published: PartialDate? = nil, accessed: PartialDate? = nil,
        locator: String? = nil
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.publisher = publisher
        self.language = language
        self.published = published
        self.accessed = accessed
        self.locator = locator
    }

    /// The title in `language`: a source in another language keeps its own title, as a Persian
    /// bibliography cites an English work in English.
    public func title(in language: Language) -> String {
        titleText[language]
    }

    public func publisher(in language: Language) -> String? {
        publisherText?[language]
    }

    /// The title in both languages, for output that picks one later.
    public var titleText: LocalizedText { LocalizedText(en: title, fa: titleFa ?? title) }
    public var publisherText: LocalizedText? { publisher.map { LocalizedText(en: $0, fa: publisherFa ?? $0) } }
    public var locatorText: LocalizedText? { locator.map { LocalizedText(en: $0, fa: locatorFa ?? $0) } }

    /// Where the citation stands in the citing work, in `language`.
    public func locator(in language: Language) -> String? {
        locatorText?[language]
    }
}
