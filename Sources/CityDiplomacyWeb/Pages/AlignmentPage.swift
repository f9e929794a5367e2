import CityDiplomacyApplication
import CityDiplomacyCore
import Hummingbird

/// `/alignment`: how the partners of a country's cities follow priorities pasted into a form,
/// against chance — what `citydip alignment` gives. GET shows the form (`?example=iran` fills it
/// with the bundled example); POST measures and is never cached.
struct AlignmentPage {
    let observatory: Observatory
    let context: PageContext

    /// The page, and its status: a posted form that cannot be measured comes back with its text
    /// and the error (naming the field) under the status the error has, so nothing pasted is lost.
    func render(posted: Filters?) async throws -> (html: String, status: HTTPResponse.Status) {
        let c = context
        let filters = posted ?? c.filters
        var heading = c.text(.message("web.alignment.heading"))
        var sections: [NetworkAnalysisPageView.Section] = []
        var priorities = posted?.fields["priorities"] ?? ""
        if posted == nil, let example = filters.text("example") {
            do { priorities = try Observatory.examplePriorities(example) } catch { throw error.asPage(c) }
        }
        var failure: WebError?
        if let posted {
            do {
                let request = try observatory.alignmentRequest(priorities: priorities, posted)
                let result = try await observatory.alignment(request)
                heading = c.text(result.document.title)
                sections = ComparisonPages.sections(result.document, context: c)
            } catch let error as WebError {
                failure = error
            }
        }
        let fields = ["focus", "dataset", "against", "draws", "seed"].map { name in
            ComparisonPageView.Field(label: c.text(.message("web.alignment.\(name)")), name: name,
                                     value: filters.text(name) ?? (name == "focus" ? "country:IR" : ""), size: name == "focus" ? 20 : 12)
        }
        let view = AlignmentPageView(
            heading: heading, action: c.href("/alignment"), fields: fields,
            prioritiesLabel: c.text(.message("web.alignment.priorities")), priorities: priorities,
            exampleLink: LinkView(text: c.text(.message("web.alignment.example")), target: c.href("/alignment", [("example", "iran"), ("focus", "country:IR")])),
            submit: c.text(.message("web.show")), help: c.text(.message("web.alignment.help")), sections: sections,
            error: failure.map { error in error.field.map { "\($0): \(error.message)" } ?? error.message })
        return (try Layout.page("alignment", title: heading, content: view, context: c), failure?.status ?? .ok)
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
    /// Why the posted form could not be measured, with the field at fault.
    let error: String?
}
