extension DatasetContent {
    /// Checks what a store cannot leave to the database: every document is of this dataset and
    /// attached to one of its records, and every coded segment is of one of its documents and lies
    /// inside that document's text. Throws ``RegistryError`` naming the first record at fault, in
    /// the dataset's order.
    public func checkDocuments() throws(RegistryError) {
        guard !documents.isEmpty || !segments.isEmpty else { return }
        let id = dataset.id
        let records: [RecordReference.Kind: Set<String>] = [
            .relation: Set(relations.map(\.id)), .city: Set(cities.map(\.id)),
            .membership: Set(memberships.map(\.id)), .event: Set(events.map(\.id)),
        ]
        var lengths: [String: Int] = [:]
        for document in documents {
            try Self.check(document, isIn: id)
            guard records[document.attachedTo.kind]?.contains(document.attachedTo.id) == true else {
                throw .danglingReference(record: document.id, field: "attached_to", value: document.attachedTo.description)
            }
            guard lengths.updateValue(document.scalarCount, forKey: document.id) == nil else {
                throw .duplicateRecord(document.id, reason: "two documents of the dataset have this id")
            }
        }
        var segmentIDs: Set<String> = []
        for segment in segments {
            try Self.check(segment, isIn: id)
            guard let length = lengths[segment.documentID] else {
                throw .danglingReference(record: segment.id, field: "document", value: segment.documentID)
            }
            try Self.check(segment, fitsIn: length)
            guard segmentIDs.insert(segment.id).inserted else {
                throw .duplicateRecord(segment.id, reason: "two coded segments of the dataset have this id")
            }
        }
    }

    /// A document must name the dataset it is stored in.
    public static func check(_ document: AgreementDocument, isIn datasetID: String) throws(RegistryError) {
        guard document.datasetID == datasetID else {
            throw .danglingReference(record: document.id, field: "dataset", value: document.datasetID)
        }
    }

    public static func check(_ segment: CodedSegment, isIn datasetID: String) throws(RegistryError) {
        guard segment.datasetID == datasetID else {
            throw .danglingReference(record: segment.id, field: "dataset", value: segment.datasetID)
        }
    }

    /// A segment's offsets must be a non-empty range inside its document's `length` scalars.
    public static func check(_ segment: CodedSegment, fitsIn length: Int) throws(RegistryError) {
        guard segment.start >= 0, segment.start < segment.end, segment.end <= length else {
            throw .spanOutsideDocument(segment: segment.id, start: segment.start, end: segment.end, length: length)
        }
    }

    /// The themes coded in each relation's documents (accepted codings, not rejected
    /// suggestions), by relation id, in the order a theme is first coded.
    public var codedThemesByRelation: [String: [String]] {
        let documentRelation = Dictionary(
            documents.filter { $0.attachedTo.kind == .relation }.map { ($0.id, $0.attachedTo.id) }, uniquingKeysWith: { first, _ in first })
        var themes: [String: [String]] = [:]
        for segment in segments where segment.status == .coded {
            guard let relation = documentRelation[segment.documentID] else { continue }
            if !(themes[relation]?.contains(segment.theme) ?? false) { themes[relation, default: []].append(segment.theme) }
        }
        return themes
    }
}
