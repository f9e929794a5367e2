import Testing
@testable import CityDiplomacyWeb

@Suite("Query strings and form bodies are read as browsers encode them")
struct FormFieldsTests {
    @Test("'+' is a space and '%2B' a plus")
    func plusAndSpace() {
        let fields = FormFields("city=a+b&code=%2B98&both=a%2Bb+c")
        #expect(fields["city"] == "a b")
        #expect(fields["code"] == "+98")
        #expect(fields["both"] == "a+b c")
    }

    @Test("Percent-encoded Persian text is read as UTF-8")
    func persian() {
        // «تهران» and «شهر کرد» as a browser sends them.
        let fields = FormFields("city=%D8%AA%D9%87%D8%B1%D8%A7%D9%86&other=%D8%B4%D9%87%D8%B1+%DA%A9%D8%B1%D8%AF")
        #expect(fields["city"] == "تهران")
        #expect(fields["other"] == "شهر کرد")
    }

    @Test("A repeated name keeps every value in order; the subscript gives the first")
    func repeatedNames() {
        let fields = FormFields("kind=a&x=1&kind=b&kind=")
        #expect(fields.all("kind") == ["a", "b", ""])
        #expect(fields["kind"] == "a")
        #expect(fields.names == ["kind", "x"])
    }

    @Test("Blank and absent values are nil; names without '=' are present and empty")
    func blanks() {
        let fields = FormFields("a=&b=+++&c")
        #expect(fields["a"] == nil)
        #expect(fields["b"] == nil)
        #expect(fields["zzz"] == nil)
        #expect(fields.names == ["a", "b", "c"])
        #expect(FormFields(nil).pairs.isEmpty)
    }

    @Test("A query read through Filters gives the same values")
    func filters() {
        #expect(Filters("city=%D8%AA%D9%87%D8%B1%D8%A7%D9%86+&kind=sister_city").text("city") == "تهران")
    }
}
