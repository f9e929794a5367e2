/// Which codes make one state: ISO 3166-1 and GeoNames give dependent territories codes of
/// their own (GP, HK, AW), while lists of twin towns write their towns under the state
/// ("Pointe-a-Pitre, France").
extension CountryDirectory {
    /// The state `code` is part of: a dependent territory's sovereign (GP: FR), else `code`.
    public func state(of code: CountryCode) -> CountryCode {
        byCode[code.rawValue]?.sovereign ?? code
    }

    /// The dependent territories of the state `code`, in code order (FR: BL, GF, GP, …); empty
    /// for a territory and for a state without any.
    public func territories(of code: CountryCode) -> [CountryCode] {
        territoriesByState[code] ?? []
    }

    /// Whether `a` and `b` are one state: the same code, a state and one of its territories, or
    /// two territories of one state. A town GeoNames lists under GP lies in France as a list of
    /// twin towns writes it, but not in the Netherlands.
    public func sameState(_ a: CountryCode, _ b: CountryCode) -> Bool {
        a == b || state(of: a) == state(of: b)
    }
}
