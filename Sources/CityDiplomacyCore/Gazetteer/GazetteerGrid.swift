/// The places of a gazetteer by 1°×1° cell, for nearest-place queries.
///
/// One array of positions ordered by cell (and by position within a cell) and where each cell
/// starts in it, rather than a dictionary of one array per cell: no hashing per cell looked at,
/// and the cells' places are read in the order the dictionary's appends left them, so that a tie
/// between two places at the same distance goes as it went.
///
/// ```swift
/// let grid = GazetteerGrid(latitudes: latitudes, longitudes: longitudes)
/// for place in grid.places(inCell: GazetteerGrid.cell(latitude: 35, longitude: 51)) { … }
/// ```
struct GazetteerGrid: Sendable {
    /// Latitudes −90…90 (90 is a row of its own) by longitudes −180…179.
    static let cellCount = 181 * 360

    /// The places of cell `c` are `places[firstPlace[c]..<firstPlace[c + 1]]`.
    private let firstPlace: [Int32]
    private let places: [Int32]

    init(latitudes: [Double], longitudes: [Double]) {
        let cells = zip(latitudes, longitudes).map { Int(Self.cell(latitude: Int($0.0.rounded(.down)), longitude: Int($0.1.rounded(.down)))) }
        var firstPlace = [Int32](repeating: 0, count: Self.cellCount + 1)
        for cell in cells { firstPlace[cell + 1] += 1 }
        for cell in 0..<Self.cellCount { firstPlace[cell + 1] += firstPlace[cell] }
        var next = firstPlace
        var places = [Int32](repeating: 0, count: cells.count)
        for (place, cell) in cells.enumerated() {
            places[Int(next[cell])] = Int32(place)
            next[cell] += 1
        }
        self.firstPlace = firstPlace
        self.places = places
    }

    /// The places of a cell, in ascending position; none for a cell beyond the poles.
    func places(inCell cell: Int32) -> ArraySlice<Int32> {
        guard cell >= 0, Int(cell) < Self.cellCount else { return [] }
        return places[Int(firstPlace[Int(cell)])..<Int(firstPlace[Int(cell) + 1])]
    }

    static func cell(latitude: Int, longitude: Int) -> Int32 {
        let wrapped = ((longitude + 180) % 360 + 360) % 360
        return Int32((latitude + 90) * 360 + wrapped)
    }
}
