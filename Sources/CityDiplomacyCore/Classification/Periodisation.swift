/// A division of time into consecutive periods — governments, foreign-policy discourses — by
/// which dated records are counted.
///
/// A period runs from its start day (inclusive) to the next period's start (exclusive); the first
/// may be open at the start, the last open at the end. A record known only to its year, in a year
/// in which the period changed, is *ambiguous*: ``place(_:rule:recorded:)`` names the candidates and
/// decides by a stated ``AmbiguityRule``, or by the placement the dataset records.
///
/// ```swift
/// let discourses: Periodisation = …    // iran-study-discourses
/// discourses.place(try PartialDate(parsing: "1994"), rule: .later)   // .placed("expediency", …)
/// discourses.place(try PartialDate(parsing: "1989"), rule: .later)   // ambiguous → expediency
/// ```
public struct Periodisation: Identifiable, Hashable, Sendable {
    public struct Period: Hashable, Sendable {
        public var id: String
        public var label: LocalizedText
        /// The first day of the period; `nil` for an open beginning ("before 1979").
        public var start: GregorianDay?
        public var headOfGovernment: LocalizedText?
        public var name: LocalizedText?

        public init(id: String, label: LocalizedText, start: GregorianDay?, headOfGovernment: LocalizedText? = nil, name: LocalizedText? = nil) {
            self.id = id
            self.label = label
            self.start = start
            self.headOfGovernment = headOfGovernment
            self.name = name
        }
    }

    public var id: String
    public var title: LocalizedText
    public var sourceNote: LocalizedText
    /// Periods in order of their start.
    public var periods: [Period]
    /// The day the last period ends (exclusive), or `nil` if it runs to the present.
    public var end: GregorianDay?

    public init(id: String, title: LocalizedText, sourceNote: LocalizedText, periods: [Period], end: GregorianDay? = nil) {
        self.id = id
        self.title = title
        self.sourceNote = sourceNote
        self.periods = periods
        self.end = end
    }

    /// The period's last day bound (exclusive): the next period's start, or the periodisation's end.
    public func endOfPeriod(at index: Int) -> GregorianDay? {
        index + 1 < periods.count ? periods[index + 1].start : end
    }

    /// The index of the period containing `day`, or `nil` if it falls before the first or after the last.
    public func periodIndex(containing day: GregorianDay) -> Int? {
        for index in periods.indices.reversed() {
            if let start = periods[index].start, day < start { continue }
            if let end = endOfPeriod(at: index), day >= end { return nil }
            return index
        }
        return nil
    }

    /// The Gregorian year a period starts and ends in, as tables print them (`nil` where open).
    public func years(ofPeriodAt index: Int) -> (start: Int?, end: Int?) {
        (periods[index].start?.year, endOfPeriod(at: index)?.year)
    }

    /// The period's label with its bounds in both calendars, for Persian readers: "1997–2005"
    /// in English; in Persian the Solar Hijri days beside it, "1997–2005 (1376/05/12 – 1384/05/12)".
    public func labelWithBothCalendars(ofPeriodAt index: Int) -> LocalizedText {
        let period = periods[index]
        func solarHijri(_ day: GregorianDay?) -> String? {
            guard let day, let date = try? PartialDate(calendar: .gregorian, year: day.year, month: day.month, day: day.day),
                  let converted = date.converted(to: .solarHijri) else { return nil }
            return converted.brief[.fa]
        }
        let bounds: LocalizedText? = switch (solarHijri(period.start), solarHijri(endOfPeriod(at: index))) {
        case let (start?, end?): .message("period.bounds", ["start": start, "end": end])
        case let (nil, end?): .message("period.bounds.before", ["end": end])
        case let (start?, nil): .message("period.bounds.since", ["start": start])
        case (nil, nil): nil
        }
        guard let bounds else { return period.label }
        return LocalizedText(en: period.label.en, fa: period.label[.fa] + " (" + bounds[.fa] + ")")
    }

