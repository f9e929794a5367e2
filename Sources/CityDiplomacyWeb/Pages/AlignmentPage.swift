import CityDiplomacyApplication
import CityDiplomacyCore

/// `/alignment`: how the partners of a country's cities follow priorities pasted into a form,
/// against chance — what `citydip alignment` gives. GET shows the form (`?example=iran` fills it
/// with the bundled example); POST measures and is never cached.
struct AlignmentPage {
    let observatory: Observatory
    let context: PageContext

    func render(posted: Filters?) async throws -> String {
        let c = context
        let filters = posted ?? c.filters
        var heading = c.text(.message("web.alignment.heading"))
        var sections: [NetworkAnalysisPageView.Section] = []
        var priorities = posted?.fields["priorities"] ?? ""
        if posted == nil, let example = filters.text("example") {
            do { priorities = try Observatory.examplePriorities(example) } catch { throw error.asPage(c) }
        }
        if let posted {
            let result: AlignmentResult
            do {
                let request = try observatory.alignmentRequest(priorities: priorities, posted)
                result = try await observatory.alignment(request)
            } catch let error as WebError {
                throw error.asPage(c)
            }
            heading = c.text(result.document.title)
            sections = ComparisonPages.sections(result.document, context: c)
        }
        let fields = ["focus", "dataset", "against", "draws", "seed"].map { name in
            ComparisonPageView.Field(label: c.text(.message("web.alignment.\(name)")), name: name,
                                     value: filters.text(name) ?? (name == "focus" ? "country:IR" : ""), size: name == "focus" ? 20 : 12)
        }
        let view = AlignmentPageView(
            heading: heading, action: c.href("/alignment"), fields: fields,
            prioritiesLabel: c.text(.message("web.alignment.priorities")), priorities: priorities,
            exampleLink: LinkView(text: c.text(.message("web.alignment.example")), target: c.href("/alignment", [("example", "iran"), ("focus", "country:IR")])),
            submit: c.text(.message("web.show")), help: c.text(.message("web.alignment.help")), sections: sections)
        return try Layout.page("alignment", title: heading, content: view, context: c)
    }
}

/// What the `alignment` template shows.
struct AlignmentPageView {
    let heading: String
    /// Where the form posts: this page, in its language.
    let action: String
    let fields: [ComparisonPageView.Field]
    let prioritiesLabel: String
    let priorities: String
    let exampleLink: LinkView
    let submit: String
    let help: String
    let sections: [NetworkAnalysisPageView.Section]
}
