/// The id of a record of a dataset: `DATASET:LOCAL` (`iran-2018:tehran`,
/// `iran-2018:tehran/los-angeles/sister_city`). Ids are unique across datasets because they start
/// with the dataset's id; this type says which part is which, instead of splitting strings.
///
/// ```swift
/// let id = RecordID("iran-2018:tehran")!
/// id.dataset   // "iran-2018"
/// id.local     // "tehran"
/// RecordID(dataset: "iran-2018", local: "metropolis").description   // "iran-2018:metropolis"
/// ```
public struct RecordID: Hashable, Sendable, CustomStringConvertible {
    public var dataset: String
    /// The part after the dataset, unique within it.
    public var local: String

    public init(dataset: String, local: String) {
        self.dataset = dataset
        self.local = local
    }

    /// Reads `DATASET:LOCAL`; `nil` if there is no `:` or either part is empty.
    public init?(_ id: String) {
        guard let colon = id.firstIndex(of: ":") else { return nil }
        let dataset = String(id[..<colon]), local = String(id[id.index(after: colon)...])
        guard !dataset.isEmpty, !local.isEmpty else { return nil }
        self.init(dataset: dataset, local: local)
    }

    public var description: String { "\(dataset):\(local)" }

    /// Whether `id` is the id of a record of dataset `dataset`.
    public static func id(_ id: String, isIn dataset: String) -> Bool {
        RecordID(id)?.dataset == dataset
    }
}
