extension Country {
    /// Since when the country is a state and what it was part of before, for a reader, in both
    /// languages: "State since 1991-09-09 (before: Soviet Union)"; in Persian the date as
    /// ``PartialDate/written`` gives it (with its Solar Hijri equivalent) and the predecessor's
    /// Persian name. `nil` for a country without ``stateSince``. Digits are Latin here: Persian
    /// output puts in Persian digits when it writes (`OutputStyle.text`).
    public var statehood: LocalizedText? {
        guard let stateSince else { return nil }
        guard let predecessor else {
            return .message("core.country.state-since", localized: ["date": stateSince.written])
        }
        return .message("core.country.state-since-before", localized: ["date": stateSince.written, "predecessor": predecessor])
    }
}
