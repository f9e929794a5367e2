import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// An import's quality report for people, in English or Persian: what `citydip import` prints
/// after an import and `citydip quality` prints again — the counts, the distances to the
/// gazetteer's points, and the names, pairs, coordinates and countries that need a person's eye,
/// each list cut to its first entries; and, when asked for, a page of places with their evidence.
///
/// Names, coordinates and the importer's reasons are quoted as the file and the importer wrote
/// them (in Persian as code, being in Latin letters); countries the country list knows are named
/// in the reader's language.
///
/// ```swift
/// let view = try await workspace.quality(dataset: "twins", places: PlaceSelection(status: .unresolved))
/// let markdown = try ImportQualityMarkdown(language: .fa)
/// print(markdown.report(view, listingPlaces: true, status: .unresolved))
/// ```
public struct ImportQualityMarkdown: Sendable {
    public var style: OutputStyle
    public var countries: CountryDirectory
    /// How many entries of each list the report shows; `--report json` has them all.
    public var listLength: Int
    /// The names of the dataset's city records by id, for the places listed (their ids alone
    /// where a name is not given).
    public var cityNames: [String: LocalizedText]

    public init(language: Language, countries: CountryDirectory, listLength: Int = 25, cityNames: [String: LocalizedText] = [:]) {
        style = OutputStyle(language: language)
        self.countries = countries
        self.listLength = listLength
        self.cityNames = cityNames
    }

    /// With the country list the importer read the file's countries by: the bundled one, which
    /// knows the names of historical and unrecognised states (the registry keeps today's only).
    public init(language: Language, listLength: Int = 25, cityNames: [String: LocalizedText] = [:]) throws {
        self.init(language: language, countries: try CountryDirectory.bundled(), listLength: listLength, cityNames: cityNames)
    }

    /// The report: its counts, then each list that has entries; with `listingPlaces`, the places
    /// `quality.places` holds (those of `status`, or of every status) as a table after it.
    public func report(_ quality: ImportQualityView, listingPlaces: Bool = false, status: PlaceStatusChoice? = nil) -> String {
        var lines = ["# " + style.message("quality.report.title", ["file": style.asWritten(quality.file), "dataset": style.code(quality.dataset)]), ""]
        lines += counts(quality)
        lines += ["", style.message("quality.report.hash", ["hash": style.code(quality.contentHash)]), ""]
        lines += lists(quality)
        if listingPlaces { lines += places(quality, status: status) }
        // The importer writes its reasons, problems and candidates in English.
        let quotesImporter = listingPlaces || !(quality.unresolvedNames.isEmpty && quality.uncertainNames.isEmpty && quality.coordinateIssues.isEmpty)
        if quotesImporter { lines += [style.message("quality.reasons-note"), ""] }
        return lines.joined(separator: "\n")
    }

    // MARK: The places

    /// A page of places: each as the file names it, the record it became and the evidence.
    private func places(_ quality: ImportQualityView, status: PlaceStatusChoice?) -> [String] {
        let page = quality.places
        let first = page.items.isEmpty ? 0 : page.offset + 1
        let last = page.offset + page.items.count
        let shown = status.map(label) ?? style.message("quality.report.all-statuses")
        var lines = ["## " + style.message("quality.report.places", ["status": shown, "first": style.number(first), "last": style.number(last), "total": style.number(page.total)]), ""]
        lines += style.header([
            style.message("quality.report.column.name"), style.message("quality.report.column.country"),
            style.message("quality.report.column.status"), style.message("quality.report.column.city"),
            style.message("quality.report.column.gazetteer-name"), style.message("quality.report.column.geonames"),
            style.message("quality.report.column.kilometres"), style.message("quality.report.column.part-of"),
            style.message("quality.report.column.reason"), style.message("quality.report.column.candidates"),
        ])
        lines += page.items.map { place in
            style.row([
                style.asWritten(place.name), place.country.map(country) ?? "", label(place.status), record(place.city),
                place.matched.map(style.asWritten) ?? "", place.geonamesID.map { style.code(String($0)) } ?? "",
                place.kilometres.map { style.decimal($0) } ?? "", place.partOf.map(record) ?? "",
                style.asWritten(place.reason), place.candidates.map(style.asWritten).joined(separator: style.semicolon),
            ])
        }
        return lines + [""]
    }

