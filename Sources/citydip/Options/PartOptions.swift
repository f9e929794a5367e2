import ArgumentParser

/// `--aggregate-parts`: count each district or other part of a city with its city, in the
/// commands whose counts of partners it changes.
struct PartOptions: ParsableArguments {
    @Flag(name: .customLong("aggregate-parts"), help: ArgumentHelp(
        "Count each district or other part of a city (its part_of) with that city rather than as a place of its own: relations that become the same pair and kind merge, those within one city are left out, and a note says how many (in Markdown and HTML; as aggregated_parts in the JSON of stats and show)."))
    var aggregateParts = false
}
