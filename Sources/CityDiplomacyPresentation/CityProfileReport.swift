import CityDiplomacyCore

/// What `citydip show CITY` prints: a city's relations, memberships and events, each citing its
/// sources by number, and the numbered list of those sources; the city it is part of and its
/// parts, and — when its parts are counted with it — a note saying what that changed.
public struct CityProfileReport: Sendable {
    public var profile: CityProfile
    public var countries: [CountryCode: Country]
    public var style: OutputStyle
    /// Said under the heading when the profile counts the city's parts with it.
    public var aggregationNote: LocalizedText?

    public init(profile: CityProfile, countries: [Country], language: Language, aggregationNote: LocalizedText? = nil) {
        self.profile = profile
        self.countries = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.style = OutputStyle(language: language)
        self.aggregationNote = aggregationNote
    }

    private func countryName(_ code: CountryCode) -> String {
        style.text(countries[code]?.name ?? LocalizedText(en: code.rawValue))
    }

    /// Every source cited in the profile, in order of first citation.
    private var sources: [SourceCitation] {
        var seen: Set<String> = []
        let all = profile.relations.flatMap(\.relation.sources) + profile.memberships.flatMap(\.membership.sources)
            + profile.events.flatMap(\.sources)
        return all.filter { seen.insert($0.id).inserted }
    }

    /// The catalogue's message `key` in the report's language.
    private func t(_ key: String) -> String {
        style.text(.message(key))
    }

