// Temporary until territories land in CountryDirectory.
extension CountryDirectory {
    public func sameState(_ a: CountryCode, _ b: CountryCode) -> Bool { a == b }
}
