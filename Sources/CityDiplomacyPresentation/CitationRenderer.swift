import CityDiplomacyCore
import Foundation

/// Writes a ``BibliographicRecord`` as BibTeX, RIS or CSL-JSON, and as a reference for people in
/// English or Persian.
///
/// The files give the work as it is — a Persian work with its Persian authors, title and journal,
/// and the English title beside them (BibTeX's note, RIS's `TT`, CSL's `translated-title`) — so
/// that a bibliography in either language can be made from them. They are the same whatever the
/// language of the page they are downloaded from.
///
/// ```swift
/// let bibtex = CitationRenderer().render(record, as: .bibtex)
/// let line = CitationRenderer().reference(record, language: .fa)
/// ```
public struct CitationRenderer: Sendable {
    public init() {}

    public func render(_ record: BibliographicRecord, as format: CitationFormat) -> String {
        switch format {
        case .bibtex: bibtex(record)
        case .ris: ris(record)
        case .cslJSON: cslJSON(record).serialized(pretty: true) + "\n"
        }
    }

    // MARK: Facts shared by the formats

    /// The Gregorian date of `date`: exact where the calendar allows, else the year or the years it may fall in.
    static func gregorian(_ date: PartialDate) -> (parts: [[Int]], iso: String) {
        if let exact = date.converted(to: .gregorian) {
            let parts = [exact.year, exact.month, exact.day].compactMap { $0 }
            return ([parts], parts.enumerated().map { $0.offset == 0 ? String(format: "%04d", $0.element) : String(format: "%02d", $0.element) }.joined(separator: "-"))
        }
        let years = date.gregorianYears
        return years.count == 1 ? ([[years.lowerBound]], String(years.lowerBound)) : ([[years.lowerBound], [years.upperBound]], "\(years.lowerBound)/\(years.upperBound)")
    }

    /// The notes in English, with the English title of a work in another language, the licence and
    /// the dates in their original calendar.
    func notes(_ record: BibliographicRecord, translatedTitle: Bool) -> [String] {
        var notes: [String] = []
        if record.workLanguage == .fa {
            notes.append(LocalizedText.message("cite.note.in-persian").en)
            if translatedTitle, let english = record.translation(record.title) {
                notes.append(LocalizedText.message("cite.note.english-title", ["title": english]).en)
            }
        }
        notes += record.notes.map(\.en)
        if let licence = record.licence { notes.append(LocalizedText.message("cite.note.licence", ["licence": licence]).en) }
        return notes
    }

    static func authorName(_ contributor: BibliographicRecord.Contributor, in record: BibliographicRecord) -> (family: String, given: String?) {
        switch contributor {
        case let .person(family, given): (record.original(family), record.original(given))
        case let .organisation(name): (record.original(name), nil)
        }
    }

    // MARK: BibTeX

