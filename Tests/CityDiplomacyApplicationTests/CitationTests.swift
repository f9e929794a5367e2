import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyStorage
import Foundation
import Testing

/// What a BibTeX file must be for BibTeX and biber to read it: balanced braces, and LaTeX's special
/// characters escaped outside the verbatim `url` field.
enum BibTeXCheck {
    static func problems(_ text: String) -> [String] {
        var problems: [String] = []
        var depth = 0
        // By scalars, as BibTeX reads: a brace joined to a combining mark is still a brace.
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if previous != "\\" {
                if scalar == "{" { depth += 1 }
                if scalar == "}" { depth -= 1 }
            }
            if depth < 0 { problems.append("a closing brace without its opening one") }
            previous = scalar
        }
        if depth != 0 { problems.append("\(depth) brace(s) left open") }
        if !text.hasPrefix("@"), !text.isEmpty { problems.append("an entry starts with @") }
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("url ") {
            let characters = Array(line)
            for (index, character) in characters.enumerated() where "&%#_$".contains(character) {
                if index == 0 || characters[index - 1] != "\\" { problems.append("unescaped \(character) in: \(line)") }
            }
        }
        return problems
    }

    /// The value of `field` in an entry.
    static func field(_ name: String, in text: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }) else { return nil }
        guard let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}") else { return nil }
        return String(line[line.index(after: open)..<close])
    }
}

/// What CSL-JSON's schema (csl-data.json) requires of an item, and what a reference manager needs
/// beyond it: an id and a type of the schema's list; a title; names as family and given, or a
/// literal; dates as date-parts of one or two dates of up to three numbers. Every key is one of
/// the schema's variables (it allows no other).
enum CSLCheck {
    static let types: Set<String> = ["article", "article-journal", "dataset", "document", "webpage", "book", "report"]
    static let variables: Set<String> = [
        "id", "type", "language", "title", "translated-title", "author", "container-title", "publisher", "volume", "issue",
        "page", "issued", "accessed", "URL", "version", "note", "custom",
    ]

    static func problems(_ text: String) throws -> [String] {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "an array of items")
        var problems: [String] = []
        for item in items {
            for key in item.keys where !variables.contains(key) { problems.append("\(key) is not a CSL variable") }
            if (item["id"] as? String)?.isEmpty != false { problems.append("no id") }
            if !types.contains(item["type"] as? String ?? "") { problems.append("type \(item["type"] ?? "none")") }
            if (item["title"] as? String)?.isEmpty != false { problems.append("no title") }
            for name in item["author"] as? [[String: Any]] ?? [] {
                let person = name["family"] is String && name["given"] is String && name.count == 2
                let literal = name["literal"] is String && name.count == 1
                if !person && !literal { problems.append("a name that is neither family and given nor a literal: \(name)") }
            }
            for key in ["issued", "accessed"] {
                guard let date = item[key] else { continue }
                let parts = (date as? [String: Any])?["date-parts"] as? [[Int]]
                if parts == nil || parts!.isEmpty || parts!.count > 2 || parts!.contains(where: { $0.isEmpty || $0.count > 3 }) {
                    problems.append("\(key) is not date-parts: \(date)")
                }
            }
        }
        return problems
    }
}

@Suite("Citations of the study, a dataset and a source, as BibTeX, RIS and CSL-JSON")
struct CitationTests {
    static let subjects: [CitationSubject] = [.study(dataset: nil), .dataset("iran-2018"), .source("iran-2018:t1-tehran-fn4"),
                                              .source("iran-2018:study-table-1-yazd"), .source("iran-2018:t1-yazd-fn10")]

