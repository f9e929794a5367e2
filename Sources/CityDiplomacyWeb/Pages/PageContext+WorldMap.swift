import CityDiplomacyCore

extension PageContext {
    /// The words of a world map's legend in this page's language: what its emphasised points are
    /// (`home`), and the names of the kinds of relation from the vocabulary.
    func mapLegendWords(home: LocalizedText) -> WorldMap.LegendWords {
        let language = style
        return WorldMap.LegendWords(home: text(home), otherKinds: text(.message("web.map.legend.other-kinds")),
                                    kind: { language.text($0.label) })
    }
}