    /// An entry readable by BibTeX and biblatex: standard fields, with biblatex's `langid`,
    /// `urldate`, `version` and `date` beside them. Text is escaped (`& % $ # _ { } ~ ^ \`); the
    /// `url` field is verbatim, as both read it, with its braces encoded.
    func bibtex(_ record: BibliographicRecord) -> String {
        var fields: [(String, String)] = []
        let authors = record.authors.map { contributor -> String in
            let name = Self.authorName(contributor, in: record)
            guard let given = name.given else { return "{" + Self.tex(name.family) + "}" }
            return Self.tex(name.family) + ", " + Self.tex(given)
        }
        if !authors.isEmpty { fields.append(("author", authors.joined(separator: " and "))) }
        fields.append(("title", Self.tex(record.originalTitle)))
        if let container = record.container {
            fields.append((record.type == .journalArticle ? "journal" : "howpublished", Self.tex(record.original(container))))
        }
        if let publisher = record.publisher { fields.append(("publisher", Self.tex(record.original(publisher)))) }
        if let volume = record.volume { fields.append(("volume", Self.tex(volume))) }
        if let issue = record.issue { fields.append(("number", Self.tex(issue))) }
        if let pages = record.pages { fields.append(("pages", Self.tex(pages.replacingOccurrences(of: "-", with: "--")))) }
        if let issued = record.issued {
            let date = Self.gregorian(issued)
            fields.append(("year", String(date.parts[0][0])))
            fields.append(("date", date.iso))
        }
        if let version = record.version { fields.append(("version", Self.tex(version))) }
        if let language = record.language { fields.append(("langid", Self.tex(Self.babelLanguage(language)))) }
        if let url = record.url {
            fields.append(("url", Self.verbatimURL(url)))
        }
        if let accessed = record.accessed { fields.append(("urldate", Self.gregorian(accessed).iso)) }
        let notes = notes(record, translatedTitle: true)
        if !notes.isEmpty { fields.append(("note", Self.tex(notes.joined(separator: " ")))) }
        let type = switch record.type {
        case .journalArticle: "article"
        case .dataset, .webpage, .document: "misc"
        }
        let width = fields.map(\.0.count).max() ?? 0
        let body = fields.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + " = {" + $0.1 + "}," }
        return "@\(type){\(record.key),\n" + body.joined(separator: "\n") + "\n}\n"
    }

    /// The name babel and polyglossia give a language, which biblatex's `langid` takes.
    static func babelLanguage(_ code: String) -> String {
        ["fa": "persian", "en": "english", "ar": "arabic", "de": "german", "fr": "french", "ko": "korean", "zh": "chinese",
         "ru": "russian", "tr": "turkish", "ja": "japanese", "es": "spanish", "it": "italian"][code] ?? code
    }

    /// `text` with LaTeX's special characters escaped, and each line break or tab as a space.
    ///
    /// By bytes (``ASCIIReplacements``), as BibTeX reads the file: a brace followed by a combining mark (U+0301)
    /// or joined to a prepended mark (U+0600) is one `Character` that is not a brace, so a title
    /// `Report}\u{301} @misc(…` kept its brace unescaped, closed its field and began an entry of its
    /// own; `\r\n` is one `Character` too, and stayed a line break.
    public static func tex(_ text: String) -> String {
        texSpecials.apply(to: text)
    }

    /// LaTeX's special characters, by bytes (all are ASCII, so a byte is the scalar BibTeX reads).
    private static let texSpecials = ASCIIReplacements([
        "\\": "\\textbackslash{}",
        // BibTeX counts braces whether escaped or not: a lone `\}` would close the field and
        // let the rest of a title be read as entries of its own. Braces are written as commands.
        "{": "\\textbraceleft{}", "}": "\\textbraceright{}",
        "@": "{@}",
        "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_",
        "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
        "\n": " ", "\r": " ", "\t": " ",
    ])

    /// An address as BibTeX's `url` field keeps it verbatim: its braces, which BibTeX would count,
    /// and any line break or tab, which would end the field's line, percent-encoded, by bytes
    /// (as ``tex(_:)``).
    static func verbatimURL(_ url: String) -> String {
        urlSpecials.apply(to: url)
    }

    private static let urlSpecials = ASCIIReplacements(["{": "%7B", "}": "%7D", "\n": "%0A", "\r": "%0D", "\t": "%09"])

    // MARK: RIS

    /// The tagged lines of RIS: `TY` first and `ER` last, one `AU` per author, `TT` the English
    /// title of a work in another language, `Y2` the date a web page was consulted.
    func ris(_ record: BibliographicRecord) -> String {
        var lines: [(String, String)] = []
        let type = switch record.type {
        case .journalArticle: "JOUR"
        case .dataset: "DATA"
        case .webpage: "ELEC"
        case .document: "GEN"
        }
        lines.append(("TY", type))
        lines.append(("ID", record.key))
        for contributor in record.authors {
            let name = Self.authorName(contributor, in: record)
            lines.append(("AU", name.given.map { "\(name.family), \($0)" } ?? name.family))
        }
        lines.append(("TI", record.originalTitle))
        if record.workLanguage == .fa, let english = record.translation(record.title) { lines.append(("TT", english)) }
        if let container = record.container {
            lines.append(("T2", record.original(container)))
            if record.type == .journalArticle { lines.append(("JO", record.original(container))) }
        }
        if let publisher = record.publisher { lines.append(("PB", record.original(publisher))) }
        if let volume = record.volume { lines.append(("VL", volume)) }
        if let issue = record.issue { lines.append(("IS", issue)) }
        if let pages = record.pages {
            let ends = pages.split(separator: "-", maxSplits: 1).map(String.init)
            lines.append(("SP", ends[0]))
            if ends.count > 1 { lines.append(("EP", ends[1])) }
        }
        if let issued = record.issued {
            let date = Self.gregorian(issued)
            lines.append(("PY", String(date.parts[0][0])))
            if let exact = issued.converted(to: .gregorian), exact.precision != .year {
                lines.append(("DA", [String(format: "%04d", exact.year), exact.month.map { String(format: "%02d", $0) } ?? "", exact.day.map { String(format: "%02d", $0) } ?? ""].joined(separator: "/")))
            }
        }
        if let version = record.version { lines.append(("ET", version)) }
        if let language = record.language { lines.append(("LA", language)) }
        if let url = record.url { lines.append(("UR", url)) }
        if let accessed = record.accessed { lines.append(("Y2", Self.gregorian(accessed).iso)) }
        for note in notes(record, translatedTitle: false) { lines.append(("N1", note)) }
        lines.append(("ER", ""))
        // RIS is read line by line: a value never spans lines.
        return lines.map { tag, value in
            "\(tag)  - " + value.components(separatedBy: .newlines).joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }

    // MARK: CSL-JSON

    /// An array of one CSL item, with the fields of CSL-JSON 1.0.2 only (`translated-title` for the
    /// English title of a Persian work; the names and title in the other script, and the licence,
    /// under `custom`).
    public func cslJSON(_ record: BibliographicRecord) -> JSONValue {
        var item: [(String, JSONValue)] = [("id", .string(record.key)), ("type", .string(record.type.rawValue))]
        if let language = record.language { item.append(("language", .string(language))) }
        item.append(("title", .string(record.originalTitle)))
        if let translated = record.translation(record.title) { item.append(("translated-title", .string(translated))) }
        if !record.authors.isEmpty {
            item.append(("author", .array(record.authors.map { contributor in
                let name = Self.authorName(contributor, in: record)
                guard let given = name.given else { return .object([("literal", .string(name.family))]) }
                return .object([("family", .string(name.family)), ("given", .string(given))])
            })))
        }
        if let container = record.container { item.append(("container-title", .string(record.original(container)))) }
        if let publisher = record.publisher { item.append(("publisher", .string(record.original(publisher)))) }
        if let volume = record.volume { item.append(("volume", .string(volume))) }
        if let issue = record.issue { item.append(("issue", .string(issue))) }
        if let pages = record.pages { item.append(("page", .string(pages))) }
        func date(_ value: PartialDate) -> JSONValue {
            .object([("date-parts", .array(Self.gregorian(value).parts.map { .array($0.map(JSONValue.number)) }))])
        }
        if let issued = record.issued { item.append(("issued", date(issued))) }
        if let accessed = record.accessed { item.append(("accessed", date(accessed))) }
        if let url = record.url { item.append(("URL", .string(url))) }
        if let version = record.version { item.append(("version", .string(version))) }
        let notes = notes(record, translatedTitle: false)
        if !notes.isEmpty { item.append(("note", .string(notes.joined(separator: " ")))) }
        var custom: [(String, JSONValue)] = []
        if record.authors.contains(where: { if case .person = $0 { true } else { false } }), record.workLanguage == .fa {
            custom.append(("author-latin", .array(record.authors.map { contributor in
                switch contributor {
                case let .person(family, given): .object([("family", .string(family.en)), ("given", .string(given.en))])
                case let .organisation(name): .object([("literal", .string(name.en))])
                }
            })))
        }
        if let container = record.container, let translated = record.translation(container) {
            custom.append(("container-title-translated", .string(translated)))
        }
        if let licence = record.licence { custom.append(("license", .string(licence))) }
        if !custom.isEmpty { item.append(("custom", .object(custom))) }
        return .array([.object(item)])
    }

    // MARK: A reference for people

    /// The work as a reference in a bibliography, in `language`: authors (year). Title
    /// [translation]. Journal or publisher. Version, licence. Address (accessed …).
    public func reference(_ record: BibliographicRecord, language: Language) -> String {
        let style = OutputStyle(language: language)
        func inLanguage(_ text: LocalizedText) -> String {
            // A person's name and a journal's in the reader's script where the record has it.
            language == .fa ? text[.fa] : text.en
        }
        var parts: [String] = []
        // The first author inverted (family, given), the others in natural order, as the journal
        // prints its references ("Dehshiri, Mohammad-Reza and Mostafa Khorrami").
        let names = record.authors.enumerated().map { index, contributor -> String in
            switch contributor {
            case let .person(family, given):
                style.text(.message(index == 0 ? "cite.person" : "cite.person.natural", ["family": inLanguage(family), "given": inLanguage(given)]))
            case let .organisation(name): inLanguage(name)
            }
        }
        var year: String?
        if language == .fa, let printed = record.issuedAsPrinted ?? record.issued.flatMap({ $0.converted(to: .solarHijri) }) {
            year = style.digits(String(printed.year))
        } else if let issued = record.issued {
            year = style.number(Self.gregorian(issued).parts[0][0])
        }
        let authors = names.count > 1
            ? names.dropLast().joined(separator: style.comma) + style.text(.message("list.and")) + names.last!
            : names.first
        if let authors {
            parts.append(year.map { authors + " (" + $0 + ")" } ?? authors)
        }
        // A work in no one language (a dataset, named in both) is named in the reader's.
        var title = style.digits(record.language == nil ? inLanguage(record.title) : record.originalTitle)
        if language == .fa, record.workLanguage == .fa { title = "«" + title + "»" }
        if language == .en, record.workLanguage == .fa, let english = record.translation(record.title) { title += " [" + english + "]" }
        if authors == nil, let year { title += " (" + year + ")" }
        parts.append(title)
        if let container = record.container { parts.append(style.digits(inLanguage(container))) }
        // A version (a hash) and a licence (`CC BY 4.0`) are names: written as they are, never in Persian digits.
        if record.type == .dataset {
            var dataset = style.text(.message("cite.reference.dataset"))
            if let version = record.version { dataset += style.comma + style.text(.message("cite.reference.version")) + " " + version }
            parts.append(dataset)
        }
        if let publisher = record.publisher, record.type != .journalArticle || record.container == nil { parts.append(inLanguage(publisher)) }
        if let licence = record.licence { parts.append(style.text(.message("cite.reference.licence")) + " " + licence) }
        // The received and accepted dates, as the journal prints them under the title.
        if let dates = record.receivedAndAccepted { parts.append(style.text(dates)) }
        var reference = parts.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
        // An address ends the reference with no full stop, which would read as part of it.
        if let url = record.url {
            reference += " " + url + (record.accessed.map { " (" + style.text(.message("web.accessed")) + " " + style.date($0) + ")" } ?? "")
        }
        return reference
    }
}
