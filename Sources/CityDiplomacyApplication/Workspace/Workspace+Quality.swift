import CityDiplomacyCore
import CityDiplomacyImport

extension Workspace {
    /// The quality report stored with an imported dataset when it was imported.
    public func qualityReport(dataset id: String) async throws -> ImportQualityReport {
        let dataset = try await requireDataset(id)
        guard let json = dataset.importReport, let report = ImportQualityReport.decode(json: json) else {
            throw ApplicationError.invalid("dataset", "dataset '\(id)' was not imported from a file, so it has no import report (its file was checked when loaded)")
        }
        return report
    }
}
