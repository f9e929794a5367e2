import CityDiplomacyCore

/// Reading the filters of lists (`city`, `country`, `kind`, `from`, `to`, `dataset`, `limit`,
/// `offset`) from a query string, as the API and the pages share them. A value that cannot be
/// read is a 400 naming the parameter, never ignored.
struct Filters {
    let fields: FormFields

    init(_ query: String?) {
        fields = FormFields(query)
    }

    /// A filter's text, normalised (Arabic letter variants, ZWNJ, Persian digits).
    func text(_ name: String) -> String? {
        fields[name].map(PersianText.normalized)
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard let raw = text(name) else { return nil }
        guard let value = Int(PersianText.asciiDigits(raw)), range.contains(value) else {
            throw .badRequest("invalid \(name) '\(raw)': expected a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    func country(_ name: String = "country") throws(WebError) -> CountryCode? {
        guard let raw = text(name) else { return nil }
        do {
            return try CountryCode(validating: raw)
        } catch {
            throw .badRequest("invalid \(name) '\(raw)': expected an ISO 3166-1 alpha-2 code such as IR", field: name)
        }
    }

    func kind() throws(WebError) -> RelationKind? {
        guard let raw = text("kind") else { return nil }
        do {
            return try RelationKind(validating: raw)
        } catch {
            throw .badRequest("invalid kind '\(raw)': expected one of \(RelationKind.knownTerms.map(\.term.rawValue).joined(separator: ", "))", field: "kind")
        }
    }

    static let maximumLimit = 1000

    /// `limit` (default `defaultLimit`, at most ``maximumLimit``) and `offset`.
    func paging(defaultLimit: Int) throws(WebError) -> (limit: Int, offset: Int) {
        (try integer("limit", in: 1...Self.maximumLimit) ?? defaultLimit, try integer("offset", in: 0...Int(Int32.max)) ?? 0)
    }

    func relationQuery(limit: Int?, offset: Int) throws(WebError) -> RelationQuery {
        let from = try integer("from", in: 1...9999)
        let to = try integer("to", in: 1...9999)
        if let from, let to, from > to {
            throw .badRequest("invalid year range \(from)–\(to): 'from' is after 'to'", field: "from")
        }
        return RelationQuery(datasetID: text("dataset"), city: text("city"), country: try country(), kind: try kind(),
                             signedFrom: from, signedTo: to, limit: limit, offset: offset)
    }
}
