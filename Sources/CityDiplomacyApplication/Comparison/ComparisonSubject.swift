import Foundation
import CityDiplomacyCore

/// What a comparison or a baseline is about, as a person writes it:
///
/// - a city, by name (English or Persian) or id: `Istanbul`, `iran-2018:tehran`;
/// - a country's cities: `country:IR` (a code or a name);
/// - the cities of a group of a scheme: `group:un-m49:western-asia` — `group:SCHEME:GROUP`, the
///   last part a group of the scheme or, for a scheme without groups, a category
///   (`group:oic:member`); a scheme read another way keeps its reading (`group:study-civilisations:by-region:islamic`);
/// - a list of cities: `cities:Tehran,Isfahan,Shiraz`.
///
/// Any of them may end in `@DATASET` to be read in that dataset alone (`country:IR@iran-2018`);
/// otherwise it is read in every dataset compared.
///
/// ```swift
/// let subject = try ComparisonSubject(parsing: "country:IR@iran-2018")
/// subject.selector   // .country("IR")
/// subject.dataset    // "iran-2018"
/// ```
public struct ComparisonSubject: Hashable, Sendable, CustomStringConvertible {
    public enum Selector: Hashable, Sendable {
        case city(String)
        case country(String)
        case group(scheme: String, group: String)
        case cities([String])
    }

    public var selector: Selector
    /// The one dataset the subject is read in; every dataset compared when `nil`.
    public var dataset: String?
    /// The subject as written.
    public var text: String

    public var description: String { text }

    public init(parsing text: String, field: String = "subject") throws(ApplicationError) {
        self.text = text
        var body = text.trimmingCharacters(in: .whitespaces)
        if let at = body.lastIndex(of: "@") {
            let dataset = String(body[body.index(after: at)...])
            guard !dataset.isEmpty, !dataset.contains(" ") else {
                throw .invalid(field, "invalid subject '\(text)': expected a dataset id after @, e.g. country:IR@iran-2018")
            }
            self.dataset = dataset
            body = String(body[..<at])
        }
        guard !body.isEmpty else {
            throw .invalid(field, "invalid subject '\(text)': expected a city, country:ISO, group:SCHEME:GROUP or cities:A,B")
        }
        if body.hasPrefix("country:") {
            let country = String(body.dropFirst("country:".count))
            guard !country.isEmpty else { throw .invalid(field, "invalid subject '\(text)': expected a country after country:, e.g. country:IR") }
            selector = .country(country)
        } else if body.hasPrefix("group:") {
            let rest = body.dropFirst("group:".count)
            guard let last = rest.lastIndex(of: ":"), last != rest.startIndex, rest.index(after: last) != rest.endIndex else {
                throw .invalid(field, "invalid subject '\(text)': expected group:SCHEME:GROUP, e.g. group:un-m49:western-asia")
            }
            selector = .group(scheme: String(rest[..<last]), group: String(rest[rest.index(after: last)...]))
        } else if body.hasPrefix("cities:") {
            let names = body.dropFirst("cities:".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw .invalid(field, "invalid subject '\(text)': expected cities:A,B with at least one city") }
            selector = .cities(names)
        } else {
            selector = .city(body)
        }
    }

    /// The kind of subject, as JSON names it: `city`, `country`, `group` or `cities`.
    public var kind: String {
        switch selector {
        case .city: "city"
        case .country: "country"
        case .group: "group"
        case .cities: "cities"
        }
    }
}
