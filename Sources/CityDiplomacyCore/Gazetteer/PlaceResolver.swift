import Foundation

/// Resolves a place as people write it — a name in any script, a country by name or code,
/// coordinates when known — to a gazetteer entry with a confidence and the reason, or to the
/// ranked candidates when it cannot decide.
///
/// ```swift
/// let resolver = PlaceResolver(gazetteer: gazetteer, countries: countries)
/// resolver.resolve(name: "ارومچی", country: "China")   // .resolved(Ürümqi, 0.9, "the only …")
/// ```
public struct PlaceResolver: Sendable {
    public let gazetteer: Gazetteer
    public let countries: CountryDirectory

    public init(gazetteer: Gazetteer, countries: CountryDirectory) {
        self.gazetteer = gazetteer
        self.countries = countries
    }

    public enum Resolution: Hashable, Sendable {
        case resolved(GazetteerEntry, confidence: Double, reason: String)
        /// Several places fit; the candidates, most likely first.
        case ambiguous([GazetteerEntry], reason: String)
        case unresolved(reason: String, nearest: GazetteerEntry?)

        public var entry: GazetteerEntry? {
            if case let .resolved(entry, _, _) = self { return entry }
            return nil
        }
    }

    /// Names to try: as written, without a parenthetical qualifier ("Stari Grad (Sarajevo)" →
    /// Stari Grad), the most specific side of a dash ("Sarajevo – Stari Grad" → Stari Grad), and
    /// before a comma. The qualifier itself (Sarajevo) is never tried: a district is not its city.
    static func nameVariants(_ name: String) -> [String] {
        // Most names have none of the marks below; looking for the dashes with Foundation was
        // most of the time of resolving a name.
        if !name.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ",") || $0 == 0xE2 }) {
            return name.isEmpty ? [] : [name]
        }
        var variants = [name]
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            variants.append(String(name[..<open]).trimmingCharacters(in: .whitespaces))
        }
        for dash in [" – ", " — ", " - "] where name.contains(dash) {
            variants += name.components(separatedBy: dash).reversed().map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let comma = name.firstIndex(of: ",") {
            variants.append(String(name[..<comma]).trimmingCharacters(in: .whitespaces))
        }
        return variants.filter { !$0.isEmpty }
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
        // "Scotland, United Kingdom", "Åland Islands, Finland", "Réunion, France": the most specific
        // part the registry knows as a country.
        for part in text.split(separator: ",") {
            if let country = countries.country(matching: part.trimmingCharacters(in: .whitespaces)) { return country }
        }
        return nil
    }

    public func resolve(name: String, country countryText: String?, coordinates: Coordinates? = nil) -> Resolution {
        resolve(name: name, countryCode: country(countryText)?.code, countryText: countryText, coordinates: coordinates)
    }

    /// ``resolve(name:country:coordinates:)`` with the country already looked up: `countryCode` is
    /// `country(countryText)?.code`. An import looks each distinct country text up once.
    public func resolve(name: String, countryCode country: CountryCode?, countryText: String?, coordinates: Coordinates?) -> Resolution {
        var candidates: [Int] = []
        var exactName = true
        for (index, variant) in Self.nameVariants(name).enumerated() {
            let found = gazetteer.positions(named: variant).filter { country == nil || gazetteer.country(at: $0) == country }
            if !found.isEmpty {
                candidates = found
                exactName = index == 0
                break
            }
        }
        let entries = gazetteer.entries
        let qualifier = exactName ? "" : " (by a part of the name)"
        guard !candidates.isEmpty else {
            let nearest = coordinates.flatMap { gazetteer.nearest(to: $0, withinKilometres: 25, in: country)?.entry }
            return .unresolved(
                reason: country == nil && countryText != nil ? "no place of that name; country '\(countryText!)' unknown" : "no place of that name\(country.map { " in \($0)" } ?? "") in the gazetteer",
                nearest: nearest)
        }
        if let coordinates {
            let ranked = candidates.map { ($0, gazetteer.kilometres(from: coordinates, to: $0)) }.sorted { $0.1 < $1.1 }
            let (closest, distance) = ranked[0]
            if distance <= 30 {
                return .resolved(entries[closest], confidence: exactName ? 0.98 : 0.85, reason: "name\(qualifier), country and coordinates agree (\(Int(distance.rounded())) km)")
            }
            if candidates.count == 1 {
                return .resolved(entries[closest], confidence: exactName ? 0.7 : 0.55, reason: "the only place of that name\(qualifier), but the given coordinates are \(Int(distance.rounded())) km away")
            }
            if distance <= 100 {
                return .resolved(entries[closest], confidence: 0.8, reason: "the namesake nearest the coordinates (\(Int(distance.rounded())) km)\(qualifier)")
            }
        }
        if candidates.count == 1 {
            return .resolved(entries[candidates[0]], confidence: exactName ? 0.9 : 0.7, reason: "the only place of that name\(qualifier)\(country.map { " in \($0)" } ?? "")")
        }
        if gazetteer.population(at: candidates[0]) >= 5 * max(gazetteer.population(at: candidates[1]), 1) {
            return .resolved(entries[candidates[0]], confidence: exactName ? 0.75 : 0.6, reason: "the largest of \(candidates.count) places of that name\(qualifier)")
        }
        return .ambiguous(candidates.prefix(5).map { entries[$0] }, reason: "\(candidates.count) places of that name\(qualifier) of similar size")
    }
}

