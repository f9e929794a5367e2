import CityDiplomacyApplication
import CityDiplomacyCore

/// The study's tables and its audit for the pages, through the application's use cases.
extension Observatory {
    static let tableNumbers = StudyTableNumber.allCases.map(\.number)

    /// Table `number` of the study under the page's parameters.
    func studyTable(_ number: Int, filters: Filters, of content: DatasetContent) async throws -> Tabulation {
        guard let table = StudyTableNumber(number: number) else { throw WebError.notFound("table \(number)", field: "table") }
        let request = try filters.studyTableRequest(table)
        return try await WebError.answering { try await workspace.studyTable(request, of: content) }
    }

    /// Table `number` of the study under the page's parameters, for the dataset they name, read
    /// from its columns where the table is a count (Tables 2-4).
    func studyTable(_ number: Int, filters: Filters) async throws -> Tabulation {
        guard let table = StudyTableNumber(number: number) else { throw WebError.notFound("table \(number)", field: "table") }
        let request = try filters.studyTableRequest(table)
        return try await WebError.answering { try await workspace.studyTable(request) }
    }

    /// The audit of a dataset against the study it transcribes.
    func audit(dataset: String?) async throws -> AuditResult {
        try await WebError.answering { try await workspace.audit(dataset: dataset) }
    }
}