    /// Where a record falls.
    public func place(_ date: PartialDate?, rule: AmbiguityRule, recorded: String? = nil) -> PeriodPlacement {
        guard let date else { return .undated }
        let days = date.gregorianDays
        let first = periodIndex(containing: days.lowerBound)
        let last = periodIndex(containing: days.upperBound)
        if let first, first == last {
            return .placed(periods[first].id, ambiguous: false)
        }
        if first == nil, last == nil {
            if let start = periods.first?.start, days.upperBound < start { return .outside(.beforeFirstPeriod) }
            if let end, days.lowerBound >= end { return .outside(.afterLastPeriod) }
            // The date spans the whole periodisation: any period could hold it.
        }
        let lowerIndex = first ?? 0
        let upperIndex = last ?? periods.count - 1
        let candidates = Array(periods[lowerIndex...upperIndex].map(\.id))
        if let recorded, rule.honoursRecordedPlacement, candidates.contains(recorded) {
            return .placed(recorded, ambiguous: true)
        }
        switch rule.fallback {
        case .earlier: return .placed(candidates.first!, ambiguous: true)
        case .later: return .placed(candidates.last!, ambiguous: true)
        case .exclude: return .ambiguous(candidates)
        }
    }
}

/// How a record whose date straddles two periods is placed.
public struct AmbiguityRule: Hashable, Sendable, CustomStringConvertible {
    public enum Fallback: String, Hashable, Sendable, CaseIterable {
        /// The period that ends in the year (the outgoing government).
        case earlier
        /// The period that begins in the year (the incoming government).
        case later
        /// Leave the record out of period counts.
        case exclude
    }

    /// Whether a placement recorded in the dataset decides before the fallback.
    public var honoursRecordedPlacement: Bool
    public var fallback: Fallback

    public init(honoursRecordedPlacement: Bool, fallback: Fallback) {
        self.honoursRecordedPlacement = honoursRecordedPlacement
        self.fallback = fallback
    }

    /// The default: the dataset's own placement where it records one, else the incoming period.
    public static let standard = AmbiguityRule(honoursRecordedPlacement: true, fallback: .later)
    public static let earlier = AmbiguityRule(honoursRecordedPlacement: false, fallback: .earlier)
    public static let later = AmbiguityRule(honoursRecordedPlacement: false, fallback: .later)
    public static let exclude = AmbiguityRule(honoursRecordedPlacement: false, fallback: .exclude)

    /// The default and the alternatives reports show side by side.
    public static let all: [AmbiguityRule] = [.standard, .later, .earlier, .exclude]

    public var description: String {
        honoursRecordedPlacement ? "recorded-then-\(fallback.rawValue)" : fallback.rawValue
    }

    public var label: LocalizedText {
        switch (honoursRecordedPlacement, fallback) {
        case (true, _): LocalizedText.message("core.placement-recorded-in-the-dataset-else-the-incom")
        case (false, .later): LocalizedText.message("core.always-the-incoming-period")
        case (false, .earlier): LocalizedText.message("core.always-the-outgoing-period")
        case (false, .exclude): LocalizedText.message("core.ambiguous-records-left-out")
        }
    }
}

/// Where a record falls in a periodisation.
public enum PeriodPlacement: Hashable, Sendable {
    /// In a period; `ambiguous` says the date alone could not decide.
    case placed(String, ambiguous: Bool)
    /// The date straddles these periods and the rule leaves it out.
    case ambiguous([String])
    case outside(Outside)
    case undated

    public enum Outside: Hashable, Sendable {
        case beforeFirstPeriod, afterLastPeriod
    }

    /// The period id, where placed.
    public var periodID: String? {
        if case let .placed(id, _) = self { return id }
        return nil
    }
}

extension Periodisation {
    /// A period as prose names it: its discourse name where it has one ("Dialogue among civilisations"),
    /// else its label, in the language's quotation marks.
    public func quotedName(of periodID: String) -> LocalizedText {
        guard let period = periods.first(where: { $0.id == periodID }) else { return LocalizedText(en: periodID) }
        return .message("text.quoted", localized: ["text": period.name ?? period.label])
    }
}
