import Foundation

/// A date known to the year, the month or the day, in the calendar it was entered in.
///
/// Agreements are often known only by their year, and Iranian sources give Solar Hijri dates.
/// A `PartialDate` keeps what was known and in which calendar, and answers questions about it in
/// Gregorian terms: a Solar Hijri year spans parts of two Gregorian years, so the Gregorian view of a
/// partial date is a range of days, not a single year.
///
/// ```swift
/// let signed = try PartialDate(parsing: "1379 SH")       // Solar Hijri year 1379
/// signed.gregorianYears                                    // 2000...2001
/// try PartialDate(parsing: "2006-05").precision            // .month
/// ```
public struct PartialDate: Hashable, Sendable {
    /// The calendar a date was entered in.
    public enum CalendarSystem: String, Sendable, Codable, CaseIterable {
        case gregorian
        /// The Solar Hijri calendar used in Iran (Foundation's `.persian`).
        case solarHijri = "solar_hijri"

        var foundationIdentifier: Calendar.Identifier {
            switch self {
            case .gregorian: .gregorian
            case .solarHijri: .persian
            }
        }
    }

    /// How much of the date is known.
    public enum Precision: String, Sendable, Codable, Comparable {
        case year, month, day

        private var rank: Int {
            switch self {
            case .year: 0
            case .month: 1
            case .day: 2
            }
        }

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
    }

    public let calendar: CalendarSystem
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Builds a date, checking that the month and day exist in that calendar.
    public init(calendar: CalendarSystem = .gregorian, year: Int, month: Int? = nil, day: Int? = nil) throws(InvalidValue) {
        let written = [String(year), month.map { String(format: "%02d", $0) }, day.map { String(format: "%02d", $0) }]
            .compactMap { $0 }.joined(separator: "-")
        guard (1...9999).contains(year) else {
            throw InvalidValue(field: "date", value: written, expected: "a year between 1 and 9999")
        }
        if day != nil, month == nil {
            throw InvalidValue(field: "date", value: written, expected: "a month when a day is given")
        }
        if let month, !(1...12).contains(month) {
            throw InvalidValue(field: "date", value: written, expected: "a month from 1 to 12")
        }
        self.calendar = calendar
        self.year = year
        self.month = month
        self.day = day
        if let day, let month {
            let length = Self.daysInMonth(year: year, month: month, calendar: calendar)
            guard (1...length).contains(day) else {
                throw InvalidValue(
                    field: "date", value: written,
                    expected: "a day from 1 to \(length) in that month of the \(calendar == .gregorian ? "Gregorian" : "Solar Hijri") calendar"
                )
            }
        }
    }

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    // MARK: Gregorian view

    private static func foundationCalendar(_ system: CalendarSystem) -> Calendar {
        var calendar = Calendar(identifier: system.foundationIdentifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    private static func daysInMonth(year: Int, month: Int, calendar system: CalendarSystem) -> Int {
        let calendar = foundationCalendar(system)
        let first = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
        return calendar.range(of: .day, in: .month, for: first)!.count
    }

    /// The first and last day the date may stand for, as Gregorian (year, month, day).
    public var gregorianDays: ClosedRange<GregorianDay> {
        let calendar = Self.foundationCalendar(self.calendar)
        let start: DateComponents
        let end: DateComponents
        switch precision {
        case .day:
            start = DateComponents(year: year, month: month, day: day)
            end = start
        case .month:
            start = DateComponents(year: year, month: month, day: 1)
            end = DateComponents(year: year, month: month, day: Self.daysInMonth(year: year, month: month!, calendar: self.calendar))
        case .year:
            start = DateComponents(year: year, month: 1, day: 1)
            end = DateComponents(year: year, month: 12, day: Self.daysInMonth(year: year, month: 12, calendar: self.calendar))
        }
        return GregorianDay(calendar.date(from: start)!)...GregorianDay(calendar.date(from: end)!)
    }

    /// The Gregorian years the date may fall in: one year for a Gregorian date, up to two for a
    /// Solar Hijri year.
    public var gregorianYears: ClosedRange<Int> {
        let days = gregorianDays
        return days.lowerBound.year...days.upperBound.year
    }

    /// The Gregorian year when the date falls in exactly one, else `nil`.
    public var gregorianYear: Int? {
        let years = gregorianYears
        return years.lowerBound == years.upperBound ? years.lowerBound : nil
    }

    /// The same date written in the other calendar, where it can be said exactly (always for a
    /// day; for a month or year only when it maps to one month or year of the other calendar).
    public func converted(to target: CalendarSystem) -> PartialDate? {
        if target == calendar { return self }
        let days = gregorianDays
        let targetCalendar = Self.foundationCalendar(target)
        let lower = targetCalendar.dateComponents([.year, .month, .day], from: days.lowerBound.date)
        let upper = targetCalendar.dateComponents([.year, .month, .day], from: days.upperBound.date)
        switch precision {
        case .day:
            return try? PartialDate(calendar: target, year: lower.year!, month: lower.month!, day: lower.day!)
        case .month:
            guard lower.year == upper.year, lower.month == upper.month else { return nil }
            return try? PartialDate(calendar: target, year: lower.year!, month: lower.month!)
        case .year:
            guard lower.year == upper.year else { return nil }
            return try? PartialDate(calendar: target, year: lower.year!)
        }
    }
}

/// A day of the Gregorian calendar, used to compare dates entered in different calendars.
public struct GregorianDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    var date: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public static func < (lhs: GregorianDay, rhs: GregorianDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, `2018-04-02`.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
