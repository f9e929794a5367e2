import CityDiplomacyCore

/// The frame of every page: navigation, language switch, attribution. No scripts and no outside
/// resources: the observatory works offline.
enum Layout {
    static func page(title: String, body: String, context: PageContext) -> String {
        let nav: [(String, String, String)] = [
            ("/", "Dashboard", "پیشخوان"), ("/relations", "Relations", "روابط"), ("/networks", "Networks", "شبکه‌ها"),
            ("/tables/1", "Study tables", "جدول‌های پژوهش"), ("/audit", "Audit", "بررسی"), ("/changes", "Change log", "تاریخچهٔ تغییرات"),
        ]
        let links = nav.map { path, en, fa in
            let current = context.path == path || (path != "/" && context.path.hasPrefix(path))
            return "<a href=\"\(h(context.href(path)))\"\(current ? " aria-current=\"page\"" : "")>\(h(context.t(en, fa)))</a>"
        }.joined()
        let other = context.language == .en ? "فارسی" : "English"
        let otherCode = context.language == .en ? "fa" : "en"
        return """
            <!DOCTYPE html>
            <html lang="\(context.language.rawValue)" dir="\(context.language == .fa ? "rtl" : "ltr")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) — \(h(context.t("CityDiplomacy observatory", "رصدخانهٔ دیپلماسی شهری")))</title>
            <link rel="stylesheet" href="/assets/style.css">
            </head>
            <body>
            <header><nav><strong class="brand">\(h(context.t("CityDiplomacy", "دیپلماسی شهری")))</strong>\(links)<a class="lang" lang="\(otherCode)" hreflang="\(otherCode)" href="\(h(context.otherLanguageHref))">\(other)</a></nav></header>
            <main>
            \(body)
            </main>
            <footer><p>\(h(context.t(
                "Records with their sources; country shapes from Natural Earth (public domain); places from GeoNames (CC BY 4.0).",
                "داده‌ها با منابعشان؛ مرز کشورها از Natural Earth (مالکیت عمومی)؛ مکان‌ها از GeoNames (CC BY 4.0).")))</p></footer>
            </body>
            </html>

            """
    }
}
