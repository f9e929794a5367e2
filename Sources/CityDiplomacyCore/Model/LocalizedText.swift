/// A piece of text given in English and, where known, in Persian.
///
/// City, country and network names, titles and table headers all carry both languages, so that
/// every output can be produced in either without a second lookup.
///
/// ```swift
/// let name = LocalizedText.message("core.isfahan")
/// name[.fa]        // the Persian name
/// LocalizedText(en: "Gaza")[.fa]   // "Gaza" — falls back to English
/// ```
public struct LocalizedText: Hashable, Sendable, Codable {
    public var en: String
    public var fa: String?

    public init(en: String, fa: String? = nil) {
        self.en = en
        self.fa = fa
    }

    /// The text in `language`, falling back to English where no Persian is recorded.
    public subscript(language: Language) -> String {
        switch language {
        case .en: en
        case .fa: fa ?? en
        }
    }
}

/// The languages CityDiplomacy reads and writes.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en
    case fa
}
