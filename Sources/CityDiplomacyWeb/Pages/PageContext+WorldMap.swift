import CityDiplomacyCore

extension PageContext {
    /// The words of a world map's legend in this page's language: what its emphasised points are
    /// (`home`), and the names of the kinds of relation from the vocabulary.
    func mapLegendWords(home: LocalizedText) -> WorldMap.LegendWords {
        let language = style
        return WorldMap.LegendWords(home: text(home), otherKinds: text(.message("web.map.legend.other-kinds")),
                                    kind: { language.text($0.label) })
    }

    /// The caption under a map: how much of the page's data it draws (`drawn`), how many places
    /// were found by name in the gazetteer, and how many points it could not name.
    func mapCaption(_ drawn: LocalizedText, placedByGazetteer: Int, unlabelled: Int) -> String {
        var caption = text(drawn)
        caption += placedByGazetteer > 0 ? text(.message("web.map.placed-by-name", ["count": String(placedByGazetteer)])) : "."
        if unlabelled > 0 { caption += " " + text(.message("web.map.unlabelled", ["count": String(unlabelled)])) }
        return caption
    }
}
