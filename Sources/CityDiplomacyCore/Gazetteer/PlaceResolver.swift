import Foundation

/// Resolves a place as people write it — a name in any script, a country by name or code,
/// coordinates when known — to a gazetteer entry with a confidence and the reason, or to the
/// ranked candidates when it cannot decide; and tells a district from its city.
///
/// The rules, each a promise to the user of an import:
/// - **Coordinates decide.** With coordinates given, a place of the name more than
///   ``matchKilometres`` away is never taken (it is offered as a candidate), and same-named places
///   in one country are told apart by distance. Without coordinates a name that several places of
///   the country bear stays ambiguous, with its candidates.
/// - **The country bounds the search.** A country that is not recognised never widens the search
///   to the world; the place stays unresolved and the country is reported.
/// - **A district is its own place.** "Berlin – Mitte", "Mitte (Berlin)", "Budapest V",
///   "Gangnam-gu, Seoul" name a part of a city: the result names the part and, as ``Place/parent``,
///   the city, whichever form the source used.
///
/// ```swift
/// let resolver = PlaceResolver(gazetteer: gazetteer, countries: countries)
/// resolver.resolve(name: "Urumqi", country: "China")     // .resolved(Ürümqi, 0.9, "the only …")
/// resolver.place(name: "Stari Grad (Sarajevo)", country: "Bosnia and Herzegovina").parent   // Sarajevo
/// ```
public struct PlaceResolver: Sendable {
    public let gazetteer: Gazetteer
    public let countries: CountryDirectory
    /// With coordinates given, a place of the name farther than this is never taken as the place.
    public static let matchKilometres = 25.0

    public init(gazetteer: Gazetteer, countries: CountryDirectory) {
        self.gazetteer = gazetteer
        self.countries = countries
    }

    public enum Resolution: Hashable, Sendable {
        case resolved(GazetteerEntry, confidence: Double, reason: String)
        /// Several places fit; the candidates, most likely first.
        case ambiguous([GazetteerEntry], reason: String)
        /// No place fits; places of the name that were not taken (too far, say), nearest first.
        case unresolved(reason: String, candidates: [GazetteerEntry])

        public var entry: GazetteerEntry? {
            if case let .resolved(entry, _, _) = self { return entry }
            return nil
        }

        /// Whether a gazetteer place was found: `entry != nil` without copying the entry (its
        /// texts retained and released), which an import asks of every place several times.
        public var isResolved: Bool {
            if case .resolved = self { return true }
            return false
        }

        /// The GeoNames id of the place found, if any, read without copying the entry.
        public var geonameID: Int? {
            if case let .resolved(entry, _, _) = self { return entry.geonameID }
            return nil
        }

        /// The name of the place found, if any, read without copying the rest of the entry.
        public var entryName: String? {
            if case let .resolved(entry, _, _) = self { return entry.name }
            return nil
        }

        public var candidates: [GazetteerEntry] {
            switch self {
            case .resolved: []
            case let .ambiguous(candidates, _), let .unresolved(_, candidates): candidates
            }
        }

        public var reason: String {
            switch self {
            case let .resolved(_, _, reason), let .ambiguous(_, reason), let .unresolved(reason, _): reason
            }
        }
    }

    /// A place as a source names it: the place itself, and the city it is a part of when the
    /// source names it with one.
    public struct Place: Hashable, Sendable {
        /// The place itself: for a district, the district (often not in the gazetteer).
        public var resolution: Resolution
        /// The place's own name as written, without its city ("Mitte" of "Berlin – Mitte"); the
        /// whole name when the source names no city with it.
        public var name: String
        /// The city the source names the place a part of, when that city is in the gazetteer.
        public var parent: GazetteerEntry?
        /// Other names the source gives the place ("Liesing" of "Vienna 23 – Liesing").
        public var otherNames: [String] = []
        /// The gazetteer's name (or alternate name) that matched, for a resolved place.
        public var matchedName: String?
        /// From the given coordinates to the resolved place.
        public var kilometres: Double?
        /// The given coordinates are this far from the city the name gives ("Mitte (Hamburg)" at
        /// Berlin's coordinates): the district was sought near the city instead.
        public var coordinatesConflict: Double?

