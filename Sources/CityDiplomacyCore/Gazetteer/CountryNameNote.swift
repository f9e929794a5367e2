/// What a reader is told when a country name names another state than the country it is read
/// as: a historical state ("Prussia", read as Germany) or one that is not recognised
/// ("Northern Cyprus", read as Cyprus). The place is kept, under today's or the recognised
/// country, and the note says so.
///
/// ```swift
/// let countries = try CountryDirectory.bundled()
/// let note = countries.note(forName: "Kingdom of Hungary")
/// note?.country.code   // HU
/// note?.kind           // .historicalState
/// note?.text.en        // "historical state, mapped to today's Hungary"
/// ```
public struct CountryNameNote: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A state that no longer exists; today's country holds much or all of its land.
        case historicalState = "historical-state"
        /// A state that few or no others recognise; the country named holds it in law.
        case unrecognisedState = "unrecognised-state"
    }

    /// The name as the reference data writes it ("Prussia"), whatever spelling matched.
    public var name: String
    public var kind: Kind
    /// The country the name is read as.
    public var country: Country

    public init(name: String, kind: Kind, country: Country) {
        self.name = name
        self.kind = kind
        self.country = country
    }

    /// "historical state, mapped to today's Germany", in English and Persian.
    public var text: LocalizedText {
        let key = switch kind {
        case .historicalState: "core.country-note.historical-state"
        case .unrecognisedState: "core.country-note.unrecognised-state"
        }
        return LocalizedText(
            en: LocalizedText.message(key, ["country": country.name.en]).en,
            fa: LocalizedText.message(key, ["country": country.name[.fa]]).fa
        )
    }
}
