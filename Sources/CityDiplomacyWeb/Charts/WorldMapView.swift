/// What the `_world-map` template draws: every number already written as SVG wants it, in the
/// canvas units of ``EqualEarth``, the visible part given by `viewBox`.
struct WorldMapView {
    struct Arc {
        /// Its path, written into the page unescaped (`{{{d}}}`): escaping a city's thousands of
        /// arcs character by character was a fifth of its page's time. Safe because it is only
        /// ever ``WorldMap/pathData(_:)`` of projected points: `M`, `L`, digits, `.`, `-` and spaces.
        let d: String
        /// The class that styles it: ``ArcStyle``.
        let kind: String

        /// `nil` for a path holding anything but path data (a coordinate that was not finite
        /// would write `nan`): that arc is not drawn, rather than written unescaped or the
        /// server stopped.
        init?(d: String, kind: String) {
            guard d.utf8.allSatisfy(Self.isPathByte) else {
                assertionFailure("an arc's path holds only path data: \(d.prefix(40))")
                return nil
            }
            self.d = d
            self.kind = kind
        }

        private static func isPathByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || byte == UInt8(ascii: "M") || byte == UInt8(ascii: "L") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
        }
    }

    struct Point {
        let label: String
        let pointLink: String?
        let x: String
        let y: String
        let radius: String
        let home: Bool
        /// The white dot inside a home marker.
        let innerRadius: String
    }

    struct Label {
        let text: String
        let labelLink: String?
        let x: String
        let y: String
        let anchor: String
        let home: Bool
        /// Path data of the line to a name set further off from its point.
        let leader: String?
    }

    struct Legend {
        struct Row {
            /// A line in an arc's style, or the home marker.
            let sample: Arc?
            let marker: Point?
            let text: String
            let textX: String
            let textY: String
            let anchor: String
        }

        let x: String
        let y: String
        let width: String
        let height: String
        let rows: [Row]
    }

    let title: String
    let viewBox: String
    let baseMap: String
    let canvasWidth: String
    let canvasHeight: String
    let arcs: [Arc]
    let points: [Point]
    /// The size of names, and of the white outline under them, in canvas units.
    let fontSize: String
    let halo: String
    let labels: [Label]
    let legend: Legend?
    /// How many points are not named on the map (their names are in their titles).
    let unlabelled: Int
}

extension WorldMapView.Legend {
    init(_ layout: MapLegend.Layout, pixel: Double) {
        let fmt = WorldMap.fmt
        x = fmt(layout.box.x)
        y = fmt(layout.box.y)
        width = fmt(layout.box.width)
        height = fmt(layout.box.height)
        rows = layout.rows.map { row in
            let c = row.symbolCenter, half = row.symbolWidth / 2
            var arc: WorldMapView.Arc?, home: WorldMapView.Point?
            switch row.symbol {
            case let .arc(style):
                arc = .init(d: "M" + fmt(c.x - half) + " " + fmt(c.y) + "L" + fmt(c.x + half) + " " + fmt(c.y), kind: style.rawValue)
            case .home:
                home = .init(label: row.text, pointLink: nil, x: fmt(c.x), y: fmt(c.y), radius: fmt(WorldMap.homeRadius * pixel), home: true,
                             innerRadius: fmt(WorldMap.homeDotRadius * pixel))
            case .edge, .node:
                // The network of countries' symbols, which its own map draws.
                break
            }
            return Row(sample: arc, marker: home, text: row.text, textX: fmt(row.textX), textY: fmt(row.textY), anchor: row.anchor.rawValue)
        }
    }
}