    @Test("Every citation is valid BibTeX: braces balanced, & % # _ escaped", arguments: subjects)
    func bibtex(_ subject: CitationSubject) async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let text = CitationRenderer().render(try await workspace.bibliographicRecord(of: subject), as: .bibtex)
        #expect(BibTeXCheck.problems(text) == [], "\(text)")
        #expect(text.hasSuffix("}\n"))
    }

    @Test("Every citation is an RIS record: TY first, ER last, two-letter tags")
    func ris() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        for subject in Self.subjects {
            let lines = CitationRenderer().render(try await workspace.bibliographicRecord(of: subject), as: .ris).split(separator: "\n")
            #expect(lines.first?.hasPrefix("TY  - ") == true)
            #expect(lines.last == "ER  - ")
            #expect(lines.allSatisfy { $0.wholeMatch(of: /[A-Z][A-Z0-9]  - .*/) != nil }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("TI  - ") })
        }
    }

    @Test("Every citation is CSL-JSON with the schema's required fields and only its variables")
    func cslJSON() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        for subject in Self.subjects {
            let text = CitationRenderer().render(try await workspace.bibliographicRecord(of: subject), as: .cslJSON)
            #expect(try CSLCheck.problems(text) == [], "\(text)")
        }
    }

    @Test("The study is cited as the Persian article it is: Persian authors and title, the English title beside them, 2018")
    func study() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let record = try await workspace.bibliographicRecord(of: .study(dataset: nil))
        let renderer = CitationRenderer()
        let bibtex = renderer.render(record, as: .bibtex)
        #expect(bibtex.hasPrefix("@article{dehshiri2018,"))
        #expect(BibTeXCheck.field("title", in: bibtex) == record.title.fa)
        #expect(BibTeXCheck.field("year", in: bibtex) == "2018")
        #expect(BibTeXCheck.field("langid", in: bibtex) == "persian")
        #expect(BibTeXCheck.field("note", in: bibtex)?.contains("English title: An analysis of the place of city diplomacy") == true)
        #expect(BibTeXCheck.field("author", in: bibtex)?.components(separatedBy: " and ").count == 2)
        let ris = renderer.render(record, as: .ris)
        #expect(ris.contains("\nTT  - An analysis of the place of city diplomacy"))
        #expect(ris.contains("\nPY  - 2018\n"))
        #expect(ris.contains("\nLA  - fa\n"))
        #expect(ris.contains("\nJO  - "))
        let csl = try #require(try JSONSerialization.jsonObject(with: Data(renderer.render(record, as: .cslJSON).utf8)) as? [[String: Any]]).first
        #expect(csl?["language"] as? String == "fa")
        #expect(csl?["translated-title"] as? String == record.title.en)
        #expect((csl?["author"] as? [[String: String]])?.first?["family"] == record.authors.first.map { if case let .person(family, _) = $0 { family.fa } else { nil } } ?? nil)
        #expect(((csl?["issued"] as? [String: Any])?["date-parts"] as? [[Int]]) == [[2018]])
        // A reference in each language: the Persian one with the Solar Hijri year and Persian quotes.
        #expect(renderer.reference(record, language: .en).hasPrefix("Dehshiri, Mohammad-Reza and Mostafa Khorrami (2018). "))
        let persian = renderer.reference(record, language: .fa)
        #expect(persian.contains("(۱۳۹۷)"))
        #expect(persian.contains("«" + (record.title.fa ?? "") + "»"))
        #expect(!persian.contains("Dehshiri"))
    }

    @Test("A dataset is cited with its version — its records' hash and their date — and its licence")
    func dataset() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let content = try await workspace.content(ofDataset: "iran-2018")
        let record = try await workspace.bibliographicRecord(of: .dataset("iran-2018"))
        #expect(record.type == .dataset)
        #expect(record.version == String(content.recordsHash.prefix(12)))
        #expect(record.licence == "CC BY 4.0")
        let bibtex = CitationRenderer().render(record, as: .bibtex)
        #expect(BibTeXCheck.field("version", in: bibtex) == record.version)
        #expect(BibTeXCheck.field("note", in: bibtex)?.contains(content.recordsHash) == true)
        #expect(BibTeXCheck.field("title", in: bibtex)?.contains("Dehshiri \\& Khorrami") == true)
        let ris = CitationRenderer().render(record, as: .ris)
        #expect(ris.hasPrefix("TY  - DATA\n"))
        #expect(ris.contains("\nET  - \(record.version!)\n"))
        // The licence keeps its Latin digits in a Persian reference; the rest is Persian.
        let persian = CitationRenderer().reference(record, language: .fa)
        #expect(persian.contains("CC BY 4.0"))
        #expect(persian.contains(record.version!))
    }

    @Test("A source is cited as the web page or table row it is; an unknown one is an error naming it")
    func source() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let page = try await workspace.bibliographicRecord(of: .source("iran-2018:t1-tehran-fn4"))
        #expect(page.type == .webpage)
        let ris = CitationRenderer().render(page, as: .ris)
        #expect(ris.contains("\nUR  - https://hungarytoday.hu/"))
        #expect(ris.contains("\nY2  - 2018-04-01\n"))
        #expect(ris.contains("\nN1  - Cited at Table 1, row Tehran, footnote 4 (dataset iran-2018).\n"))
        let row = try await workspace.bibliographicRecord(of: .source("iran-2018:study-table-1-yazd"))
        #expect(row.type == .document)
        // A newsletter dated in the Solar Hijri calendar is dated in Gregorian for reference managers.
        let newsletter = try await workspace.bibliographicRecord(of: .source("iran-2018:t1-yazd-fn10"))
        #expect(BibTeXCheck.field("date", in: CitationRenderer().render(newsletter, as: .bibtex)) == "2018-01-02")
        let unknown = await #expect(throws: ApplicationError.self) { try await workspace.bibliographicRecord(of: .source("nowhere")) }
        #expect(unknown?.kind == .notFound)
        let noStudy = await #expect(throws: ApplicationError.self) { try await workspace.bibliographicRecord(of: .study(dataset: "nowhere")) }
        #expect(noStudy?.kind == .notFound)
    }

    @Test("BibTeX escapes LaTeX's special characters in text and keeps addresses verbatim")
    func escaping() {
        #expect(CitationRenderer.tex("R&D 50% #1 a_b $2 {x} ~^\\") == "R\\&D 50\\% \\#1 a\\_b \\$2 \\textbraceleft{}x\\textbraceright{} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}")
        // A title cannot close its field and start an entry of its own: BibTeX counts braces, escaped or not.
        let planted = CitationRenderer.tex("Report} @misc(injected, title = \"x\"")
        #expect(!planted.contains("}") || planted.components(separatedBy: "{").count == planted.components(separatedBy: "}").count)
        #expect(!planted.contains("\\}") && !planted.contains(" @misc"))
        let record = BibliographicRecord(key: "x", type: .webpage, title: LocalizedText(en: "Q&A: 100% {sure}_#1"),
                                         url: "http://example.org/?a=1&b=2#x{y}")
        let bibtex = CitationRenderer().render(record, as: .bibtex)
        #expect(BibTeXCheck.problems(bibtex) == [], "\(bibtex)")
        #expect(BibTeXCheck.field("url", in: bibtex) == "http://example.org/?a=1&b=2#x%7By%7D")
        #expect(BibTeXCheck.problems("@misc{x,\n  title = {a & b},\n}\n") != [], "the check must be able to fail")
        #expect(BibTeXCheck.problems("@misc{x,\n  title = {a {b},\n}\n") != [])
    }

    @Test("BibTeX escapes braces and line breaks joined to marks: a title with them cannot close its field")
    func escapingJoinedScalars() {
        // Built apart from #expect, whose expansion breaks on such literals.
        let combining = "Report}\u{301} @misc(injected, title = {x\u{301}", prepended = "A\u{600}} B\u{600}{", crlf = "a\r\nb"
        #expect(CitationRenderer.tex(combining) == "Report\\textbraceright{}\u{301} {@}misc(injected, title = \\textbraceleft{}x\u{301}")
        #expect(CitationRenderer.tex(prepended) == "A\u{600}\\textbraceright{} B\u{600}\\textbraceleft{}")
        #expect(CitationRenderer.tex(crlf) == "a  b")
        let record = BibliographicRecord(key: "x", type: .webpage, title: LocalizedText(en: combining),
                                         url: "http://example.org/x}\u{301}\n@misc{y,")
        let bibtex = CitationRenderer().render(record, as: .bibtex)
        #expect(BibTeXCheck.problems(bibtex) == [], "\(bibtex)")
        #expect(bibtex.split(separator: "\n").filter { $0.hasPrefix("@") }.count == 1, "\(bibtex)")
        #expect(BibTeXCheck.field("url", in: bibtex) == "http://example.org/x%7D\u{301}%0A@misc%7By,")
        // The check counts by scalars: a brace joined to a mark is one it sees.
        let unbalanced = "@misc{x,\n  title = {a}\u{301}},\n}\n"
        #expect(BibTeXCheck.problems(unbalanced) != [])
        // RIS too: a title's line breaks, joined to marks or as CR LF, do not begin lines (tags) of their own.
        let ris = CitationRenderer().render(BibliographicRecord(key: "x", type: .webpage, title: LocalizedText(en: "a\r\nER  - \n\u{301}TY  - JOUR")), as: .ris)
        let lines = ris.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.filter { $0.hasPrefix("ER  - ") || $0.hasPrefix("TY  - ") }.count == 2, "\(ris)")
        #expect(!ris.contains("\r"), "\(ris)")
    }
}
