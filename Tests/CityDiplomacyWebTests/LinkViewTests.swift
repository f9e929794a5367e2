import Testing
@testable import CityDiplomacyWeb

@Suite("Only http, https and mailto addresses become links")
struct LinkViewTests {
    @Test("An outside address is a link that says so; one shown as its own text may break anywhere")
    func outsideAddresses() {
        let titled = LinkView.external("https://example.org/a", text: "A title")
        #expect(titled.target == "https://example.org/a" && titled.external && !titled.showsAddress)
        let bare = LinkView.external("HTTP://example.org/a", text: "HTTP://example.org/a")
        #expect(bare.target != nil && bare.showsAddress)
        #expect(LinkView.external("mailto:someone@example.org", text: "write").target == "mailto:someone@example.org")
    }

    @Test("Any other address is text, with the address beside the title", arguments: ["javascript:alert(1)", "data:text/html,x", "example.org/no-scheme", "ftp://example.org"])
    func otherAddresses(url: String) {
        let link = LinkView.external(url, text: "click me")
        #expect(link.target == nil)
        #expect(link.text == "click me (\(url))")
        #expect(LinkView.external(url, text: url).text == url)
    }
}
