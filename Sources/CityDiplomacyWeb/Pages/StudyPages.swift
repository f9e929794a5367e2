import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/tables/{1..4}` and `/audit`: the study's tables computed from the records, and the audit of
/// what the study printed.
struct StudyPages {
    let observatory: Observatory
    let context: PageContext

    func table(_ raw: String) async throws -> String {
        let c = context
        guard let number = Int(PersianText.asciiDigits(raw)), Observatory.tableNumbers.contains(number) else {
            throw WebError.notFound(c.t("table '\(raw)' (the study has tables 1 to 4)", "جدول «\(raw)» (پژوهش جدول‌های ۱ تا ۴ را دارد)"), field: "number").asPage(c)
        }
        let table: Tabulation
        do {
            table = try await observatory.studyTable(number, filters: c.filters)
        } catch let error as WebError {
            throw error.asPage(c)
        }
        var body = "<nav class=\"tabs\">" + Observatory.tableNumbers.map { n in
            "<a href=\"\(h(c.href("/tables/\(n)")))\"\(n == number ? " aria-current=\"page\"" : "")>\(h(c.t("Table \(n)", "جدول \(n)")))</a>"
        }.joined() + "</nav>"
        if number == 3 {
            body += "<form class=\"filters\" method=\"get\">"
            if c.language == .fa { body += "<input type=\"hidden\" name=\"lang\" value=\"fa\">" }
            body += "<label>\(h(c.t("Years of a change of period", "سال‌های تغییر دوره"))) <select name=\"rule\">"
            for (id, en, fa) in [("recorded", "as recorded", "مطابق ثبت"), ("later", "the later period", "دورهٔ بعد"), ("earlier", "the earlier period", "دورهٔ قبل"), ("exclude", "left out", "کنار گذاشته")] {
                body += "<option value=\"\(id)\"\((c.fields["rule"] ?? "recorded") == id ? " selected" : "")>\(h(c.t(en, fa)))</option>"
            }
            body += "</select></label><button type=\"submit\">\(h(c.t("Show", "نمایش")))</button></form>"
        }
        body += TabulationRenderer(format: .html, language: c.language).htmlFragment(table)
        body += "<p><a href=\"\(h("/api/v1/tables/\(number)" + (c.language == .fa ? "?lang=fa" : "")))\">JSON</a></p>"
        return Layout.page(title: c.text(table.title), body: body, context: c)
    }

    func audit() async throws -> String {
        let c = context
        let findings: [AuditFinding], title: LocalizedText
        do {
            (findings, title) = try await observatory.audit(dataset: c.filters.text("dataset"))
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let renderer = AuditRenderer(format: .html, language: c.language)
        let body = TabulationRenderer(format: .html, language: c.language).htmlFragment(renderer.table(findings, title: title))
        return Layout.page(title: c.t("Audit", "بررسی"), body: body, context: c)
    }
}
