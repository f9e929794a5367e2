import CityDiplomacyCore
import Testing

@Suite("Periodisations place dated records, and name the ambiguous ones")
struct PeriodisationTests {
    /// The study's discourses: open at the start, open at the end.
    let discourses = Periodisation(
        id: "discourses", title: LocalizedText(en: "Discourses"), sourceNote: LocalizedText(en: "test"),
        periods: [
            .init(id: "before", label: LocalizedText(en: "before 1979"), start: nil),
            .init(id: "revolution", label: LocalizedText(en: "1979–1989"), start: GregorianDay(year: 1979, month: 2, day: 11)),
            .init(id: "expediency", label: LocalizedText(en: "1989–1997"), start: GregorianDay(year: 1989, month: 8, day: 3)),
            .init(id: "dialogue", label: LocalizedText(en: "1997–"), start: GregorianDay(year: 1997, month: 8, day: 3)),
        ])

    /// A periodisation with a first start day and an end.
    let closed = Periodisation(
        id: "closed", title: LocalizedText(en: "Closed"), sourceNote: LocalizedText(en: "test"),
        periods: [
            .init(id: "first", label: LocalizedText(en: "first"), start: GregorianDay(year: 1990, month: 1, day: 1)),
            .init(id: "second", label: LocalizedText(en: "second"), start: GregorianDay(year: 2000, month: 1, day: 1)),
        ],
        end: GregorianDay(year: 2010, month: 1, day: 1))

    private func date(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    @Test("A year inside one period is placed without ambiguity")
    func plainYear() throws {
        #expect(discourses.place(try date("1994"), rule: .standard) == .placed("expediency", ambiguous: false))
        #expect(discourses.place(try date("1963"), rule: .standard) == .placed("before", ambiguous: false))
    }

    @Test("A year in which the government changed is ambiguous; the rule decides")
    func ambiguousYear() throws {
        let year = try date("1989")
        #expect(discourses.place(year, rule: .later) == .placed("expediency", ambiguous: true))
        #expect(discourses.place(year, rule: .earlier) == .placed("revolution", ambiguous: true))
        #expect(discourses.place(year, rule: .exclude) == .ambiguous(["revolution", "expediency"]))
    }

    @Test("A placement recorded in the dataset wins under the standard rule, not under the others")
    func recordedPlacement() throws {
        let year = try date("1989")
        #expect(discourses.place(year, rule: .standard, recorded: "revolution") == .placed("revolution", ambiguous: true))
        #expect(discourses.place(year, rule: .later, recorded: "revolution") == .placed("expediency", ambiguous: true))
        // A recorded placement that is not a candidate is not honoured.
        #expect(discourses.place(year, rule: .standard, recorded: "dialogue") == .placed("expediency", ambiguous: true))
    }

    @Test("A full date decides on the day the government took office")
    func exactDays() throws {
        #expect(discourses.place(try date("1989-08-02"), rule: .exclude) == .placed("revolution", ambiguous: false))
        #expect(discourses.place(try date("1989-08-03"), rule: .exclude) == .placed("expediency", ambiguous: false))
        #expect(discourses.place(try date("1989-08"), rule: .exclude) == .ambiguous(["revolution", "expediency"]))
    }

    @Test("The last period is open-ended")
    func openEnd() throws {
        #expect(discourses.place(try date("2026"), rule: .standard) == .placed("dialogue", ambiguous: false))
    }

    @Test("Dates before the first period or after the end fall outside")
    func outside() throws {
        #expect(closed.place(try date("1985"), rule: .standard) == .outside(.beforeFirstPeriod))
        #expect(closed.place(try date("2012"), rule: .standard) == .outside(.afterLastPeriod))
        #expect(closed.place(try date("1989"), rule: .standard) == .outside(.beforeFirstPeriod))
        #expect(closed.place(nil, rule: .standard) == .undated)
    }

    @Test("A Solar Hijri year straddling a change is ambiguous too")
    func solarHijriYear() throws {
        // 1368 SH runs from 1989-03-21 to 1990-03-20: across 1989-08-03.
        #expect(discourses.place(try date("1368 SH"), rule: .exclude) == .ambiguous(["revolution", "expediency"]))
        // 1370 SH (1991–1992) is inside one period.
        #expect(discourses.place(try date("1370 SH"), rule: .exclude) == .placed("expediency", ambiguous: false))
    }

    @Test("Tables print the years a period starts and ends in")
    func printedYears() {
        #expect(discourses.years(ofPeriodAt: 0) == (nil, 1979))
        #expect(discourses.years(ofPeriodAt: 3) == (1997, nil))
    }
}