    // MARK: The counts

    private func counts(_ quality: ImportQualityView) -> [String] {
        let total = quality.placeCount
        func share(_ count: Int) -> String {
            style.message("quality.report.share", ["count": style.number(count), "share": style.percent(count, of: total)])
        }
        let distances = quality.distances
        let rows: [(String, String)] = [
            (style.message("quality.report.format"), style.code(quality.format)),
            (style.message("quality.report.rows-read"), style.number(quality.rowsRead)),
            (style.message("quality.report.relations-created"), style.number(quality.relationsCreated)),
            (style.message("quality.report.duplicates-merged"), style.number(quality.duplicatesMerged)),
            (style.message("quality.report.cities"), style.number(quality.citiesCreated)),
            (style.message("quality.report.resolved"), style.message("quality.report.resolved-share", ["count": style.number(quality.citiesResolved),
                                                    "share": style.percent(quality.citiesResolved, of: total), "total": style.number(total)])),
            (style.message("quality.report.part-of"), share(quality.citiesPartOf)),
            (style.message("quality.report.ambiguous"), share(quality.citiesAmbiguous)),
            (style.message("quality.report.unresolved"), share(quality.citiesUnresolved)),
            (style.message("quality.report.parents-added"), style.number(quality.parentsAdded)),
            (style.message("quality.report.distance"), style.message("quality.report.distances", [
                "measured": style.number(distances.measured), "upTo1": style.number(distances.upTo1km),
                "upTo5": style.number(distances.from1To5km), "upTo10": style.number(distances.from5To10km),
                "upTo25": style.number(distances.from10To25km), "median": style.decimal(distances.medianKilometres),
                "p95": style.decimal(distances.p95Kilometres),
            ])),
            (style.message("quality.report.district-and-city"), style.number(quality.districtAndCityPairs.count)),
            (style.message("quality.report.self-pairs"), style.number(quality.selfPairs.count)),
            (style.message("quality.report.domestic-pairs"), style.number(quality.domesticPairs)),
            (style.message("quality.report.unresolved-names"), style.number(quality.unresolvedNames.count)),
            (style.message("quality.report.uncertain"), style.number(quality.uncertainNames.count)),
            (style.message("quality.report.coordinate-issues"), style.number(quality.coordinateIssues.count)),
            (style.message("quality.report.unknown-countries"), style.number(quality.unknownCountries.count)),
        ]
        return style.header(["", ""]) + rows.map { style.row([$0.0, $0.1]) }
    }

    // MARK: The lists

