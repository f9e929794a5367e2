import CityDiplomacyCore

/// A free-text field of a data file given either as one string (the same in every output) or as
/// `{en: …, fa: …}`, so that Persian output reads Persian where the file gives it.
///
/// ```yaml
/// locator: "Table 1, row Tehran"                                  # one text
/// locator: {en: "Table 1, row Tehran", fa: "…"}     # per language, the Persian in Persian
/// ```
struct TextInBothLanguages: Decodable {
    var en: String
    var fa: String?

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            en = text
            fa = nil
        } else {
            let text = try LocalizedText(from: decoder)
            en = text.en
            fa = text.fa
        }
    }

    /// Both texts with Arabic letter variants and zero-width characters made Persian.
    var normalized: (en: String, fa: String?) {
        (PersianText.normalized(en), fa.map(PersianText.normalized))
    }
}