        public init(resolution: Resolution, name: String, parent: GazetteerEntry? = nil, matchedName: String? = nil, kilometres: Double? = nil) {
            self.resolution = resolution
            self.name = name
            self.parent = parent
            self.matchedName = matchedName
            self.kilometres = kilometres
        }
    }

    /// The country meant by a name or code, if it is one the registry knows.
    public func country(_ text: String?) -> Country? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if let country = countries.country(matching: text) { return country }
        // "Georgia (country)": Wikipedia's disambiguation in parentheses.
        if let open = text.firstIndex(of: "("),
           let country = countries.country(matching: String(text[..<open]).trimmingCharacters(in: .whitespaces)) {
            return country
        }
        // "in Italy": a scrape's leftover preposition.
        if text.lowercased().hasPrefix("in "), let country = countries.country(matching: String(text.dropFirst(3))) {
            return country
        }
        // "Scotland, United Kingdom", "Åland Islands, Finland", "Réunion, France": the most specific
        // part the registry knows as a country.
        for part in text.split(separator: ",") {
            if let country = countries.country(matching: part.trimmingCharacters(in: .whitespaces)) { return country }
        }
        return nil
    }

    /// How the place itself resolves (for a district, the district; its city is in
    /// ``place(name:country:coordinates:)``'s `parent`).
    public func resolve(name: String, country countryText: String?, coordinates: Coordinates? = nil) -> Resolution {
        place(name: name, country: countryText, coordinates: coordinates).resolution
    }

    /// Where to draw a city that a dataset keeps without coordinates: the place of the name, or,
    /// among several of the country, the one far larger than the others (ten times the next).
    /// For maps only: an import never takes a place on size alone.
    public func locate(name: String, country countryText: String?) -> GazetteerEntry? {
        let code = country(countryText)?.code
        let found = place(name: name, countryCode: code, countryText: countryText, coordinates: nil)
        if let entry = found.resolution.entry { return entry }
        guard code != nil, case let .ambiguous(candidates, _) = found.resolution, candidates.count >= 2,
              candidates[0].population >= 10 * max(candidates[1].population, 1)
        else { return nil }
        return candidates[0]
    }

    public func place(name: String, country countryText: String?, coordinates: Coordinates? = nil) -> Place {
        place(name: name, countryCode: country(countryText)?.code, countryText: countryText, coordinates: coordinates)
    }

    /// ``place(name:country:coordinates:)`` with the country already looked up: `countryCode` is
    /// `country(countryText)?.code`. An import looks each distinct country text up once.
    public func place(name rawName: String, countryCode: CountryCode?, countryText: String?, coordinates: Coordinates?) -> Place {
        let name = rawName.trimmingSpaces()
        var country = countryCode
        let form = PlaceNameForm(name)
        if country == nil, case let .qualified(core, qualifier, .comma) = form, let named = self.country(qualifier) {
            // "Varna, Bulgaria" with no country column: the name says it.
            if countryText?.trimmingSpaces().isEmpty ?? true {
                country = named.code
                return single(core, in: country, coordinates: coordinates)
            }
        }
        if country == nil, let countryText, !countryText.trimmingSpaces().isEmpty {
            return Place(resolution: .unresolved(reason: "country '\(countryText)' unknown: the place was not looked for elsewhere", candidates: []), name: name)
        }
        // The whole name first: "Riese Pio X" and "Stratford-upon-Avon" are places, not forms —
        // but "Budapest I" is not Budapest, though GeoNames also calls the capital "Budapesti".
        var whole = single(name, in: country, coordinates: coordinates)
        if case let .numbered(base, _, _) = form, let entry = whole.resolution.entry,
           let position = gazetteer.position(geonameID: entry.geonameID), gazetteer.positions(named: base).contains(position) {
            whole = Place(resolution: .unresolved(reason: "no place of that name\(country.map { " in \($0)" } ?? "") in the gazetteer", candidates: []), name: name)
        }
        if whole.resolution.entry != nil { return whole }
        switch form {
        case .plain:
            return whole
        case let .sameAs(core):
            // "Gmina X" is the municipality seated in X, which sources also call X; "X (city)" is X.
            let named = single(core, in: country, coordinates: coordinates)
            return named.resolution.entry != nil ? named : whole
        case let .administrativeArea(kind):
            return Place(resolution: .unresolved(reason: "an administrative area (\(kind)), not a populated place", candidates: []), name: name)
        case let .qualified(core, qualifier, style):
            // "Coventry, New York", "Izumi, Osaka": a comma names the region a town lies in more
            // often than its city, so the town itself is looked for first.
            let alone = single(core, in: country, coordinates: coordinates)
            if style == .comma, alone.resolution.entry != nil { return alone }
            if let (parent, far) = parent(named: qualifier, in: country, near: coordinates) {
                guard let far else { return part(core, of: parent, in: country, coordinates: coordinates) }
                // "Mitte (Hamburg)" at Berlin's coordinates: the name is more specific than a
                // geocoder (which found Berlin's Mitte), so the district is sought near the city it
                // names, and the disagreement reported — unless the qualifier follows a comma.
                if style == .comma { return alone.resolution.candidates.isEmpty ? whole : alone }
                var place = part(core, of: parent, in: country, coordinates: nil)
                place.coordinatesConflict = far
                return place
            }
            // The qualifier is a region or a disambiguation ("Stolberg (Rhineland)", "Córdoba,
            // Bolívar", "North Burnett – Gayndah"): the core is the place.
            if alone.resolution.entry != nil { return alone }
            // Keep what the core's search found (its candidates, or why it is ambiguous).
            return alone.resolution.candidates.isEmpty ? whole : alone
        case let .numbered(base, number, districtName):
            guard let (parent, far) = parent(named: base, in: country, near: coordinates) else { return whole }
            let numbered = "\(base) \(number)"
            var place: Place
            let named = districtName.map { part($0, of: parent, in: country, coordinates: far == nil ? coordinates : nil) }
            if let named, named.resolution.entry != nil {
                place = named
            } else if let district = numberedDistrict(number, of: parent) {
                place = Place(
                    resolution: .resolved(district, confidence: 0.9, reason: "district \(number) of \(parent.name), as the gazetteer names it"),
                    name: numbered, parent: parent, matchedName: district.name,
                    kilometres: coordinates.map { $0.kilometres(to: district.coordinates) })
            } else {
                place = Place(
                    resolution: .unresolved(reason: "a numbered district of \(parent.name) that the gazetteer does not list", candidates: []),
                    name: numbered, parent: parent)
            }
            place.name = numbered
            place.otherNames = districtName.map { [$0] } ?? []
            if let far {
                place.coordinatesConflict = far
                place.kilometres = nil
            } else if let kilometres = place.kilometres, kilometres > Self.matchKilometres {
                // The district GeoNames lists is far from the file's point: the point is reported.
                place.coordinatesConflict = kilometres
                place.kilometres = nil
            }
            return place
        }
    }

    /// "Budapest XIII" is GeoNames' "Budapest XIII. kerület", "Prague 1" its "Praha 1": the place
    /// near the city one of whose names holds the district's number and one of the city's names.
    func numberedDistrict(_ number: String, of parent: GazetteerEntry) -> GazetteerEntry? {
        let numberKey = number.lowercased()
        let cityKeys = Set(([parent.name] + parent.alternateNames).map(PersianText.searchKey).filter { !$0.isEmpty })
        let reach = Self.districtReach(population: parent.population)
        func tokens(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        for position in gazetteer.positions(in: parent.country) where position != gazetteer.position(geonameID: parent.geonameID) {
            guard gazetteer.population(at: position) < parent.population,
                  gazetteer.kilometres(from: parent.coordinates, to: position) <= reach
            else { continue }
            let entry = gazetteer.entries[position]
            for name in [entry.name] + entry.alternateNames {
                // The number right after one of the city's names: "Budapest XIII. kerület",
                // "Praha 1" — not the "i" of "Troitsk i Moskva".
                let words = tokens(name)
                for index in words.indices.dropLast() where words[index + 1] == numberKey && cityKeys.contains(PersianText.searchKey(words[index])) {
                    return entry
                }
            }
        }
        return nil
    }

    // MARK: - Rules

    /// Whether a gazetteer place lies in the country given (or in one of its territories).
    private func lies(_ position: Int, in country: CountryCode?) -> Bool {
        guard let country else { return true }
        // A place of a territory lies in its state ("Pointe-à-Pitre, France"); a place of the state
        // does not lie in one of its territories, nor in a sibling territory.
        let lying = gazetteer.country(at: position)
        return lying == country || countries.state(of: lying) == country
    }

    /// One name, one place: coordinates decide, else a name borne by one place of the country.
    func single(_ name: String, in country: CountryCode?, coordinates: Coordinates?) -> Place {
        let limit = Self.matchKilometres
        let candidates = gazetteer.positions(named: name).filter { lies($0, in: country) }
        let entries = gazetteer.entries
        let scope = country.map { " in \($0)" } ?? ""
        guard !candidates.isEmpty else {
            return Place(resolution: .unresolved(reason: "no place of that name\(scope) in the gazetteer", candidates: []), name: name)
        }
        if let coordinates {
            let ranked = candidates.map { ($0, gazetteer.kilometres(from: coordinates, to: $0)) }.sorted { $0.1 < $1.1 }
            let (nearest, distance) = ranked[0]
            guard distance <= limit else {
                return Place(
                    resolution: .unresolved(
                        reason: "the nearest place of that name\(scope) is \(Int(distance.rounded())) km from the given coordinates (more than \(Int(limit)) km)",
                        candidates: ranked.prefix(3).map { entries[$0.0] }),
                    name: name)
            }
            return Place(
                resolution: .resolved(entries[nearest], confidence: 0.98, reason: "name, country and coordinates agree (\(Int(distance.rounded())) km)"),
                name: name, matchedName: matchedName(name, entries[nearest]), kilometres: distance)
        }
        guard country != nil else {
            return Place(resolution: .ambiguous(candidates.prefix(5).map { entries[$0] }, reason: "no country and no coordinates given"), name: name)
        }
        if candidates.count == 1 {
            return Place(resolution: .resolved(entries[candidates[0]], confidence: 0.9, reason: "the only place of that name\(scope)"),
                         name: name, matchedName: matchedName(name, entries[candidates[0]]))
        }
        // "Tehran": the capital bears the name, a town bears it only among its alternate names.
        let key = PersianText.searchKey(name)
        let named = candidates.filter { PersianText.searchKey(entries[$0].name) == key }
        if named.count == 1 {
            return Place(
                resolution: .resolved(entries[named[0]], confidence: 0.85, reason: "the only place\(scope) whose main name it is (\(candidates.count - 1) other places bear it as an alternate name)"),
                name: name, matchedName: entries[named[0]].name)
        }
        return Place(
            resolution: .ambiguous(candidates.prefix(5).map { entries[$0] }, reason: "\(candidates.count) places of that name\(scope), and no coordinates to tell them apart"),
            name: name)
    }

    /// The city a source names a district with: the place of that name nearest the district's
    /// coordinates, within reach of a district of a city its size; without coordinates the only
    /// place of the name, or the one far larger than the others (a source naming "(Seoul)" means
    /// the capital). When the coordinates are far from every place of the name but one of them is
    /// a city of 100,000 people or more, that city, and how far the coordinates are from it.
    func parent(named name: String, in country: CountryCode?, near coordinates: Coordinates?) -> (GazetteerEntry, far: Double?)? {
        guard country != nil || coordinates != nil else { return nil }
        let candidates = gazetteer.positions(named: name).filter { lies($0, in: country) }
        guard !candidates.isEmpty else { return nil }
        if let coordinates {
            // Among the places of the name within reach of a district, the one whose main name it is,
            // then the largest: "(Shanghai)" is the city, not a district GeoNames also calls Shang-hai.
            let key = PersianText.searchKey(name)
            let reachable = candidates.filter {
                gazetteer.kilometres(from: coordinates, to: $0) <= Self.districtReach(population: gazetteer.population(at: $0))
            }
            if let best = reachable.max(by: { a, b in
                let mainA = PersianText.searchKey(gazetteer.entries[a].name) == key
                let mainB = PersianText.searchKey(gazetteer.entries[b].name) == key
                return mainA != mainB ? !mainA : gazetteer.population(at: a) < gazetteer.population(at: b)
            }) {
                return (gazetteer.entries[best], nil)
            }
            // Candidates are most populous first.
            guard country != nil, gazetteer.population(at: candidates[0]) >= 100_000,
                  candidates.count == 1 || gazetteer.population(at: candidates[0]) >= 10 * max(gazetteer.population(at: candidates[1]), 1)
            else { return nil }
            return (gazetteer.entries[candidates[0]], gazetteer.kilometres(from: coordinates, to: candidates[0]))
        }
        if candidates.count == 1 || gazetteer.population(at: candidates[0]) >= 10 * max(gazetteer.population(at: candidates[1]), 1) {
            return (gazetteer.entries[candidates[0]], nil)
        }
        return nil
    }

    /// How far from a city's point its districts may lie: a metropolis's wards lie farther out
    /// than a town's quarters.
    static func districtReach(population: Int) -> Double {
        switch population {
        case 1_000_000...: 100
        case 100_000...: 50
        default: matchKilometres
        }
    }

    /// A district (`core`) of `parent`: the gazetteer's place of that name near it when there is
    /// one (not the city itself, and not a place larger than the city), else the district as a
    /// place of its own, not in the gazetteer.
    func part(_ core: String, of parent: GazetteerEntry, in country: CountryCode?, coordinates: Coordinates?) -> Place {
        // The search is by distance, so only when the city itself is the nearest place of the name
        // would leaving it out find another: then both sides name the city ("Esfahan – Isfahan").
        let found = single(core, in: country ?? parent.country, coordinates: coordinates ?? parent.coordinates)
        if found.resolution.entry?.geonameID == parent.geonameID { return found }
        if let entry = found.resolution.entry, entry.population <= parent.population {
            let near = coordinates == nil ? gazetteer.kilometres(from: parent.coordinates, to: gazetteer.position(geonameID: entry.geonameID) ?? 0) : 0
            if coordinates != nil || near <= Self.districtReach(population: parent.population) {
                var place = found
                place.parent = parent
                if coordinates == nil { place.kilometres = nil }
                if coordinates == nil, case let .resolved(entry, _, _) = found.resolution {
                    place.resolution = .resolved(entry, confidence: 0.85, reason: "a place of that name \(Int(near.rounded())) km from \(parent.name), the city the source names it with")
                }
                return place
            }
        }
        if let base = PlaceNameForm.numberedBase(core), !base.isEmpty {
            let number = String(core.dropFirst(base.count)).trimmingCharacters(in: .whitespaces)
            if let district = numberedDistrict(number, of: parent) {
                return Place(resolution: .resolved(district, confidence: 0.9, reason: "district \(number) of \(parent.name), as the gazetteer names it"),
                             name: core, parent: parent, matchedName: district.name,
                             kilometres: coordinates.map { $0.kilometres(to: district.coordinates) })
            }
        }
        return Place(resolution: .unresolved(reason: "a district of \(parent.name) that the gazetteer does not list", candidates: []), name: core, parent: parent)
    }

    /// Which of an entry's names the written name matched.
    private func matchedName(_ written: String, _ entry: GazetteerEntry) -> String {
        let key = PersianText.searchKey(written)
        if PersianText.searchKey(entry.name) == key { return entry.name }
        return ([entry.persianName].compactMap { $0 } + entry.alternateNames).first { PersianText.searchKey($0) == key } ?? entry.name
    }
}

