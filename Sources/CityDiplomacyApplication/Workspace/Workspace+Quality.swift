import CityDiplomacyCore
import CityDiplomacyImport

extension Workspace {
    /// The quality report stored with an imported dataset when it was imported, as the importer
    /// wrote it. A dataset not imported from a file has none: that is a conflict with what is
    /// stored, not a bad name (HTTP 409).
    public func qualityReport(dataset id: String) async throws -> ImportQualityReport {
        guard let dataset = try await registry.datasets().first(where: { $0.id == id }) else { throw try await unknownDataset(id) }
        guard let json = dataset.importReport else {
            throw ApplicationError(.conflict, field: "dataset", dataset.isBundled
                ? "dataset '\(id)' is bundled with citydip, not imported, so it has no import report (its file is checked when it is loaded)"
                : "dataset '\(id)' was not imported from a file, so it has no import report")
        }
        guard let report = ImportQualityReport.decode(json: json) else {
            throw ApplicationError(.conflict, field: "dataset", "the import report stored with dataset '\(id)' cannot be read: import the file again with \(parameter: "replace")")
        }
        return report
    }

    /// The quality report of an imported dataset with the places `selection` asks for: what
    /// `citydip quality` prints and `/api/v1/datasets/{id}/quality` answers.
    public func quality(dataset id: String, places selection: PlaceSelection = PlaceSelection()) async throws -> ImportQualityView {
        try selection.validate()
        return ImportQualityView(try await qualityReport(dataset: id), places: selection)
    }

    /// The names of an imported dataset's city records by id, in both languages: the places of
    /// its quality report are listed under the records they became.
    public func cityNames(ofDataset id: String) async throws -> [String: LocalizedText] {
        let cities = try await registry.cities(matching: CityQuery(datasetID: id))
        return Dictionary(cities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