    private func lists(_ quality: ImportQualityView) -> [String] {
        var lines: [String] = []
        func section(_ heading: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines += ["## " + heading, ""] + items + [""]
        }
        section(style.message("quality.report.heading.self-pairs"), cut(quality.selfPairs) { pair in
            style.message("quality.report.self-pair", ["line": style.number(pair.line), "city1": style.asWritten(pair.city1), "city2": style.asWritten(pair.city2)])
        })
        section(style.message("quality.report.heading.district-and-city"), cut(quality.districtAndCityPairs) { pair in
            style.message("quality.report.district-and-city-pair", [
                "line": style.number(pair.line), "partner": style.asWritten(pair.partner), "district": style.asWritten(pair.district),
                "cityLine": style.number(pair.cityLine), "city": style.asWritten(pair.city),
            ])
        })
        if !quality.domesticByCountry.isEmpty {
            let counts = quality.domesticByCountry.prefix(15).map { code, pairs in
                style.message("quality.report.country-count", ["country": style.country(code: code, in: countries), "count": style.number(pairs)])
            }
            section(style.message("quality.report.heading.domestic"), [counts.joined(separator: style.comma)])
        }
        section(style.message("quality.report.heading.unresolved"), cut(quality.unresolvedNames) { note in
            style.message("quality.report.unresolved-name", ["name": named(note.name, note.country), "occurrences": style.number(note.occurrences),
                                        "lines": lineNumbers(note.lines), "reason": style.asWritten(note.reason)]) + candidates(note.candidates)
        })
        section(style.message("quality.report.heading.uncertain"), cut(quality.uncertainNames) { note in
            style.message("quality.report.uncertain-name", ["name": named(note.name, note.country), "occurrences": style.number(note.occurrences),
                                       "reason": style.asWritten(note.reason)]) + candidates(note.candidates)
        })
        section(style.message("quality.report.heading.coordinates"), cut(quality.coordinateIssues) { note in
            style.message("quality.report.coordinate", [
                "line": style.number(note.line), "name": style.asWritten(note.name), "given": style.asWritten(note.given),
                "problem": style.asWritten(note.problem),
                "resolved": note.resolvedTo.map { style.message("quality.report.resolved-to", ["place": style.asWritten($0)]) } ?? "",
                "nearest": style.asWritten(note.nearest), "kilometres": style.number(note.kilometres),
            ])
        })
        section(style.message("quality.country-readings"), cut(quality.countryReadings) { reading in
            style.message("quality.report.country-reading", ["country": style.asWritten(reading.country), "occurrences": style.number(reading.occurrences),
                                        "note": readingNote(reading), "readAs": style.code(reading.readAs)])
        })
        section(style.message("quality.removed-characters"), cut(quality.removedCharacters) { note in
            style.message("quality.report.removed-character", ["character": style.code(note.character), "field": style.code(note.field),
                                        "occurrences": style.number(note.occurrences), "lines": lineNumbers(note.lines)])
        })
        section(style.message("quality.report.heading.unknown-countries"), cut(quality.unknownCountries) { note in
            style.message("quality.report.unknown-country", ["country": style.asWritten(note.country), "occurrences": style.number(note.occurrences),
                                        "lines": lineNumbers(note.lines)])
        })
        return lines
    }

    /// The first `listLength` items as list entries, and how many more there are.
    private func cut<T>(_ items: [T], _ entry: (T) -> String) -> [String] {
        var lines = items.prefix(listLength).map { "- " + entry($0) }
        if items.count > listLength { lines.append("- " + style.message("quality.report.more", ["count": style.number(items.count - listLength)])) }
        return lines
    }

    // MARK: Pieces

    private func label(_ status: PlaceStatusChoice) -> String {
        style.message("quality.status.\(status.rawValue)")
    }

    /// A country as the file writes it, by its name in the reader's language where the list knows it.
    private func country(_ written: String) -> String {
        style.country(written: written, in: countries)
    }

    /// A name as the file writes it, with its country.
    private func named(_ name: String, _ country: String?) -> String {
        style.asWritten(name) + (country.map { style.comma + self.country($0) } ?? "")
    }

    private func lineNumbers(_ lines: [Int]) -> String {
        style.message("quality.report.lines", ["lines": lines.map(style.number).joined(separator: style.comma)])
    }

    private func candidates(_ candidates: [String]) -> String {
        guard !candidates.isEmpty else { return "" }
        return style.semicolon + style.message("quality.report.candidates", ["candidates": candidates.map(style.asWritten).joined(separator: style.semicolon)])
    }

    /// A city record: its name in the reader's language where known, and its id.
    private func record(_ id: String) -> String {
        guard let name = cityNames[id] else { return style.code(id) }
        return "\(style.name(name)) (\(style.code(id)))"
    }

    /// What the reader is told of a state's name read as another country: in the reader's
    /// language when the country list still knows the name, else in the importer's English.
    private func readingNote(_ reading: ImportQualityView.CountryReading) -> String {
        let bare = reading.country.firstIndex(of: "(").map { String(reading.country[..<$0]).trimmingCharacters(in: .whitespaces) } ?? reading.country
        guard let note = countries.note(forName: reading.country) ?? countries.note(forName: bare) else { return style.asWritten(reading.note) }
        return style.text(note.text)
    }
}