/// How a place's name is written: plain, or with its city, region or number.
enum PlaceNameForm: Equatable {
    enum Style: Equatable { case parenthesis, dash, comma }

    case plain
    /// "X (Q)", "Q – X", "X, Q": the place `core` and a qualifier that is its city, a region or
    /// a disambiguation.
    case qualified(core: String, qualifier: String, Style)
    /// "Budapest V", "Prague 1": a numbered district of `base`.
    /// "Vienna 1 – Innere Stadt": a numbered district of `base` named `district` too.
    case numbered(base: String, number: String, district: String? = nil)
    /// "Gmina X" (the municipality seated in X), "X (city)": the place is X.
    case sameAs(core: String)
    /// "Schwalm-Eder (district)", "Anenii Noi District": an administrative area, not a town.
    case administrativeArea(String)

    /// Words that make a parenthesis or a last word a kind of administrative area.
    static let areaWords: Set<String> = [
        "district", "county", "region", "province", "prefecture", "state", "oblast", "raion", "rayon",
        "department", "departement", "canton", "governorate", "municipality", "regional unit", "voivodeship",
    ]
    /// Words in a parenthesis that only say the place is a town.
    static let townWords: Set<String> = ["city", "town", "village"]

    /// The form of `name`, read character by character (as ``init(characters:)`` does) only where
    /// its bytes hold a mark that a form needs: a parenthesis, a dash or hyphen, a comma, or
    /// "Gmina " first. Each of those characters is one ASCII scalar, or begins with the byte 0xE2
    /// (the dashes), so a name without such a byte cannot hold one; such a name, the most common
    /// kind, is at most a numbered district or an administrative area, which
    /// ``numberedBase(_:)`` and ``areaWord(endingIn:)`` tell from its last bytes. Reading
    /// every name by characters was 6% of the CPU time of a 1,000,000-row import (perf,
    /// 2026-12-01): seven searches of it by grapheme clusters, and Foundation's `contains`.
    init(_ name: String) {
        var marks = false, space = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "-"), UInt8(ascii: ","), 0xE2: marks = true
            case UInt8(ascii: " "): space = true
            default: continue
            }
            if marks { break }
        }
        if marks || name.utf8.starts(with: "Gmina ".utf8) {
            self.init(characters: name)
        } else if !space {
            self = .plain
        } else {
            self = Self.numberedOrArea(name)
        }
    }

    /// The form of `name`, its characters searched for each mark in turn: "Gmina ", a parenthesis,
    /// a dash, a comma. A name with none of them goes to ``numberedOrArea(_:)``, whose tests read
    /// the last bytes first too.
    init(characters name: String) {
        // Most names have none of the marks below.
        let bytes = name.utf8
        if !bytes.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ",") || $0 == 0xE2 || $0 == UInt8(ascii: " ") }) {
            self = .plain
            return
        }
        if name.hasPrefix("Gmina ") {
            self = .sameAs(core: String(name.dropFirst(6)).trimmingSpaces())
            return
        }
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            let core = String(name[..<open]).trimmingSpaces()
            let qualifier = String(name[name.index(after: open)..<close]).trimmingSpaces()
            let lowered = qualifier.lowercased()
            if Self.areaWords.contains(lowered) {
                self = .administrativeArea(lowered)
            } else if core.isEmpty || qualifier.isEmpty {
                self = .plain
            } else if Self.townWords.contains(lowered) {
                self = .sameAs(core: core)
            } else {
                self = .qualified(core: core, qualifier: qualifier, .parenthesis)
            }
            return
        }
        for dash in [" – ", " — ", " - "] {
            if let sides = Self.splitOnce(name, at: dash) {
                let city = sides.before.trimmingSpaces()
                let district = sides.after.trimmingSpaces()
                guard !city.isEmpty, !district.isEmpty else { break }
                if Self.townWords.contains(district.lowercased()) {
                    self = .sameAs(core: city)
                    return
                }
                // "Vienna 1 – Innere Stadt": the number belongs to the district, the city is Vienna.
                if let base = Self.numberedBase(city) {
                    self = .numbered(base: base, number: String(city.dropFirst(base.count)).trimmingSpaces(), district: district)
                    return
                }
                self = .qualified(core: district, qualifier: city, .dash)
                return
            }
        }
        if let comma = name.firstIndex(of: ",") {
            let core = String(name[..<comma]).trimmingSpaces()
            let qualifier = String(name[name.index(after: comma)...]).trimmingSpaces()
            if !core.isEmpty, !qualifier.isEmpty {
                self = .qualified(core: core, qualifier: qualifier, .comma)
                return
            }
        }
        self = Self.numberedOrArea(name)
    }

    /// "Budapest XIII", "Anenii Noi District", or plain: what a name with no parenthesis, dash or
    /// comma can be.
    private static func numberedOrArea(_ name: String) -> PlaceNameForm {
        if let base = numberedBase(name) {
            return .numbered(base: base, number: String(name[name.index(name.startIndex, offsetBy: base.count)...]).trimmingSpaces())
        }
        if let word = areaWord(endingIn: name) { return .administrativeArea(word) }
        return .plain
    }

    /// The word of ``areaWords`` that ends `name`, lower-cased, after a space: "district" of
    /// "Anenii Noi District".
    ///
    /// Read by characters (``areaWord(endingInCharacters:)``) only where the last bytes, before any
    /// spaces, are ASCII letters that lower-cased are one of the words, after a space or from the
    /// name's start. The words are ASCII letters; a character that lower-cases to one is that
    /// letter, or the Kelvin sign, whose "k" none of them holds; a space that ends a part is one
    /// byte.
    static func areaWord(endingIn name: String) -> String? {
        var bytes = name.utf8[...]
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        let start = bytes.lastIndex { !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }.map(bytes.index(after:)) ?? bytes.startIndex
        guard start == bytes.startIndex || bytes[bytes.index(before: start)] == UInt8(ascii: " "),
              areaWords.contains(String(decoding: bytes[start...], as: UTF8.self).lowercased())
        else { return nil }
        return areaWord(endingInCharacters: name)
    }

    /// ``areaWord(endingIn:)``, the name split at its spaces by characters.
    static func areaWord(endingInCharacters name: String) -> String? {
        guard let last = name.split(separator: " ").last, name.contains(" "), areaWords.contains(last.lowercased()) else { return nil }
        return last.lowercased()
    }

    /// "Budapest XIII" → "Budapest", "Prague 1" → "Prague": a city name followed by a district
    /// number, Roman or Arabic (at most 3 digits, and at most 39 in Roman numerals).
    ///
    /// Read by characters (``numberedBase(characters:)``) only where the last byte is an ASCII
    /// digit or one of I, V and X: the number's last character is one of those, each one byte.
    static func numberedBase(_ name: String) -> String? {
        guard let last = name.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) || last == UInt8(ascii: "I")
            || last == UInt8(ascii: "V") || last == UInt8(ascii: "X")
        else { return nil }
        return numberedBase(characters: name)
    }

    /// ``numberedBase(_:)``, the name searched by characters.
    static func numberedBase(characters name: String) -> String? {
        guard let space = name.lastIndex(of: " ") else { return nil }
        let number = name[name.index(after: space)...]
        guard !number.isEmpty else { return nil }
        let isArabic = number.count <= 3 && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
        let isRoman = number.count <= 6 && number.allSatisfy { "IVX".contains($0) }
        guard isArabic || isRoman else { return nil }
        let base = name[..<space].trimmingSpaces()
        return base.isEmpty ? nil : base
    }

    /// The text before and after `separator` where it occurs exactly once (as
    /// `components(separatedBy:)` would give two parts); `nil` otherwise. Matched by characters,
    /// as Foundation's search does: a separator whose last space carries a combining mark, a
    /// joiner or a variation selector (`"a - \u{301}b"`), or whose first space follows a prepended
    /// mark, is not there. Not Foundation's own: its search went through NSString for every name
    /// with a space, which is most of the names of an import (this and trimming were 3% of the CPU
    /// time of an import of 250,000 rows, perf 2026-11-30).
    static func splitOnce(_ name: String, at separator: String) -> (before: Substring, after: Substring)? {
        guard let first = name.firstRange(of: separator), name[first.upperBound...].firstRange(of: separator) == nil else { return nil }
        return (name[..<first.lowerBound], name[first.upperBound...])
    }
}

extension StringProtocol {
    /// Without the white space at either end, as Foundation's `trimmingCharacters(in: .whitespaces)`
    /// leaves it — the same set (spaces, tabs, and what else Foundation counts, such as U+200B),
    /// tested scalar by scalar — without making an NSString of the text.
    func trimmingSpaces() -> String {
        // Nearly every name begins and ends with a printable ASCII character, none of them white
        // space: given back as it is. (Foundation's trimming made an NSString of every name an
        // import resolved, 2% of the samples of a million-row import, perf.)
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return text }
        let spaces = CharacterSet.whitespaces
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !spaces.contains($0) }), let last = scalars.lastIndex(where: { !spaces.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...last]))
    }
}
