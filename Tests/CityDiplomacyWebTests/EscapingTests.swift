import CityDiplomacyPresentation
import Mustache
import Testing
@testable import CityDiplomacyWeb

/// What a page writes of a value it did not make (a city's name, a source's address): escaped by
/// bytes, so that no character that follows a quote keeps the quote out of the escape.
@Suite("Values are escaped in pages wherever they stand")
struct EscapingTests {
    /// A quote, an apostrophe and a less-than sign each followed by a combining mark: each pair
    /// is one `Character`, which an escape going character by character leaves as it is.
    static let hostile = "Evil\"\u{301} onmouseover=alert(1) x'\u{301} <\u{301}script> &\u{301}amp;"

    @Test("Each of the five characters is escaped where a combining mark follows it; other text is left as it is")
    func escape() {
        #expect(HTMLPage.escape(Self.hostile)
            == "Evil&quot;\u{301} onmouseover=alert(1) x&#39;\u{301} &lt;\u{301}script&gt; &amp;\u{301}amp;")
        #expect(HTMLPage.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        let persian = "تهران\u{200C}ها، «۱۲۳» é 🇮🇷"
        #expect(HTMLPage.escape(persian) == persian)
        #expect(HTMLPage.escape("") == "")
    }

    // The values are built outside the expectations: Swift Testing's macro writes a literal
    // that holds a combining mark after a quote into code it cannot read back.

    @Test("A character joined to a mark before it (U+0600 prepends itself to what follows) is escaped too")
    func prepended() {
        let tag = "A\u{600}<img src=x onerror=alert(3)>"
        let escaped = "A\u{600}&lt;img src=x onerror=alert(3)&gt;"
        #expect(HTMLPage.escape(tag) == escaped)
    }

    @Test("CSV fields are quoted and their quotes doubled by bytes; a formula is set off by its first scalar")
    func csv() {
        let cases: [(field: String, written: String)] = [
            // A comma joined to the mark before it is still a comma to a spreadsheet.
            ("P\u{600},=1+3", "\"P\u{600},=1+3\""),
            // A quote joined to the mark after it is still a quote, doubled inside the field's quotes.
            ("z,y\"\u{301},=1+2,w", "\"z,y\"\"\u{301},=1+2,w\""),
            ("=\u{301}1+2", "'=\u{301}1+2"),
            ("-12.5", "-12.5"),
            ("Tehran", "Tehran"),
            ("a\r\nb", "\"a\r\nb\""),
        ]
        for (field, written) in cases {
            let quoted = CSVField.quote(field)
            #expect(quoted == written)
        }
    }

    @Test("A Markdown cell's bar, ampersand, angle bracket and new line are escaped by bytes")
    func markdown() {
        let cases: [(replacements: ASCIIReplacements, text: String, written: String)] = [
            (.markdownCell, "a|\u{301}b & <i>\nc", "a\\|\u{301}b &amp; &lt;i> c"),
            (.markdownPipes, "a|b\nc", "a\\|b c"),
            (.backquotes, "`id`\u{301}", "id\u{301}"),
        ]
        for (replacements, text, written) in cases {
            let applied = replacements.apply(to: text)
            #expect(applied == written)
        }
    }

    @Test("A template escapes a value through the same escape, inside an attribute and as text")
    func templates() throws {
        let link = LinkView(text: Self.hostile, target: "https://example.org/\"\u{301}onclick=alert(1)")
        let html = try PageTemplates.render("_link", link)
        // Each built outside the expectations: Swift Testing's macro writes a literal that opens
        // with a combining mark into code it cannot read back.
        let unescaped = ["\"", "'", "<"].map { $0 + "\u{301}" }
        for pair in unescaped { #expect(!html.contains(pair)) }
        #expect(html.contains(HTMLPage.escape(Self.hostile)))
        let address = "https://example.org/&quot;" + "\u{301}onclick=alert(1)"
        #expect(html.contains(address))
    }

    @Test("A template that does not parse is named with the line and column of its own text, not of the escape's pragma before it")
    func parseErrorLine() throws {
        var library = MustacheLibrary()
        #expect(throws: TemplateError.self) { try PageTemplates.register("<p>\n  {{#a}}x{{/b}}\n", named: "broken", in: &library) }
        do {
            try PageTemplates.register("<p>\n  {{#a}}x{{/b}}\n", named: "broken", in: &library)
        } catch {
            #expect("\(error)".hasPrefix("the page template broken cannot be read: line 2, column "), "\(error)")
        }
        try PageTemplates.register("<p>{{a}}</p>", named: "fine", in: &library)
        #expect(library.render(["a": "\"\u{301}"], withTemplate: "fine") == "<p>&quot;\u{301}</p>")
    }
}
