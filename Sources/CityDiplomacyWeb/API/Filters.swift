import CityDiplomacyApplication
import CityDiplomacyCore

/// Reading the parameters of lists and tables (`city`, `country`, `kind`, `from`, `to`,
/// `dataset`, `limit`, `offset`, `regions`, `rule`…) from a query string into the application's
/// requests, as the API and the pages share them. A value that cannot be read is a 400 naming the
/// parameter, never ignored; the rules for each value are the application's, as on the CLI.
struct Filters {
    let fields: FormFields

    init(_ query: String?) {
        fields = FormFields(query)
    }

    /// A filter's text, normalised (Arabic letter variants, ZWNJ, Persian digits).
    func text(_ name: String) -> String? {
        fields[name].map(PersianText.normalized)
    }

    /// A closed choice's value as given (`lang`, `status`, `format`…): `nil` when absent or
    /// empty, otherwise untrimmed. The document lists such a parameter's values as an enum, and a
    /// value around which blank space was typed, or one that is only blank space, is none of them.
    func choiceText(_ name: String) -> String? {
        guard let raw = fields.all(name).first, !raw.isEmpty else { return nil }
        return raw
    }

    /// A closed choice, exactly one of its values as the document lists them (a 400 naming the
    /// parameter otherwise: the command line, which people type, is the lenient reader).
    func choice<C: Choice>(_ name: String, as type: C.Type = C.self) throws(WebError) -> C? {
        guard let raw = choiceText(name) else { return nil }
        guard let value = C(rawValue: raw) else { throw WebError(C.unknown(raw, field: name)) }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard let raw = text(name) else { return nil }
        guard let value = Int(PersianText.asciiDigits(raw)), range.contains(value) else {
            throw .badRequest("invalid \(name) '\(raw)': expected a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    /// A yes-or-no parameter, `true` or `false`; `nil` when absent.
    func flag(_ name: String) throws(WebError) -> Bool? {
        guard let raw = text(name) else { return nil }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .badRequest("invalid \(name) '\(raw)': expected true or false", field: name)
        }
    }

    /// `aggregate_parts`: count each district or other part of a city with its city (default false).
    var aggregateParts: Bool {
        get throws(WebError) { try flag("aggregate_parts") ?? false }
    }

    static let maximumLimit = 1000

    /// `limit` (default `defaultLimit`, at most ``maximumLimit``) and `offset`.
    func paging(defaultLimit: Int) throws(WebError) -> (limit: Int, offset: Int) {
        (try integer("limit", in: 1...Self.maximumLimit) ?? defaultLimit, try integer("offset", in: 0...Int(Int32.max)) ?? 0)
    }

    /// `status`: one of the statuses the importer gives a place, or all when absent.
    func placeStatus() throws(WebError) -> PlaceStatusChoice? {
        try choice("status")
    }

    /// `status`: the audit findings of one status (`match`, `mismatch`, `contradicted`,
    /// `scheme-dependent`, `not-checkable`), or all when absent.
    func auditStatus() throws(WebError) -> AuditFinding.Status? {
        try choice("status", as: AuditStatusChoice.self)?.status
    }

    /// `kind`: the audit findings of one kind (`independent`, `consistency`), or both when absent.
    func auditKind() throws(WebError) -> AuditFinding.Kind? {
        try choice("kind", as: AuditKindChoice.self)?.kind
    }

    /// `seed`: a whole number from 0 to 2^64 − 1 (Persian digits too); `nil` when absent.
    func seed() throws(WebError) -> UInt64? {
        guard let raw = text("seed") else { return nil }
        guard let value = UInt64(PersianText.asciiDigits(raw)), value <= NetworkRequest.maximumSeed else {
            throw .badRequest("invalid seed '\(raw)': expected a whole number from 0 to \(NetworkRequest.maximumSeed)", field: "seed")
        }
        return value
    }

    /// The network to measure: every `dataset` given (the study's when none), `level` (city or
    /// country), `focus_country`, `top` and `seed`, each defaulting as on the CLI. The focus
    /// country is read by the application, which knows the countries.
    func networkRequest() throws(WebError) -> NetworkRequest {
        let defaults = NetworkRequest()
        return NetworkRequest(
            datasets: fields.all("dataset").map { PersianText.normalized($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            level: try networkLevel() ?? defaults.level,
            focusCountry: text("focus_country"),
            top: try integer("top", in: 1...NetworkRequest.maximumTop) ?? defaults.top,
            seed: try seed() ?? defaults.seed)
    }

    /// `level`: `city` or `country`; `nil` when absent.
    func networkLevel() throws(WebError) -> NetworkLevelChoice? {
        try choice("level")
    }

    /// The places of a quality report to list: `status`, `limit` (default `defaultLimit`) and `offset`.
    func placeSelection(defaultLimit: Int) throws(WebError) -> PlaceSelection {
        let (limit, offset) = try paging(defaultLimit: defaultLimit)
        return PlaceSelection(status: try placeStatus(), limit: limit, offset: offset)
    }

    /// The relation filters, read by the application's rules (the same as `citydip relations`).
    var relationFilter: RelationFilter {
        RelationFilter(dataset: text("dataset"), city: text("city"), country: text("country"), kind: text("kind"), from: text("from"), to: text("to"))
    }

    /// Table `table` of the study under the `dataset`, `regions`, `affiliations`,
    /// `periodisation` and `rule` given.
    func studyTableRequest(_ table: StudyTableNumber) throws(WebError) -> StudyTableRequest {
        StudyTableRequest(
            table: table, dataset: text("dataset"), regions: text("regions"), affiliations: text("affiliations"),
            periodisation: text("periodisation"), rule: try choice("rule"))
    }
}
