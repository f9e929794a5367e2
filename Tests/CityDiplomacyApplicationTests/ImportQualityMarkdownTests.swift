import CityDiplomacyApplication
import CityDiplomacyCore
import Testing

/// The quality report for people, rendered from the view both front ends get: the English keeps
/// what the importer's own Markdown said; the Persian says it in Persian.
@Suite("An import's quality report in English and Persian")
struct ImportQualityMarkdownTests {
    static func view(_ selection: PlaceSelection = PlaceSelection()) async throws -> ImportQualityView {
        try await QualityViewTests.workspace().quality(dataset: "twins", places: selection)
    }

    @Test("English: the counts with their shares, the distances, and the lists that have entries")
    func english() async throws {
        let text = try ImportQualityMarkdown(language: .en).report(try await Self.view())
        #expect(text.hasPrefix("# Import quality: twins.csv → dataset `twins`\n\n| | |\n|---|---|\n| format | `wikipedia-csv` |\n| rows read | 7 |\n"))
        #expect(text.contains("| places resolved to GeoNames | 2 (40.0% of 5 distinct places) |"))
        #expect(text.contains("| distance to the gazetteer point | 2 measured: ≤ 1 km 1, 1–5 km 1, 5–10 km 0, 10–25 km 0; median 3.2 km, 95th percentile 3.2 km |"))
        #expect(text.contains("SHA-256 of the file: `ab12`"))
        #expect(text.contains("## Self-pairs (kept, flagged)\n\n- line 4: Tehran – Tehran\n"))
        #expect(text.contains("## Domestic pairs (kept, flagged)\n\nIran 2, Germany 1\n"))
        #expect(text.contains("- Quxbergen ×2 (line 5, 6): no place of this name"))
        #expect(text.contains("- line 3: Paris at -33.9, 18.4: far from the place named (Paris, FR, 9300 km)"))
        #expect(text.contains("## Unknown countries (cities kept under ZZ)\n\n- Atlantis ×1 (line 7)"))
        #expect(!text.contains("## Uncertain resolutions"))
        #expect(!text.contains("## Places"))
    }

    @Test("Persian: labels, statuses and digits in Persian; the file's names and the importer's words quoted as code")
    func persian() async throws {
        let view = try await Self.view(PlaceSelection(status: .partResolved))
        let text = try ImportQualityMarkdown(language: .fa).report(view, listingPlaces: true, status: .partResolved)
        #expect(text.hasPrefix("# کیفیت درون‌بری: `twins.csv` ← مجموعهٔ دادهٔ `twins`\n"))
        #expect(text.contains("| مکان‌های شناسایی‌شده در ژئونیمز | ۲ (۴۰٫۰٪ از ۵ مکان متمایز) |"))
        #expect(text.contains("میانه ۳٫۲ کیلومتر"))
        #expect(text.contains("ایران ۲، آلمان ۱"))
        #expect(text.contains("- `Quxbergen` ×۲ (سطر ۵، ۶): `no place of this name`"))
        #expect(text.contains("- سطر ۳: `Paris` در مختصات `-33.9, 18.4`: `far from the place named` (`Paris, FR`، ۹۳۰۰ کیلومتر)"))
        #expect(text.contains("## مکان‌ها: بخش شهر، موجود در ژئونیمز (۱ تا ۱ از ۱)"))
        #expect(text.contains("| `Shinjuku` | ژاپن | بخش شهر، موجود در ژئونیمز | `twins:shinjuku` | `Shinjuku` | `1852083` | ۳٫۲ | `twins:tokyo` | `a ward of Tokyo` | |"))
        #expect(text.hasSuffix("دلیل‌ها و نامزدها به همان صورتی آمده‌اند که برنامهٔ درون‌بری نوشته است.\n"))
    }
}
