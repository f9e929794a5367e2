import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Hummingbird

/// The frame of every page — navigation, language switch, attribution, the version — and the
/// page's own content, as the `layout` template and the page's template read them.
struct FramedPageView<Content> {
    let frame: FrameView
    let content: Content
}

/// What the `layout` template shows around every page. No outside resources, so that the
/// observatory works offline, and one script of its own (`/assets/charts.js`), which only saves
/// charts as PNG: every page works without it.
struct FrameView {
    struct NavigationLink {
        let text: String
        let address: String
        let current: Bool
    }

    let lang: String
    let dir: String
    let title: String
    let siteTitle: String
    let brand: String
    let navigation: [NavigationLink]
    let otherLanguageCode: String
    let otherLanguageName: String
    let otherLanguageAddress: String
    let attribution: String
    /// The release and commit, so that a screenshot or a bug report names the code behind it.
    let version: String
    /// The commit, shown as code on Persian pages (English pages name it in `version`).
    let commit: String?

    init(title: String, context: PageContext) {
        let sections: [(path: String, key: String)] = [
            ("/", "dashboard"), ("/relations", "relations"), ("/networks", "networks"),
            ("/tables/1", "study-tables"), ("/audit", "audit"), ("/codebook", "codebook"), ("/documents", "documents"), ("/changes", "change-log"),
        ]
        navigation = sections.map { path, key in
            NavigationLink(text: context.text(.message("web.nav.\(key)")), address: context.href(path),
                           current: context.path == path || (path != "/" && context.path.hasPrefix(path)))
        }
        lang = context.language.rawValue
        dir = context.language == .fa ? "rtl" : "ltr"
        self.title = title
        siteTitle = context.text(.message("web.citydiplomacy-observatory"))
        brand = context.text(.message("web.citydiplomacy"))
        otherLanguageCode = context.language == .en ? "fa" : "en"
        otherLanguageName = LocalizedText.message("web.language-name")[context.language == .en ? .fa : .en]
        otherLanguageAddress = context.otherLanguageHref
        attribution = context.text(.message("web.attribution"))
        if context.language == .en {
            version = "CityDiplomacy " + BuildInfo.current.description
            commit = nil
        } else {
            let build = BuildInfo.current
            version = context.text(.message(build.commit == nil ? "web.version" : "web.version.commit", ["release": build.release]))
            commit = build.commit
        }
    }
}

/// A link, or plain text where there is nothing to link to. The text is isolated (`<bdi>`), so that
/// an English title on a Persian page keeps its punctuation where it belongs. `target` is deliberately not called
/// `href`: Mustache looks a missing value up in the enclosing views, and must not find theirs.
struct LinkView {
    let text: String
    let target: String?
    /// An outside address: `rel="noreferrer"`.
    var external = false
    /// Whether the text is the address itself, which may break anywhere (an address has no
    /// words); a name or a title must not, or table columns shrink and break Persian words.
    var showsAddress = false

    init(text: String, target: String?) {
        self.text = text
        self.target = target
    }

    /// A link to an outside address: only `http`, `https` and `mailto` addresses become links (a
    /// `javascript:` address in a data file must never be clickable); others are shown as text.
    static func external(_ url: String, text: String) -> LinkView {
        guard HTMLPage.isLinkable(url) else {
            return LinkView(text: text == url ? url : "\(text) (\(url))", target: nil)
        }
        var link = LinkView(text: text, target: url)
        link.external = true
        link.showsAddress = text == url
        return link
    }
}

/// Renders pages through their templates inside the one frame.
enum Layout {
    static func page<Content>(_ template: String, title: String, content: Content, context: PageContext) throws(TemplateError) -> String {
        try PageTemplates.render(template, FramedPageView(frame: FrameView(title: title, context: context), content: content))
    }

    static func response<Content>(_ template: String, title: String, content: Content, context: PageContext,
                                  status: HTTPResponse.Status = .ok) throws(TemplateError) -> Response {
        .body(try page(template, title: title, content: content, context: context), contentType: "text/html; charset=utf-8", status: status)
    }
}
