import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyStorage
import Foundation
import Testing

@Suite("An imported dataset's quality report: one view for the CLI and the API, its places by status and page")
struct QualityViewTests {
    /// A report as the importer stores it (its own Codable form), one place of each status.
    static let stored = #"""
        {"file": "twins.csv", "format": "wikipedia-csv", "dataset": "twins", "content_hash": "ab12",
         "rows_read": 7, "relations_created": 5, "duplicates_merged": 1, "cities_created": 6,
         "cities_resolved": 2, "cities_part_of": 1, "cities_ambiguous": 1, "cities_unresolved": 1, "parents_added": 1,
         "distances": {"measured": 2, "upTo1km": 1, "upTo5km": 1, "upTo10km": 0, "upTo25km": 0,
                       "medianKilometres": 3.2, "p95Kilometres": 3.2, "maxKilometres": 3.2},
         "places": [
           {"name": "Tehran", "country": "Iran", "city": "twins:tehran", "status": "resolved", "geonamesID": 112931,
            "matched": "Tehran", "kilometres": 0.4, "reason": "name and coordinates", "candidates": []},
           {"name": "Shinjuku", "country": "Japan", "city": "twins:shinjuku", "status": "part-resolved", "geonamesID": 1852083,
            "matched": "Shinjuku", "kilometres": 3.2, "partOf": "twins:tokyo", "reason": "a ward of Tokyo", "candidates": []},
           {"name": "Kadikoy", "country": "Turkey", "city": "twins:kadikoy", "status": "part", "partOf": "twins:istanbul",
            "reason": "a district of Istanbul", "candidates": []},
           {"name": "Springfield", "country": "United States", "city": "twins:springfield", "status": "ambiguous",
            "reason": "3 namesakes", "candidates": ["Springfield, US (4409896, 169176)", "Springfield, US (4951788, 153703)"]},
           {"name": "Quxbergen", "country": null, "city": "twins:quxbergen", "status": "unresolved", "reason": "no place of this name", "candidates": []}
         ],
         "self_pairs": [{"line": 4, "city1": "Tehran", "city2": "Tehran"}], "domestic_pairs": 3,
         "domestic_by_country": {"DE": 1, "IR": 2},
         "unresolved_names": [{"name": "Quxbergen", "occurrences": 2, "lines": [5, 6], "reason": "no place of this name", "candidates": []}],
         "uncertain_names": [],
         "coordinate_issues": [{"line": 3, "name": "Paris", "given": "-33.9, 18.4", "nearest": "Paris, FR", "kilometres": 9300, "problem": "far from the place named"}],
         "unknown_countries": [{"country": "Atlantis", "occurrences": 1, "lines": [7]}]}
        """#

    static func workspace(report: String? = stored) async throws -> Workspace {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        try await registry.store(DatasetContent(dataset: Dataset(id: "twins", title: LocalizedText(en: "Twins"), sourceFile: "twins.csv", importReport: report)))
        return try await Workspace(registry: registry)
    }

    @Test("Every place by default; each status counted, whatever the selection")
    func whole() async throws {
        let view = try await Self.workspace().quality(dataset: "twins")
        #expect(view.places.total == 5 && view.places.items.count == 5 && view.places.limit == 5 && view.places.offset == 0)
        #expect(view.placesByStatus.map(\.status.rawValue) == ["resolved", "part-resolved", "part", "ambiguous", "unresolved"])
        #expect(view.placesByStatus.map(\.places) == [1, 1, 1, 1, 1])
        #expect(view.placeCount == 5)
        let filtered = try await Self.workspace().quality(dataset: "twins", places: PlaceSelection(status: .ambiguous))
        #expect(filtered.places.items.map(\.name) == ["Springfield"])
        #expect(filtered.placesByStatus.map(\.places) == [1, 1, 1, 1, 1])
    }

    @Test("Paging counts the places selected, and a page past the end is empty")
    func paging() async throws {
        let workspace = try await Self.workspace()
        let second = try await workspace.quality(dataset: "twins", places: PlaceSelection(limit: 2, offset: 2))
        #expect(second.places.items.map(\.name) == ["Kadikoy", "Springfield"])
        #expect(second.places.total == 5 && second.places.limit == 2 && second.places.offset == 2)
        let beyond = try await workspace.quality(dataset: "twins", places: PlaceSelection(limit: 2, offset: 9))
        #expect(beyond.places.items.isEmpty && beyond.places.total == 5)
        let huge = try await workspace.quality(dataset: "twins", places: PlaceSelection(limit: Int.max, offset: 4))
        #expect(huge.places.items.map(\.name) == ["Quxbergen"])
        for selection in [PlaceSelection(limit: 0), PlaceSelection(offset: -1)] {
            let error = await #expect(throws: ApplicationError.self) { try await workspace.quality(dataset: "twins", places: selection) }
            #expect(error?.kind == .invalidValue)
        }
    }

    @Test("The JSON: snake_case keys in a fixed order, nulls written, domestic pairs most first, places last")
    func json() async throws {
        let view = try await Self.workspace().quality(dataset: "twins", places: PlaceSelection(status: .part, limit: 10))
        let json = try OrderedJSONEncoder().encode(view).serialized(pretty: false)
        #expect(json.hasPrefix(#"{"file":"twins.csv","format":"wikipedia-csv","dataset":"twins","content_hash":"ab12","rows_read":7,"#))
        #expect(json.contains(#""distances":{"measured":2,"up_to_1_km":1,"from_1_to_5_km":1,"from_5_to_10_km":0,"from_10_to_25_km":0,"over_25_km":0,"median_kilometres":3.2,"p95_kilometres":3.2,"max_kilometres":3.2}"#))
        #expect(json.contains(#""domestic_by_country":{"IR":2,"DE":1}"#))
        #expect(json.contains(#""coordinate_issues":[{"line":3,"name":"Paris","given":"-33.9, 18.4","resolved_to":null,"nearest":"Paris, FR","kilometres":9300,"problem":"far from the place named"}]"#))
        #expect(json.contains(#""places_by_status":{"resolved":1,"part-resolved":1,"part":1,"ambiguous":1,"unresolved":1},"places":{"total":1,"limit":10,"offset":0,"items":[{"name":"Kadikoy","country":"Turkey","city":"twins:kadikoy","status":"part","geonames_id":null,"matched":null,"kilometres":null,"part_of":"twins:istanbul","reason":"a district of Istanbul","candidates":[]}]}}"#))
    }

    @Test("A dataset not imported from a file has no report: a conflict, not a bad name; an unknown one is not found")
    func noReport() async throws {
        let workspace = try await Self.workspace(report: nil)
        let bundled = await #expect(throws: ApplicationError.self) { try await workspace.quality(dataset: "iran-2018") }
        #expect(bundled?.kind == .conflict && bundled?.field == "dataset")
        #expect(bundled?.message.contains("bundled") == true)
        let made = await #expect(throws: ApplicationError.self) { try await workspace.quality(dataset: "twins") }
        #expect(made?.kind == .conflict)
        #expect(made?.message.contains("was not imported from a file") == true)
        let unknown = await #expect(throws: ApplicationError.self) { try await workspace.quality(dataset: "nowhere") }
        #expect(unknown?.kind == .notFound)
    }

    @Test("A report stored before places had their evidence reads with no places and every status at 0")
    func olderReport() async throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Self.stored.utf8)) as? [String: Any])
        for key in ["places", "distances", "cities_part_of", "cities_ambiguous", "parents_added"] { object.removeValue(forKey: key) }
        let older = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let view = try await Self.workspace(report: older).quality(dataset: "twins")
        #expect(view.places.total == 0 && view.places.items.isEmpty)
        #expect(view.placesByStatus.map(\.places) == [0, 0, 0, 0, 0])
        #expect(view.distances.measured == 0)
    }

    @Test("A status is read as users type it, and an unknown one names the accepted values")
    func statusChoice() throws {
        #expect(try PlaceStatusChoice.parse("Part-Resolved", field: "status") == .partResolved)
        let error = #expect(throws: ApplicationError.self) { try PlaceStatusChoice.parse("found", field: "status") }
        #expect(error?.message == "unknown status 'found': expected resolved, part-resolved, part, ambiguous or unresolved")
    }

    @Test("Shares and decimals in Persian use Persian digits, decimal separator and percent sign")
    func persianNumbers() {
        #expect(OutputStyle(language: .en).percent(1, of: 3) == "33.3%")
        #expect(OutputStyle(language: .fa).percent(1, of: 3) == "\u{06F3}\u{06F3}\u{066B}\u{06F3}\u{066A}")
        #expect(OutputStyle(language: .en).percent(0, of: 0) == "0.0%")
        #expect(OutputStyle(language: .fa).decimal(12.5) == "\u{06F1}\u{06F2}\u{066B}\u{06F5}")
    }
}
