import CityDiplomacyCore

extension DatasetContent {
    /// The dataset as counted with every part — a district, borough or municipal part
    /// (``City/partOf``) — taken together with the city at the top of its chain, and what that
    /// changed.
    ///
    /// Each end of a relation, and the city of each membership and event, that is a part becomes
    /// its city; the parts leave ``cities``. Relations that then join the same pair of cities (in
    /// either order) with the same kind merge into the first in dataset order, as an import merges
    /// the rows of one pair: its id, ends, kind and fields are kept, sources, import rows, themes
    /// and flags are united, and the date is the earliest the merged relations give (with that
    /// relation's period placements). A relation between a part and its own city, or two parts of
    /// one city, is internal to it and left out. A link that dangles or goes round in a cycle is not
    /// followed (``PartHierarchy``). Records are never changed otherwise, so that with no part in
    /// the dataset the content comes back as it was.
    ///
    /// Aggregation is a way of counting, not a fact of the records, which is why it is here and
    /// not in storage or the import: the registry keeps each part as its own place.
    ///
    /// ```swift
    /// let (byCity, summary) = berlin.aggregatingParts()
    /// RegistryStatistics(contents: [byCity]).topCities.first   // Berlin, with its districts' partners
    /// ```
    ///
    /// - Parameter keepingWhole: cities counted as wholes whatever their link says, with their own
    ///   parts folded into them (a district asked about by name).
    public func aggregatingParts(keepingWhole: Set<String> = []) -> (content: DatasetContent, summary: PartAggregation) {
        let hierarchy = PartHierarchy(cities: cities, keepingWhole: keepingWhole)
        var summary = PartAggregation(wholeOfPart: hierarchy.wholeOfPart, danglingLinks: hierarchy.danglingLinks, cyclicLinks: hierarchy.cyclicLinks)
        guard !hierarchy.wholeOfPart.isEmpty else { return (self, summary) }
        var aggregated = self
        aggregated.cities = cities.filter { hierarchy.wholeOfPart[$0.id] == nil }
        aggregated.relations = Self.mergedRelations(relations, hierarchy, &summary)
        aggregated.memberships = Self.mergedMemberships(memberships, hierarchy, &summary)
        aggregated.events = events.map { event in
            var event = event
            event.cityID = hierarchy.whole(of: event.cityID)
            return event
        }
        return (aggregated, summary)
    }

    /// A relation's identity once parts are folded: its unordered pair of cities and its kind.
    private struct PairKey: Hashable {
        var low: String
        var high: String
        var kind: RelationKind

        init(_ relation: BilateralRelation) {
            low = min(relation.cityID, relation.partnerID)
            high = max(relation.cityID, relation.partnerID)
            kind = relation.kind
        }
    }

    private static func mergedRelations(_ relations: [BilateralRelation], _ hierarchy: PartHierarchy, _ summary: inout PartAggregation) -> [BilateralRelation] {
        var merged: [BilateralRelation] = []
        var indexOfPair: [PairKey: Int] = [:]
        for relation in relations {
            var folded = relation
            folded.cityID = hierarchy.whole(of: relation.cityID)
            folded.partnerID = hierarchy.whole(of: relation.partnerID)
            // A relation recorded between a city and itself is kept as recorded (the import flags
            // it); only one that folding made so is internal.
            if folded.cityID == folded.partnerID, relation.cityID != relation.partnerID {
                summary.internalRelations[relation.id] = folded.cityID
                continue
            }
            let key = PairKey(folded)
            if let index = indexOfPair[key] {
                merged[index].absorb(folded)
                summary.mergedRelations[relation.id] = merged[index].id
            } else {
                indexOfPair[key] = merged.count
                merged.append(folded)
            }
        }
        return merged
    }

    private struct MembershipKey: Hashable {
        var cityID: String
        var networkID: String
    }

    private static func mergedMemberships(_ memberships: [NetworkMembership], _ hierarchy: PartHierarchy, _ summary: inout PartAggregation) -> [NetworkMembership] {
        var merged: [NetworkMembership] = []
        var indexOfKey: [MembershipKey: Int] = [:]
        for membership in memberships {
            var folded = membership
            folded.cityID = hierarchy.whole(of: membership.cityID)
            let key = MembershipKey(cityID: folded.cityID, networkID: folded.networkID)
            if let index = indexOfKey[key] {
                merged[index].absorb(folded)
                summary.mergedMemberships[membership.id] = merged[index].id
            } else {
                indexOfKey[key] = merged.count
                merged.append(folded)
            }
        }
        return merged
    }
}

extension BilateralRelation {
    /// Takes in a relation of the same pair and kind: its sources, rows, themes and flags are
    /// added to this one's, and its date (with its placements) if earlier or if this has none.
    fileprivate mutating func absorb(_ other: BilateralRelation) {
        sources.appendNew(other.sources)
        importRows.appendNew(other.importRows)
        themes.appendNew(other.themes)
        flags.appendNew(other.flags)
        if let otherDate = other.signed, signed.map({ otherDate.gregorianDays.lowerBound < $0.gregorianDays.lowerBound }) ?? true {
            signed = otherDate
            periodPlacements = other.periodPlacements
        }
        if notes == nil { notes = other.notes }
        if status == .unknown { status = other.status }
    }
}

extension NetworkMembership {
    /// Takes in a membership of the same city and network: its sources, and its date if earlier.
    fileprivate mutating func absorb(_ other: NetworkMembership) {
        sources.appendNew(other.sources)
        if let otherDate = other.since, since.map({ otherDate.gregorianDays.lowerBound < $0.gregorianDays.lowerBound }) ?? true {
            since = otherDate
        }
        if role == nil { role = other.role }
        if notes == nil { notes = other.notes }
    }
}

extension Array where Element: Equatable {
    /// Appends the elements of `others` this array does not hold yet, in their order.
    fileprivate mutating func appendNew(_ others: [Element]) {
        for element in others where !contains(element) { append(element) }
    }
}