    public func markdown() -> String {
        let numbers = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1.id, $0 + 1) })
        func cite(_ cited: [SourceCitation]) -> String {
            cited.compactMap { numbers[$0.id] }.map { style.digits("[\($0)]") }.joined()
        }
        let city = profile.city
        var lines: [String] = []
        // English output gives the Persian name beside the English one; Persian output only the
        // Persian name, with other spellings in Persian script below.
        let otherName = style.language == .en ? city.name.fa : nil
        lines.append("# \(style.text(city.name))\(otherName.map { " (\($0))" } ?? "") — \(countryName(city.country))")
        lines.append("")
        lines.append("\(t("web.dataset")): \(style.text(profile.dataset.title)) (`\(profile.dataset.id)`)")
        let aliases = city.aliases(shownIn: style.language)
        if !aliases.isEmpty {
            lines.append("\(t("presentation.also-written")): \(aliases.joined(separator: style.comma))")
        }
        if let notes = city.notes(in: style.language) { lines.append("\(t("presentation.notes")): \(style.digits(notes))") }
        if let whole = profile.whole { lines.append("\(t("parts.part-of")): \(style.text(whole.name)) (\(whole.id))") }
        if !profile.parts.isEmpty {
            lines.append("\(t("parts.parts")) (\(style.number(profile.parts.count))): " + profile.parts.map { style.text($0.name) }.joined(separator: style.comma))
        }
        if let aggregationNote { lines += ["", style.text(aggregationNote)] }
        lines.append("")
        lines.append("## \(t("presentation.bilateral-relations")) (\(style.number(profile.relations.count)))")
        lines.append("")
        if !profile.relations.isEmpty {
            lines.append("| \(t("presentation.partner")) | \(t("web.country")) | \(t("web.kind")) | \(t("presentation.signed-2")) | \(t("presentation.themes")) | \(t("column.sources")) |")
            lines.append("|---|---|---|---|---|---|")
            for (relation, partner) in profile.relations {
                let themes = relation.themes.map { style.text($0.label) }.joined(separator: style.comma)
                lines.append("| \(style.text(partner.name)) | \(countryName(partner.country)) | \(style.text(relation.kind.label)) | \(relation.signed.map(style.date) ?? "—") | \(themes) | \(cite(relation.sources)) |")
            }
            let notes = profile.relations.compactMap { item in
                item.relation.notes(in: style.language).map { "- \(style.text(item.partner.name)): \(style.digits($0))" }
            }
            if !notes.isEmpty {
                lines.append("")
                lines += notes
            }
            lines.append("")
        }
        lines.append("## \(t("presentation.network-memberships")) (\(style.number(profile.memberships.count)))")
        lines.append("")
        for (membership, network) in profile.memberships {
            var line = "- \(style.text(network.name)) (\(style.text(network.scope.label)))"
            if let role = membership.role { line += " — \(style.text(role))" }
            if let since = membership.since { line += " — \(t("web.since")) \(style.date(since))" }
            line += " \(cite(membership.sources))"
            lines.append(line)
        }
        lines.append("")
        lines.append("## \(t("web.international-events")) (\(style.number(profile.events.count)))")
        lines.append("")
        for event in profile.events {
            var line = "- \(style.number(event.year)): \(style.text(event.title)) (\(style.text(event.kind.label)))"
            if let body = event.awardingBody(in: style.language) { line += " — \(style.digits(body))" }
            if event.isSupplement { line += " — \(t("supplement.added"))" }
            line += " \(cite(event.sources))"
            lines.append(line)
        }
        let eventNotes = profile.events.compactMap { event in
            event.notes(in: style.language).map { "- \(style.text(event.title)): \(style.digits($0))" }
        }
        if !eventNotes.isEmpty {
            lines.append("")
            lines += eventNotes
        }
        lines.append("")
        lines.append("## \(t("column.sources"))")
        lines.append("")
        for (index, source) in sources.enumerated() {
            lines.append(style.digits("\(index + 1). ") + describe(source))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ source: SourceCitation) -> String {
        let language = style.language
        var parts = [style.digits(source.title(in: language))]
        if let publisher = source.publisher(in: language) { parts.append(style.digits(publisher)) }
        if let published = source.published { parts.append(t("presentation.published-2") + " " + style.date(published)) }
        if let url = source.url { parts.append("<\(url)>") }
        if let accessed = source.accessed { parts.append(t("web.accessed") + " " + style.date(accessed)) }
        if let locator = source.locator(in: language) { parts.append(t("presentation.cited-at") + ": " + style.digits(locator)) }
        if source.isSupplement { parts.append(t("supplement.added")) }
        return parts.joined(separator: " — ")
    }

    public func json() -> String {
        let language = style.language
        func text(_ value: LocalizedText) -> JSONValue { .object([("en", .string(value.en)), ("fa", value.fa.map(JSONValue.string) ?? .null)]) }
        func sourceIDs(_ cited: [SourceCitation]) -> JSONValue { .array(cited.map { .string($0.id) }) }
        // Built apart: one expression of the whole profile is more than the type checker takes.
        let events: JSONValue = .array(profile.events.map { event in
            .object([
                ("id", .string(event.id)),
                ("kind", .string(event.kind.rawValue)),
                ("title", text(event.title)),
                ("year", .number(event.year)),
                ("awarding_body", event.awardingBody.map(JSONValue.string) ?? .null),
                ("notes", event.notes.map(JSONValue.string) ?? .null),
                ("notes_fa", event.notesFa.map(JSONValue.string) ?? .null),
                ("sources", sourceIDs(event.sources)),
            ])
        })
        let sourceList: JSONValue = .array(sources.map { source in
            .object([
                ("id", .string(source.id)),
                ("title", .string(source.title)),
                ("url", source.url.map(JSONValue.string) ?? .null),
                ("publisher", source.publisher.map(JSONValue.string) ?? .null),
                ("language", source.language.map(JSONValue.string) ?? .null),
                ("published", source.published.map { .string($0.description) } ?? .null),
                ("accessed", source.accessed.map { .string($0.description) } ?? .null),
                ("locator", source.locator.map(JSONValue.string) ?? .null),
                ("supplement", .bool(source.isSupplement)),
            ])
        })
        let city = profile.city
        let object: JSONValue = .object([
            ("id", .string(city.id)),
            ("name", text(city.name)),
            ("aliases", .array(city.aliases.map(JSONValue.string))),
            ("country_iso2", .string(city.country.rawValue)),
            ("country", .string(countries[city.country]?.name[language] ?? city.country.rawValue)),
            ("dataset", .string(profile.dataset.id)),
            ("relations", .array(profile.relations.map { relation, partner in
                .object([
                    ("id", .string(relation.id)),
                    ("partner_id", .string(partner.id)),
                    ("partner", text(partner.name)),
                    ("partner_country_iso2", .string(partner.country.rawValue)),
                    ("kind", .string(relation.kind.rawValue)),
                    ("status", .string(relation.status.rawValue)),
                    ("signed", relation.signed.map { .string($0.description) } ?? .null),
                    ("themes", .array(relation.themes.map { .string($0.rawValue) })),
                    ("notes", relation.notes.map(JSONValue.string) ?? .null),
                    ("sources", sourceIDs(relation.sources)),
                ])
            })),
            ("memberships", .array(profile.memberships.map { membership, network in
                .object([
                    ("network_id", .string(network.id)),
                    ("network", text(network.name)),
                    ("scope", .string(network.scope.rawValue)),
                    ("role", membership.role.map(text) ?? .null),
                    ("since", membership.since.map { .string($0.description) } ?? .null),
                    ("sources", sourceIDs(membership.sources)),
                ])
            })),
            ("events", events),
            ("sources", sourceList),
        ])
        return object.serialized(pretty: true) + "\n"
    }
}
