import CityDiplomacyCore
import Testing

@Suite("Dates are kept to the precision and in the calendar they were entered in")
struct PartialDateTests {
    @Test("A Gregorian year, month or day is read with its precision")
    func gregorian() throws {
        #expect(try PartialDate(parsing: "1972").precision == .year)
        #expect(try PartialDate(parsing: "2006-05").precision == .month)
        let day = try PartialDate(parsing: "2006/05/14")
        #expect(day.precision == .day)
        #expect(day.calendar == .gregorian)
        #expect(day.description == "2006-05-14")
    }

    @Test("A Solar Hijri date with Persian digits converts to the Gregorian day")
    func solarHijriDay() throws {
        let date = try PartialDate(parsing: "۱۳۸۵/۰۲/۲۴ ش")
        #expect(date.calendar == .solarHijri)
        #expect(date.description == "1385-02-24 SH")
        #expect(date.gregorianDays.lowerBound == GregorianDay(year: 2006, month: 5, day: 14))
        #expect(date.converted(to: .gregorian)?.description == "2006-05-14")
    }

    @Test("A Solar Hijri year straddles two Gregorian years")
    func solarHijriYear() throws {
        let date = try PartialDate(parsing: "1379 SH")
        #expect(date.gregorianYears == 2000...2001)
        #expect(date.gregorianYear == nil)
        #expect(date.converted(to: .gregorian) == nil)
    }

    @Test("A Gregorian day converts to Solar Hijri: the study's acceptance date")
    func toSolarHijri() throws {
        let accepted = try PartialDate(parsing: "1397/02/14 SH")
        let gregorian = try #require(accepted.converted(to: .gregorian))
        #expect(gregorian.description == "2018-05-04")
        #expect(gregorian.converted(to: .solarHijri) == accepted)
    }

    @Test("The written form reads back to the same date", arguments: ["1972", "2006-05", "2006-05-14", "1385-02-24 SH", "1379 SH"])
    func roundTrip(text: String) throws {
        let date = try PartialDate(parsing: text)
        #expect(try PartialDate(parsing: date.description) == date)
    }

    @Test("Malformed dates are rejected with what was expected", arguments: ["abc", "19", "2006-13", "2006-02-30", "2006-05-14-01", "1385-13-01 SH", ""])
    func malformed(text: String) {
        #expect(throws: InvalidValue.self) { try PartialDate(parsing: text) }
    }

    @Test("Day 31 exists in the first Solar Hijri months but not in Mehr")
    func solarHijriMonthLengths() throws {
        _ = try PartialDate(calendar: .solarHijri, year: 1396, month: 6, day: 31)
        #expect(throws: InvalidValue.self) { try PartialDate(calendar: .solarHijri, year: 1396, month: 7, day: 31) }
    }
}

@Suite("Solar Hijri markers")
struct SolarHijriMarkerTests {
    @Test("Every marker reads as Solar Hijri, the one Persian output writes included", arguments: ["1385 SH", "1385 h.sh", "1385 ه.ش", "۱۳۸۵ هـ.ش", "1385 ه\u{200D}.ش", "1385ش"])
    func markers(text: String) throws {
        let date = try PartialDate(parsing: text)
        #expect(date.calendar == .solarHijri)
        #expect(date.year == 1385)
    }

    @Test("A Gregorian year marked SH is refused rather than read as a far-future date")
    func implausibleYear() {
        #expect(throws: InvalidValue.self) { try PartialDate(parsing: "2006 SH") }
    }
}
