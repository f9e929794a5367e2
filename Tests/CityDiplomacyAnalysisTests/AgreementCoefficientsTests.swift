import CityDiplomacyAnalysis
import CityDiplomacyReferenceData
import Testing

/// The coefficients against the worked examples their authors published.
@Suite("Cohen's kappa and Krippendorff's alpha reproduce published worked examples")
struct AgreementCoefficientsTests {
    /// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four
    /// observers, twelve units, values 1–5, some missing; nominal alpha = 0.743.
    static let fourObservers: [[Int?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    @Test("Four observers with missing values: nominal alpha 0.743")
    func krippendorffFourObservers() throws {
        let alpha = try #require(AgreementCoefficients.krippendorffsAlpha(Self.fourObservers))
        #expect(abs(alpha - 0.743) < 0.0005)
    }

    /// The same paper, section A: two observers, ten units, binary data; alpha = 0.095.
    @Test("Two observers, binary data: alpha 0.095")
    func krippendorffBinary() throws {
        let a: [Int?] = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
        let b: [Int?] = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
        let alpha = try #require(AgreementCoefficients.krippendorffsAlpha([a, b]))
        #expect(abs(alpha - 0.095) < 0.0005)
    }

    /// The usual textbook table (Wikipedia's "Cohen's kappa", first example): 50 proposals, 20
    /// both yes, 15 both no, 5 and 10 split; p_o = 0.7, p_e = 0.5, kappa = 0.4.
    @Test("Two readers of 50 proposals: kappa 0.4")
    func cohenProposals() throws {
        let a = Array(repeating: "yes", count: 20) + Array(repeating: "yes", count: 5) + Array(repeating: "no", count: 10) + Array(repeating: "no", count: 15)
        let b = Array(repeating: "yes", count: 20) + Array(repeating: "no", count: 5) + Array(repeating: "yes", count: 10) + Array(repeating: "no", count: 15)
        let kappa = try #require(AgreementCoefficients.cohensKappa(a, b))
        #expect(abs(kappa - 0.4) < 1e-12)
    }

    @Test("Perfect agreement is 1; no variation leaves both undefined, not 1 or 0")
    func limits() {
        #expect(AgreementCoefficients.cohensKappa(["a", "b", "a"], ["a", "b", "a"]) == 1)
        #expect(AgreementCoefficients.krippendorffsAlpha([["a", "b", "a"], ["a", "b", "a"]]) == 1)
        #expect(AgreementCoefficients.cohensKappa(["a", "a"], ["a", "a"]) == nil)
        #expect(AgreementCoefficients.krippendorffsAlpha([["a", "a"], ["a", "a"]]) == nil)
        #expect(AgreementCoefficients.krippendorffsAlpha([["a", nil], [nil, "b"]]) == nil)
        #expect(AgreementCoefficients.cohensKappa([String](), []) == nil)
    }

    @Test("With two coders and no missing values, alpha approaches kappa's Scott-like form")
    func alphaAgainstKappaOnLargeSample() throws {
        // For two coders alpha = 1 - (n-1) D_o / D_e; with identical margins it is Scott's pi
        // corrected by (n-1)/n: here the margins are equal, so pi and kappa coincide.
        let a = Array(repeating: 1, count: 40) + Array(repeating: 2, count: 60)
        let b = Array(repeating: 1, count: 30) + Array(repeating: 2, count: 10) + Array(repeating: 1, count: 10) + Array(repeating: 2, count: 50)
        let kappa = try #require(AgreementCoefficients.cohensKappa(a, b))
        let alpha = try #require(AgreementCoefficients.krippendorffsAlpha([a.map(Optional.some), b.map(Optional.some)]))
        let n = 200.0
        let pi = kappa  // equal margins (40/60 each)
        #expect(abs(alpha - (1 - (n - 1) / n * (1 - pi))) < 1e-9)
    }
}

@Suite("Agreement over passages of a text, by characters or sentences")
struct UnitisedAgreementTests {
    typealias Span = UnitisedAgreement.CodedSpan

    @Test("Characters: per theme, binary over every character, with the runs of disagreement")
    func characters() throws {
        let spans = [Span(coder: "ali", theme: "culture", range: 0..<4), Span(coder: "sara", theme: "culture", range: 2..<4),
                     Span(coder: "ali", theme: "economy", range: 6..<8), Span(coder: "sara", theme: "economy", range: 6..<8)]
        let result = UnitisedAgreement(length: 10, units: .characters).measure(spans)
        #expect(result.coders == ["ali", "sara"])
        let culture = try #require(result.themes["culture"])
        // ali: 1111000000, sara: 0011000000: p_o 0.8, p_e 0.4*0.2 + 0.6*0.8 = 0.56, kappa 0.24/0.44.
        #expect(abs((culture.kappa ?? 0) - 0.24 / 0.44) < 1e-12)
        #expect(culture.percentAgreement == 0.8)
        #expect(result.themes["economy"]?.kappa == 1)
        #expect(result.themes["economy"]?.alpha == 1)
        #expect(result.disagreements == [.init(theme: "culture", range: 0..<2, markedBy: ["ali"])])
        #expect(result.overall.units == 20)
    }

    @Test("A coder who found no theme counts: the disagreement shows, it does not vanish")
    func coderWhoMarkedNothing() throws {
        let spans = [Span(coder: "ali", theme: "culture", range: 0..<5)]
        let alone = UnitisedAgreement(length: 10, units: .characters).measure(spans)
        #expect(alone.coders == ["ali"])
        let both = UnitisedAgreement(length: 10, units: .characters).measure(spans, coders: ["ali", "sara"])
        #expect(both.coders == ["ali", "sara"])
        let culture = try #require(both.themes["culture"])
        #expect(culture.percentAgreement == 0.5)
        // ali 1111100000, sara all 0: p_o 0.5, p_e 0.5 * 1 + 0.5 * 0 = 0.5, kappa 0.
        #expect(culture.kappa == 0)
        #expect(both.disagreements == [.init(theme: "culture", range: 0..<5, markedBy: ["ali"])])
    }

    @Test("Coders are listed by their names' NFC forms, whatever form each name was typed in")
    func codersInOneOrder() {
        // Swift's < leaves the first two unordered (a decomposed name and a composed one it is a prefix of).
        let names = ["Hồ Chí Minh 3", "e\u{301}lise", "Hô\u{300} Chi\u{301} Minh", "fatima"]
        for order in [names, names.reversed(), [names[1], names[3], names[0], names[2]]] {
            let spans = order.enumerated().map { Span(coder: $1, theme: "culture", range: $0..<($0 + 1)) }
            let coders = UnitisedAgreement(length: 10, units: .characters).measure(spans).coders
            #expect(coders.map { Array($0.utf8) } == [names[2], names[0], names[3], names[1]].map { Array($0.utf8) })
            let pooled = PooledAgreement.measure([.init(id: "d", length: 10, units: .characters, spans: spans, coders: order)]).coders
            #expect(pooled.map { Array($0.utf8) } == coders.map { Array($0.utf8) })
        }
    }

    @Test("Sentences: a sentence is coded when any of its characters is")
    func sentences() throws {
        let spans = [Span(coder: "ali", theme: "culture", range: 3..<5), Span(coder: "sara", theme: "culture", range: 0..<2),
                     Span(coder: "sara", theme: "culture", range: 12..<14)]
        let result = UnitisedAgreement(length: 20, units: .sentences([0..<10, 10..<20])).measure(spans)
        let culture = try #require(result.themes["culture"])
        #expect(culture.units == 2)
        #expect(culture.percentAgreement == 0.5)
        #expect(result.disagreements == [.init(theme: "culture", range: 10..<20, markedBy: ["sara"])])
        #expect(result.units.name == "sentence")
    }
}

@Suite("Keyword suggestions from the codebook: candidates with the words that matched, never codings")
struct ThemeSuggestionsTests {
    @Test("English and Persian keywords of the study's codebook are found, each with its theme and words")
    func bundledCodebook() throws {
        let suggester = ThemeSuggestions(codebook: try CodebookFile.bundled())
        let english = suggester.suggest(in: "Italian experts will restore the church; tourism and trade will follow.")
        #expect(english.map(\.theme) == ["heritage", "religion", "tourism", "economy"])
        #expect(english.first?.keyword == "restore")
        // "A cultural week and tourists" in Persian, typed with Arabic yeh.
        let persian = "\u{0647}\u{0641}\u{062A}\u{0647} \u{0641}\u{0631}\u{0647}\u{0646}\u{06AF}\u{064A} \u{0648} \u{06AF}\u{0631}\u{062F}\u{0634}\u{06AF}\u{0631}"
        let found = suggester.suggest(in: persian)
        #expect(found.map(\.theme) == ["culture", "tourism"])
        // The longer keyword ("cultural week") is kept over "cultural" inside it.
        #expect(found.first?.range == 0..<11)
        #expect(found.first?.language == .fa)
    }
}
