import CityDiplomacyCore

/// The pieces Markdown for people is written from, in either language: catalogue messages with
/// their values filled in, ids as code, names and countries as a reader of the language knows
/// them, and table rows.
///
/// In Persian, text that stays as another wrote it — a name as a file writes it in Latin letters,
/// a city with no Persian name, the importer's English — is set as code (`` `Quxbergen Aa` ``):
/// it reads as quoted, keeps its own direction inside right-to-left prose, and keeps its digits.
///
/// ```swift
/// let style = OutputStyle(language: .fa)
/// style.message("stats.totals", ["relations": style.number(70), "cities": style.number(58), "countries": style.number(24)])
/// style.code("iran-2018")                        // "`iran-2018`", never with Persian digits
/// style.name(LocalizedText(en: "Mitte"))         // "`Mitte`": no Persian name recorded
/// style.row(["a", "b|c"])                        // "| a | b\|c |"
/// ```
extension OutputStyle {
    /// The catalogue's message `key` in this language, each `{name}` replaced by `values[name]`.
    /// The values are written for this language already (``number(_:)``, ``code(_:)``, …) and
    /// are put in after the message's own digits are made Persian, so that codes keep theirs.
    public func message(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = digits(LocalizedText.message(key)[language])
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// An id, a code, a hash or an option as Markdown code, the same in every language.
    public func code(_ text: String) -> String {
        // A backtick inside needs a longer fence, and a space where the text starts or ends with one.
        guard text.contains("`") else { return "`\(text)`" }
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return "``\(padded)``"
    }

    /// Text quoted as someone else wrote it (a file's place name or coordinates, the importer's
    /// reason): as it is in English; in Persian as code unless it is in Arabic script, so that
    /// Latin letters and a file's digits stay as written.
    public func asWritten(_ text: String) -> String {
        guard language == .fa, !text.isEmpty else { return text }
        let arabicScript = text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) || (0xFB50...0xFEFF).contains($0.value) }
        return arabicScript ? text : code(text)
    }

    /// A name for people: its Persian form in Persian, or — where none is recorded — the English
    /// one as written.
    public func name(_ name: LocalizedText) -> String {
        switch language {
        case .en: name.en
        case .fa: name.fa.map(digits) ?? asWritten(name.en)
        }
    }

    /// The country of an ISO code by its name in this language; a code the list lacks as code.
    public func country(code: String, in countries: CountryDirectory) -> String {
        countries.country(code: code).map { name($0.name) } ?? self.code(code)
    }

    /// A country as someone wrote it (a file's "Turkey", a user's "IR"): in English as written,
    /// in Persian by its Persian name where the list knows it.
    public func country(written text: String, in countries: CountryDirectory) -> String {
        guard language == .fa, let country = countries.country(matching: text) else { return asWritten(text) }
        return name(country.name)
    }

    /// A row of a Markdown table: the cells, each with its `|` escaped and on one line.
    public func row(_ cells: [String]) -> String {
        let escaped = cells.map { ASCIIReplacements.markdownPipes.apply(to: $0) }
        return "|" + escaped.map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|"
    }

    /// The header of a Markdown table: the titles and the line under them.
    public func header(_ titles: [String]) -> [String] {
        [row(titles), "|" + String(repeating: "---|", count: titles.count)]
    }
}
