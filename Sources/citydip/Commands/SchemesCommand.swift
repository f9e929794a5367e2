import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// `citydip schemes`: the classification schemes and periodisations available.
struct SchemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemes",
        abstract: "List the classification schemes and periodisations (bundled, and any given with --scheme-file)."
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var classification: ClassificationOptions

    func run() async throws {
        let countries = try CountryDirectory.bundled()
        let schemes = try classification.schemes(countries: countries)
        let periodisations = try classification.periodisations()
        var rows: [[Tabulation.Cell]] = schemes.values.sorted { $0.id < $1.id }.map { scheme in
            [.verbatim(scheme.id), .code("scheme", label: LocalizedText(en: "scheme", fa: "طبقه‌بندی")), .text(scheme.title),
             .number(scheme.categories.count), .number(scheme.assignments.count), .verbatim(scheme.sourceNote)]
        }
        rows += periodisations.values.sorted { $0.id < $1.id }.map { periodisation in
            [.verbatim(periodisation.id), .code("periodisation", label: LocalizedText(en: "periodisation", fa: "دوره‌بندی")),
             .text(periodisation.title), .number(periodisation.periods.count), .empty, .verbatim(periodisation.sourceNote)]
        }
        let table = Tabulation(
            title: LocalizedText(en: "Classification schemes and periodisations", fa: "طبقه‌بندی‌ها و دوره‌بندی‌ها"),
            columns: [
                .init(key: "id", title: LocalizedText(en: "Id", fa: "شناسه")),
                .init(key: "type", title: LocalizedText(en: "Type", fa: "نوع")),
                .init(key: "title", title: LocalizedText(en: "Title", fa: "عنوان")),
                .init(key: "categories", title: LocalizedText(en: "Categories or periods", fa: "دسته‌ها یا دوره‌ها")),
                .init(key: "countries", title: LocalizedText(en: "Countries", fa: "کشورها")),
                .init(key: "source", title: LocalizedText(en: "Source", fa: "منبع")),
            ],
            rows: rows)
        print(TabulationRenderer(format: output.format, language: output.lang).render(table), terminator: "")
    }
}
