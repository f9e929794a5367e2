/// The study's four tables: 1 relations, 2 regions and affiliations, 3 periods, 4 networks.
public enum StudyTableNumber: String, Choice {
    case relations = "1"
    case regions = "2"
    case periods = "3"
    case networks = "4"

    public static let noun = "table"

    public var number: Int { Int(rawValue)! }

    public init?(number: Int) {
        self.init(rawValue: String(number))
    }
}
