/// Chance-corrected agreement between coders who assigned units to nominal categories: Cohen's
/// kappa for two coders, Krippendorff's alpha for any number of coders with missing values. The
/// coefficients content analysis reports for its coding (Krippendorff, *Content Analysis*, 2004;
/// Cohen, 1960).
///
/// Units are whatever was coded — a character of a document, a sentence, a relation — and a value
/// is a category's name, or `nil` where a coder left a unit uncoded (missing, not "none").
///
/// ```swift
/// let a = ["yes", "yes", "no", "no"], b = ["yes", "no", "no", "no"]
/// AgreementCoefficients.cohensKappa(a, b)                    // 0.5
/// AgreementCoefficients.krippendorffsAlpha([a, b].map { $0.map(Optional.some) })
/// ```
public enum AgreementCoefficients {
    /// Cohen's kappa of two coders over the same units, each unit coded by both:
    /// (p_o − p_e) / (1 − p_e), where p_e comes from each coder's own distribution of categories.
    /// `nil` when there are no units, or when chance agreement is total (both coders used one and
    /// the same category throughout), where kappa is undefined.
    public static func cohensKappa<Category: Hashable>(_ first: [Category], _ second: [Category]) -> Double? {
        precondition(first.count == second.count, "both coders must code the same units")
        let n = Double(first.count)
        guard n > 0 else { return nil }
        var agreements = 0.0
        var firstCounts: [Category: Double] = [:], secondCounts: [Category: Double] = [:]
        for (a, b) in zip(first, second) {
            if a == b { agreements += 1 }
            firstCounts[a, default: 0] += 1
            secondCounts[b, default: 0] += 1
        }
        let observed = agreements / n
        let expected = firstCounts.reduce(0.0) { sum, entry in sum + entry.value / n * (secondCounts[entry.key] ?? 0) / n }
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }

    /// Krippendorff's alpha for nominal data: 1 − D_o / D_e over the coincidence matrix of the
    /// values paired within each unit. `codings[c][u]` is coder `c`'s value for unit `u`, `nil`
    /// where missing; units with fewer than two values are not pairable and are left out, as the
    /// coefficient defines. `nil` when fewer than two values are pairable, or when every pairable
    /// value is the same category (no variation: D_e = 0, alpha undefined).
    public static func krippendorffsAlpha<Category: Hashable>(_ codings: [[Category?]]) -> Double? {
        guard let units = codings.first?.count else { return nil }
        precondition(codings.allSatisfy { $0.count == units }, "every coder must have a value (or nil) for every unit")
        // o[c][k]: coincidences of categories c and k; n_c its margins.
        var coincidences: [Category: [Category: Double]] = [:]
        for unit in 0..<units {
            let values = codings.compactMap { $0[unit] }
            let m = Double(values.count)
            guard m >= 2 else { continue }
            var counts: [Category: Double] = [:]
            for value in values { counts[value, default: 0] += 1 }
            for (c, nc) in counts {
                for (k, nk) in counts {
                    // Each ordered pair of different coders' values in the unit, weighted 1/(m−1).
                    let pairs = c == k ? nc * (nc - 1) : nc * nk
                    coincidences[c, default: [:]][k, default: 0] += pairs / (m - 1)
                }
            }
        }
        var margins: [Category: Double] = [:]
        for (c, row) in coincidences { margins[c] = row.values.reduce(0, +) }
        let n = margins.values.reduce(0, +)
        guard n >= 2 else { return nil }
        let disagreementObserved = coincidences.reduce(0.0) { sum, entry in
            sum + entry.value.reduce(0.0) { inner, cell in inner + (cell.key == entry.key ? 0 : cell.value) }
        }
        let sameCategoryPairs = margins.values.reduce(0.0) { $0 + $1 * ($1 - 1) }
        let disagreementExpected = (n * (n - 1) - sameCategoryPairs) / (n - 1)
        guard disagreementExpected > 0 else { return nil }
        return 1 - disagreementObserved / disagreementExpected
    }
}
