import CityDiplomacyPresentation
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
}
