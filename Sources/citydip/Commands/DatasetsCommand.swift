import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip datasets`: what the database holds.
struct DatasetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the datasets in the database with their record counts and provenance."
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let registry = try await database.open()
        var rows: [[Tabulation.Cell]] = []
        for dataset in try await registry.datasets() {
            guard let content = try await registry.content(ofDataset: dataset.id) else { continue }
            rows.append([
                .verbatim(dataset.id),
                .text(dataset.title),
                .number(content.cities.count),
                .number(content.relations.count),
                .number(content.networks.count),
                .number(content.memberships.count),
                .number(content.events.count),
                .number(content.sources.count),
                .verbatim(dataset.sourceFile ?? ""),
            ])
        }
        let table = Tabulation(
            title: LocalizedText(en: "Datasets", fa: "مجموعه‌های داده"),
            columns: [
                .init(key: "id", title: LocalizedText(en: "Id", fa: "شناسه")),
                .init(key: "title", title: LocalizedText(en: "Title", fa: "عنوان")),
                .init(key: "cities", title: LocalizedText(en: "Cities", fa: "شهرها")),
                .init(key: "relations", title: LocalizedText(en: "Relations", fa: "روابط")),
                .init(key: "networks", title: LocalizedText(en: "Networks", fa: "شبکه‌ها")),
                .init(key: "memberships", title: LocalizedText(en: "Memberships", fa: "عضویت‌ها")),
                .init(key: "events", title: LocalizedText(en: "Events", fa: "رویدادها")),
                .init(key: "sources", title: LocalizedText(en: "Sources", fa: "منابع")),
                .init(key: "file", title: LocalizedText(en: "File", fa: "پرونده")),
            ],
            rows: rows
        )
        print(TabulationRenderer(format: output.format, language: output.lang).render(table), terminator: "")
    }
}
